/**
 * Opening a comment round on the document: what the editors see now is frozen and sent to the
 * invited organisations, networks and people. open_comment_round decides who may.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { OpenRoundForm } from "~/components/rounds/open-round-form";
import {
  type OpenRoundErrors,
  type OpenRoundValues,
  openRoundFields,
  openRoundListFields,
  parseOpenRound,
  postedOpenRoundValues,
} from "~/lib/comment-round-form";
import { chosenPeople, inviteOptions, openRound } from "~/lib/comment-rounds.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { requireDocument } from "~/lib/document-page.server";
import { searchPeople } from "~/lib/documents.server";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const [t, options] = await Promise.all([
    i18nServer.getFixedT(locale),
    inviteOptions(client, locale),
  ]);
  return data(
    {
      title: pageTitle(`${t("rounds.open.title")}: ${document.title}`),
      documentTitle: document.title,
      organisations: options.organisations,
      networks: options.networks,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: OpenRoundValues;
  fieldErrors: OpenRoundErrors;
  formError: DbErrorKey | null;
  people: { id: string; name: string; organisation: string | null }[];
  searched: boolean;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const raw = formValues(await request.formData(), openRoundListFields);
  const values = postedOpenRoundValues(raw);
  const shown = async (search: boolean) => {
    const [chosen, found] = await Promise.all([
      chosenPeople(client, values.people, locale),
      search ? searchPeople(client, values.personSearch, locale) : Promise.resolve([]),
    ]);
    const people = [...chosen, ...found.filter((person) => !values.people.includes(person.id))];
    return people;
  };
  if (raw.intent === "search") {
    return data<ActionData>(
      {
        values,
        fieldErrors: {},
        formError: null,
        people: await shown(true),
        searched: values.personSearch !== "",
      },
      { headers },
    );
  }
  const parsed = parseOpenRound(raw, new Date());
  if (!parsed.success) {
    return data<ActionData>(
      {
        values,
        fieldErrors: parsed.fieldErrors,
        formError: null,
        people: await shown(false),
        searched: false,
      },
      { status: 400, headers },
    );
  }
  const opened = await openRound(client, context, document.id, parsed.data);
  if ("error" in opened) {
    const formError = dbErrorKey(opened.error);
    if (formError === "unavailable") console.error("Opening a comment round failed", opened.error);
    return data<ActionData>(
      { values, fieldErrors: {}, formError, people: await shown(false), searched: false },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`/rounds/${opened.id}?done=opened`, { headers });
}

const emptyValues: OpenRoundValues = {
  title: "",
  instructions: "",
  deadlineDate: "",
  deadlineTime: "16:00",
  organisations: [],
  networks: [],
  people: [],
  personSearch: "",
};

export default function NewCommentRound() {
  const { documentTitle, organisations, networks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const errors: Partial<Record<(typeof openRoundFields)[number], string>> = {};
  for (const field of openRoundFields) {
    const key = fieldErrors[field];
    if (key) errors[field] = t(`rounds.errors.${key}`);
  }
  const problems = openRoundFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
  const formError = actionData?.formError
    ? { id: "round-form-error", message: t(`dbErrors.${actionData.formError}`) }
    : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("rounds.open.title")}</h2>
        <p>{t("rounds.open.intro", { title: documentTitle })}</p>
      </div>
      <ErrorSummary title={t("rounds.errorSummary")} formError={formError} problems={problems} />
      <OpenRoundForm
        values={actionData?.values ?? emptyValues}
        errors={errors}
        organisations={organisations}
        networks={networks}
        people={actionData?.people ?? []}
        searched={actionData?.searched ?? false}
        describedBy={formError?.id ?? null}
      />
    </div>
  );
}
