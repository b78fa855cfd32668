import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentCreateForm } from "~/components/documents/document-create-form";
import { DocumentList } from "~/components/documents/document-list";
import { Notice } from "~/components/forms/notice";
import { readOnlyReason } from "~/lib/discussion-form";
import { emptyCreateDocumentValues } from "~/lib/document-form";
import { listNetworkDocuments, submitCreateDocument } from "~/lib/documents.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, role, canWrite } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  return data(
    {
      title: pageTitle(`${t("documents.title")} – ${networkName(network, locale)}`),
      documents: await listNetworkDocuments(client, network.id, locale),
      // Which controls to show; create_document decides whether a document may be created.
      canWrite,
      readOnly: readOnlyReason({ canWrite, archived: network.archived_at !== null, role }),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const outcome = await submitCreateDocument(client, await request.formData(), network.id);
  if ("id" in outcome) throw redirect(`/documents/${outcome.id}`, { headers });
  return data(
    { values: outcome.values, errors: outcome.errors },
    { status: outcome.status, headers },
  );
}

export default function NetworkDocuments() {
  const { documents, canWrite, readOnly } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <h2 className="text-2xl font-semibold">{t("documents.title")}</h2>
      <p className="text-slate-700">{t("documents.network.intro")}</p>
      {readOnly ? <Notice tone="info">{t(`documents.network.readOnly.${readOnly}`)}</Notice> : null}

      {documents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 p-6">
          <p>{t("documents.network.empty")}</p>
          {canWrite ? (
            <p className="mt-2 text-slate-700">{t("documents.network.emptyCanWrite")}</p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {t("documents.list.count", { count: documents.length })}
          </p>
          <DocumentList documents={documents} />
        </>
      )}

      {canWrite ? (
        <section aria-labelledby="create-document-heading" className="max-w-3xl space-y-3">
          <h3 id="create-document-heading" className="text-xl font-semibold">
            {t("documents.network.createHeading")}
          </h3>
          <DocumentCreateForm
            values={actionData?.values ?? emptyCreateDocumentValues}
            errors={actionData?.errors ?? null}
          />
        </section>
      ) : null}
    </div>
  );
}
