/**
 * The library: published documents the reader may read, newest publication first, by kind.
 * library_documents() decides what is listed (archived documents are left out).
 */

import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LibraryKindFilter } from "~/components/library/library-kind-filter";
import { LibraryList } from "~/components/library/library-list";
import { LibrarySectionFilter } from "~/components/library/library-section-filter";
import { LibrarySectionHeading } from "~/components/library/library-section-heading";
import { Pager } from "~/components/ui/pager";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { librarySectionUrl, sectionFilterOf } from "~/lib/interpretations";
import { listLibraryForSection } from "~/lib/interpretations.server";
import { sectionsById } from "~/lib/legal-acts";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { libraryPerPage, libraryQuery } from "~/lib/library";
import { listLibrary } from "~/lib/library.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const params = new URL(request.url).searchParams;
  const query = libraryQuery(params);
  const acts = await loadLegalActs(client);
  // An id that is no known section lists everything rather than nothing.
  const section = sectionsById(acts).get(sectionFilterOf(params) ?? "") ?? null;
  const { items, hasNext } = section
    ? await listLibraryForSection(
        client,
        { section: section.id, kind: query.kind, page: query.page, perPage: libraryPerPage },
        locale,
      )
    : await listLibrary(client, query, locale);
  return data(
    { title: pageTitle(t("library.title")), query, acts, section, items, hasNext },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function Library() {
  const { query, acts, section, items, hasNext } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filters = { kind: query.kind, section: section?.id ?? null };
  const empty =
    query.page > 1
      ? t("library.list.emptyPage")
      : section
        ? t("interpretations.library.emptySection")
        : query.kind === "all"
          ? t("library.list.empty")
          : t("library.list.emptyFiltered");
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("library.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("library.intro")}</p>
      </header>
      <section aria-labelledby="library-results-heading" className="space-y-4">
        <h2 id="library-results-heading" className="text-2xl font-semibold">
          {t("library.list.resultsHeading")}
        </h2>
        <LibraryKindFilter query={query} section={filters.section} />
        <LibrarySectionFilter acts={acts} section={filters.section} kind={query.kind} />
        {section ? (
          <LibrarySectionHeading
            section={section}
            clearUrl={librarySectionUrl({ kind: query.kind, section: null })}
          />
        ) : null}
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">{empty}</p>
        ) : (
          <LibraryList items={items} />
        )}
        <Pager
          label={t("library.pager.label")}
          page={query.page}
          hasNext={hasNext}
          urlFor={(page) => librarySectionUrl(filters, page)}
        />
      </section>
    </div>
  );
}
