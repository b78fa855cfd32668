import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentList } from "~/components/documents/document-list";
import { DocumentSearchForm } from "~/components/documents/document-search-form";
import { buttonClass } from "~/components/ui/button";
import { Pager } from "~/components/ui/pager";
import { requireActiveUser } from "~/lib/access.server";
import { documentListQuery, documentListUrl } from "~/lib/document-form";
import { listReadableDocuments, listRecentDocuments } from "~/lib/documents.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const query = documentListQuery(new URL(request.url).searchParams);
  const [recent, readable] = await Promise.all([
    listRecentDocuments(client, locale),
    listReadableDocuments(client, query, locale),
  ]);
  return data({ title: pageTitle(t("documents.title")), query, recent, ...readable }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function Documents() {
  const { query, recent, documents, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = query.search !== "" || query.kind !== "all";
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{t("documents.title")}</h1>
          <p className="text-slate-700">{t("documents.intro")}</p>
        </div>
        <Link to="/documents/new" className={buttonClass("primary")}>
          <span aria-hidden="true">+</span> {t("documents.create.newButton")}
        </Link>
      </header>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-2xl font-semibold">
          {t("documents.mine.recentHeading")}
        </h2>
        <p className="text-slate-700">{t("documents.mine.recentIntro")}</p>
        {recent.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">
            {t("documents.mine.recentEmpty")}
          </p>
        ) : (
          <DocumentList documents={recent} showNetwork />
        )}
      </section>

      <section aria-labelledby="all-heading" className="space-y-3">
        <h2 id="all-heading" className="text-2xl font-semibold">
          {t("documents.mine.allHeading")}
        </h2>
        <DocumentSearchForm query={query} />
        {documents.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">
            {filtered && total === 0
              ? t("documents.mine.allEmptyFiltered")
              : t("documents.mine.allEmpty")}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700" aria-live="polite">
              {t("documents.list.count", { count: total })}
            </p>
            <DocumentList documents={documents} showNetwork />
          </>
        )}
        <Pager
          label={t("documents.pagination.label")}
          page={page}
          pageCount={pageCount}
          urlFor={(target) => documentListUrl(query, target)}
        />
      </section>
    </div>
  );
}
