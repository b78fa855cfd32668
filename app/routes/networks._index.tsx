import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { inputClass } from "~/components/forms/text-field";
import { NetworkCard, type NetworkCardData } from "~/components/networks/network-card";
import { buttonClass } from "~/components/ui/button";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkKinds, networkName, networkPurpose } from "~/lib/network";
import {
  describeActivity,
  directoryFacets,
  directoryFilters,
  directoryPageSize,
  hasFilters,
  searchNetworks,
} from "~/lib/network-directory.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const url = new URL(request.url);
  const filters = directoryFilters(url.searchParams);
  const locale = await getLocale(request);
  const [t, page, facets] = await Promise.all([
    i18nServer.getFixedT(locale),
    searchNetworks(client, filters, locale),
    directoryFacets(client, locale),
  ]);
  const networks: NetworkCardData[] = page.rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: networkName(row, locale),
    purpose: networkPurpose(row, locale),
    owner: locale === "sv" ? (row.owner_name_sv ?? row.owner_name_fi) : row.owner_name_fi,
    coordinators: row.coordinators,
    members: row.active_member_count,
    lastActivity: describeActivity(row.last_activity_at, locale),
    lastActivityIso: row.last_activity_at,
    membersOnly: row.visibility === "members",
    archived: row.archived_at !== null,
    role: row.my_role,
  }));
  return data(
    {
      title: pageTitle(t("networks.directory.title")),
      filters,
      filtered: hasFilters(filters),
      networks,
      total: page.total,
      pageSize: directoryPageSize,
      pages: Math.max(1, Math.ceil(page.total / directoryPageSize)),
      topics: facets.topics,
      organisations: facets.organisations,
      pendingInvitations: facets.pendingInvitations,
      left: url.searchParams.get("membership") === "leave",
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const linkClass = "font-medium text-blue-800 underline underline-offset-4 hover:text-blue-950";

function pageLink(filters: Record<string, string | number | boolean | null>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "page" || value === null || value === false || value === "") continue;
    if (key === "sort" && value === "activity") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/networks?${query}` : "/networks";
}

export default function NetworkDirectory() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { filters } = loaded;
  const searching = navigation.state === "loading" && navigation.location.pathname === "/networks";
  const from = (filters.page - 1) * loaded.pageSize + 1;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-2">
          <h1 className="text-3xl font-bold">{t("networks.directory.title")}</h1>
          <p className="text-lg text-slate-800">{t("networks.directory.intro")}</p>
        </div>
        <Link to="/networks/new" className={buttonClass("primary")}>
          {t("networks.directory.create")}
        </Link>
      </div>

      {loaded.left ? <Notice tone="success">{t("networks.membership.done.leave")}</Notice> : null}
      {loaded.pendingInvitations > 0 ? (
        <Notice tone="info">
          {t("networks.directory.invitations", { count: loaded.pendingInvitations })}{" "}
          <Link to="/networks/invitations" className={linkClass}>
            {t("networks.directory.invitationsLink")}
          </Link>
        </Notice>
      ) : null}

      <section aria-label={t("networks.directory.filtersLabel")}>
        <Form
          method="get"
          action="/networks"
          className="grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 md:grid-cols-2 lg:grid-cols-4"
        >
          <div className="space-y-1 md:col-span-2">
            <label htmlFor="directory-q" className="block font-medium">
              {t("networks.directory.search")}
            </label>
            <input
              id="directory-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              maxLength={200}
              aria-describedby="directory-q-hint"
              className={inputClass}
            />
            <p id="directory-q-hint" className="text-sm text-slate-700">
              {t("networks.directory.searchHint")}
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor="directory-kind" className="block font-medium">
              {t("networks.directory.kind")}
            </label>
            <select
              id="directory-kind"
              name="kind"
              defaultValue={filters.kind ?? ""}
              className={inputClass}
            >
              <option value="">{t("networks.directory.allKinds")}</option>
              {networkKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`networks.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="directory-org" className="block font-medium">
              {t("networks.directory.organisation")}
            </label>
            <select
              id="directory-org"
              name="org"
              defaultValue={filters.org ?? ""}
              className={inputClass}
            >
              <option value="">{t("networks.directory.allOrganisations")}</option>
              {loaded.organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="directory-topic" className="block font-medium">
              {t("networks.directory.topic")}
            </label>
            <select
              id="directory-topic"
              name="topic"
              defaultValue={filters.topic ?? ""}
              className={inputClass}
            >
              <option value="">{t("networks.directory.allTopics")}</option>
              {loaded.topics.map((topic) => (
                <option key={topic} value={topic}>
                  {topic}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="directory-sort" className="block font-medium">
              {t("networks.directory.sort")}
            </label>
            <select
              id="directory-sort"
              name="sort"
              defaultValue={filters.sort}
              className={inputClass}
            >
              <option value="activity">{t("networks.directory.sortActivity")}</option>
              <option value="name">{t("networks.directory.sortName")}</option>
            </select>
          </div>
          <fieldset className="space-y-1 md:col-span-2">
            <legend className="font-medium">{t("networks.directory.show")}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(
                [
                  ["mine", filters.mine],
                  ["active", filters.active],
                  ["archived", filters.archived],
                ] as const
              ).map(([name, checked]) => (
                <label key={name} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={name}
                    value="1"
                    defaultChecked={checked}
                    className="h-5 w-5"
                  />
                  {t(`networks.directory.only.${name}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap items-end gap-3 md:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClass("primary")} disabled={searching}>
              {searching ? t("networks.directory.searching") : t("networks.directory.apply")}
            </button>
            {loaded.filtered || filters.archived || filters.sort !== "activity" ? (
              <Link to="/networks" className={buttonClass("secondary")}>
                {t("networks.directory.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </section>

      <p role="status" className="font-medium">
        {loaded.total === 0
          ? t("networks.directory.noResults")
          : t("networks.directory.resultCount", {
              count: loaded.total,
              from,
              to: from + loaded.networks.length - 1,
            })}
      </p>

      {loaded.networks.length === 0 ? (
        <div className="space-y-2 rounded-lg border border-dashed border-slate-400 p-6">
          <p>
            {loaded.filtered
              ? t("networks.directory.emptyFiltered")
              : t("networks.directory.empty")}
          </p>
          {loaded.filtered ? (
            <Link to="/networks" className={linkClass}>
              {t("networks.directory.clear")}
            </Link>
          ) : (
            <Link to="/networks/new" className={linkClass}>
              {t("networks.directory.create")}
            </Link>
          )}
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {loaded.networks.map((network) => (
            <li key={network.id}>
              <NetworkCard network={network} />
            </li>
          ))}
        </ul>
      )}

      {loaded.pages > 1 ? (
        <nav aria-label={t("networks.directory.pagination")} className="flex items-center gap-4">
          {filters.page > 1 ? (
            <Link to={pageLink(filters, filters.page - 1)} className={linkClass} rel="prev">
              {t("networks.directory.previous")}
            </Link>
          ) : null}
          <span>{t("networks.directory.pageOf", { page: filters.page, pages: loaded.pages })}</span>
          {filters.page < loaded.pages ? (
            <Link to={pageLink(filters, filters.page + 1)} className={linkClass} rel="next">
              {t("networks.directory.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
