import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/discussions/post-form";
import { ReadOnlyNote } from "~/components/discussions/read-only-note";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import {
  emptyPostFormValues,
  newThreadSchema,
  type PostFormValues,
  parseDiscussionForm,
  postMaxTextLength,
  readOnlyReason,
  type ThreadFieldErrors,
} from "~/lib/discussion-form";
import { createThread, mentionCandidates, postedPostValues } from "~/lib/discussions.server";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import { richTextFromForm } from "~/lib/rich-text.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, role, canWrite } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  return data(
    {
      title: pageTitle(`${t("discussions.newThreadTitle")} – ${networkName(network, locale)}`),
      slug: network.slug,
      networkId: network.id,
      readOnly: readOnlyReason({ canWrite, archived: network.archived_at !== null, role }),
      candidates: canWrite ? await mentionCandidates(client, network.id, user.id, locale) : [],
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: PostFormValues;
  fieldErrors: ThreadFieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const form = await request.formData();
  const values = postedPostValues(form);
  const fields = parseDiscussionForm(newThreadSchema, formValues(form, ["mentions"]));
  const body = richTextFromForm(form, "body", { maxTextLength: postMaxTextLength });
  const fieldErrors: ThreadFieldErrors = fields.success ? {} : fields.fieldErrors;
  if (!body.success) fieldErrors.body = body.error;
  if (!fields.success || !body.success) {
    return data<ActionData>({ values, fieldErrors, formError: null }, { status: 400, headers });
  }
  // The policy decides who may start a thread: members and coordinators of an open network.
  const created = await createThread(client, network.id, fields.data, body);
  if ("error" in created) {
    const formError = dbErrorKey(created.error);
    if (formError === "unavailable") console.error("Starting a thread failed", created.error);
    return data<ActionData>(
      { values, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`/networks/${network.slug}/discussions/${created.id}?done=created`, { headers });
}

export default function NewThread() {
  const { slug, networkId, readOnly, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <h2 className="text-2xl font-semibold">{t("discussions.newThreadTitle")}</h2>
      <p>
        <Link
          to={`/networks/${slug}/discussions`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("discussions.back")}
        </Link>
      </p>
      {readOnly ? (
        <ReadOnlyNote reason={readOnly} />
      ) : (
        <PostForm
          mode="thread"
          idPrefix=""
          intent="create"
          values={actionData?.values ?? emptyPostFormValues}
          fieldErrors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError ?? null}
          candidates={candidates}
          draftKey={`thread:new:${networkId}`}
          cancelTo={`/networks/${slug}/discussions`}
          className="rounded-lg border border-slate-200 bg-white p-6"
        />
      )}
    </div>
  );
}
