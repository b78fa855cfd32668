import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  emptyMeetingFormValues,
  type MeetingField,
  type MeetingFieldErrors,
  type MeetingFormValues,
  meetingFields,
  parseMeetingDetails,
  postedMeetingValues,
} from "~/lib/meeting-form";
import { createMeeting } from "~/lib/meetings.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import { richTextFromForm, sanitizeRichText } from "~/lib/rich-text.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { headers, network } = await requireNetwork(request, context, params.slug);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  return data(
    {
      title: pageTitle(`${t("meetings.newTitle")} – ${networkName(network, locale)}`),
      slug: network.slug,
      networkId: network.id,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: MeetingFormValues;
  fieldErrors: MeetingFieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const form = await request.formData();
  const posted = postedMeetingValues(form);
  const values = { ...posted, agendaHtml: sanitizeRichText(posted.agendaHtml) };
  const details = parseMeetingDetails(formValues(form));
  const agenda = richTextFromForm(form, "agenda", { maxTextLength: 20000, required: false });
  const fieldErrors: MeetingFieldErrors = details.success ? {} : details.fieldErrors;
  if (!agenda.success) fieldErrors.agenda = agenda.error;
  if (!details.success || !agenda.success) {
    return data<ActionData>({ values, fieldErrors, formError: null }, { status: 400, headers });
  }
  // The policy decides who may arrange a meeting: the network's coordinators.
  const created = await createMeeting(client, network.id, details.data, agenda);
  if ("error" in created) {
    const formError = dbErrorKey(created.error);
    if (formError === "unavailable") console.error("Creating a meeting failed", created.error);
    return data<ActionData>(
      { values, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`/networks/${network.slug}/meetings/${created.id}?done=created`, { headers });
}

export default function NewMeeting() {
  const { slug, networkId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const errors: Partial<Record<MeetingField, string>> = {};
  for (const field of meetingFields) {
    const key = fieldErrors[field];
    if (key) errors[field] = t(`meetings.errors.${key}`);
  }
  const problems = meetingFields.flatMap((field) => {
    const message = errors[field];
    // The rich-text fields' own ids are the editor's; the summary links to their section.
    return message ? [{ field, message }] : [];
  });
  return (
    <div className="max-w-3xl space-y-6">
      <h2 className="text-2xl font-semibold">{t("meetings.newTitle")}</h2>
      <p>
        <Link
          to={`/networks/${slug}/meetings`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("meetings.back")}
        </Link>
      </p>
      <ErrorSummary
        title={t("meetings.errorSummary")}
        formError={
          actionData?.formError
            ? { id: "meeting-form-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
        problems={problems}
      />
      <MeetingForm
        values={actionData?.values ?? emptyMeetingFormValues}
        errors={errors}
        mode="create"
        draftKey={`meeting:new:${networkId}`}
      />
    </div>
  );
}
