/**
 * A co-edited document: its title, what it is, where it lives and who last changed it, above
 * the document's sections (the text, its history, who it is shared with) in the outlet.
 */

import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentTabs } from "~/components/editor/document-tabs";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { requireDocument } from "~/lib/document-page.server";
import { getLocale } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { headers, document, access, network, ownerName, lastEdited, lastEditorName } =
    await requireDocument(request, context, params.documentId, locale);
  return data(
    {
      title: pageTitle(document.title),
      document: {
        id: document.id,
        title: document.title,
        kind: document.kind,
        status: document.status,
        language: document.language,
      },
      access,
      network,
      ownerName,
      lastEdited,
      lastEditorName,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function DocumentLayout() {
  const { document, network, ownerName, lastEdited, lastEditorName } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm font-medium text-slate-700">
          {t(`documents.kinds.${document.kind}`)}
          {ownerName ? ` · ${ownerName}` : null}
        </p>
        <h1 className="text-3xl font-bold break-words" lang={document.language}>
          {document.title}
        </h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
          <div className="flex gap-1">
            <dt className="font-medium">{t("editor.page.status")}:</dt>
            <dd>{t(`documents.statuses.${document.status}`)}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="font-medium">{t("editor.page.language")}:</dt>
            <dd>{t(`documents.languages.${document.language}`)}</dd>
          </div>
          {network ? (
            <div className="flex gap-1">
              <dt className="font-medium">{t("editor.page.network")}:</dt>
              <dd>
                <Link
                  to={`/networks/${network.slug}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {network.name}
                </Link>
              </dd>
            </div>
          ) : null}
          {lastEdited ? (
            <div className="flex gap-1">
              <dt className="font-medium">{t("editor.page.lastEdited")}:</dt>
              <dd>
                <time dateTime={lastEdited.iso}>{lastEdited.text}</time>
                {lastEditorName ? ` (${lastEditorName})` : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <DocumentTabs documentId={document.id} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="editor.page.notFoundTitle"
      text="editor.page.notFoundText"
      backTo="/documents"
      backLabel="editor.page.backToDocuments"
    />
  );
}
