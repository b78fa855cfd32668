import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReadOnlyNote } from "~/components/discussions/read-only-note";
import { AnsweredBadge, ThreadKindBadge } from "~/components/discussions/thread-badges";
import { Notice } from "~/components/forms/notice";
import { buttonClass } from "~/components/ui/button";
import { navLinkClass } from "~/components/ui/nav-link-class";
import {
  readOnlyReason,
  type ThreadFilter,
  threadFilterFrom,
  threadFilters,
} from "~/lib/discussion-form";
import { listThreads } from "~/lib/discussions.server";
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
  const url = new URL(request.url);
  const filter = threadFilterFrom(url.searchParams.get("filter"));
  const requested = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(requested) && requested >= 1 ? Math.min(requested, 10000) : 1;
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const threads = await listThreads(client, network.id, filter, page, locale);
  return data(
    {
      title: pageTitle(`${t("discussions.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      filter,
      ...threads,
      // Which controls and notes to show; the database decides whether a post is accepted.
      canWrite,
      readOnly: readOnlyReason({ canWrite, archived: network.archived_at !== null, role }),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

function listUrl(slug: string, filter: ThreadFilter, page = 1): string {
  const search = new URLSearchParams();
  if (filter !== "all") search.set("filter", filter);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return `/networks/${slug}/discussions${query ? `?${query}` : ""}`;
}

export default function Discussions() {
  const { slug, filter, threads, total, page, pageCount, canWrite, readOnly } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const deleted = navigation.state === "idle" && searchParams.get("done") === "deleted";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-semibold">{t("discussions.title")}</h2>
        {canWrite ? (
          <Link to={`/networks/${slug}/discussions/new`} className={buttonClass("primary")}>
            <span aria-hidden="true">+</span> {t("discussions.newThread")}
          </Link>
        ) : null}
      </div>
      <p className="text-slate-700">{t("discussions.intro")}</p>
      {deleted ? <Notice tone="success">{t("discussions.done.deleted")}</Notice> : null}
      {readOnly ? <ReadOnlyNote reason={readOnly} /> : null}

      <nav aria-label={t("discussions.filters.label")}>
        <ul className="flex flex-wrap gap-2">
          {threadFilters.map((each) => (
            <li key={each}>
              <Link
                to={listUrl(slug, each)}
                aria-current={each === filter ? "page" : undefined}
                className={navLinkClass(each === filter)}
              >
                {t(`discussions.filters.${each}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {threads.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 p-6">
          <p>
            {filter !== "all" && total === 0 && page === 1
              ? t("discussions.list.emptyFiltered")
              : t("discussions.list.empty")}
          </p>
          {canWrite && filter === "all" ? (
            <p className="mt-2 text-slate-700">{t("discussions.list.emptyCanWrite")}</p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("discussions.list.count", { count: total })}</p>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {threads.map((thread) => (
              <li key={thread.id} className="space-y-1 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <ThreadKindBadge kind={thread.kind} />
                  {thread.answered ? <AnsweredBadge /> : null}
                </div>
                <h3 className="text-lg font-semibold">
                  <Link
                    to={`/networks/${slug}/discussions/${thread.id}`}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    {thread.title}
                  </Link>
                </h3>
                <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                  <span>
                    {t("discussions.list.startedBy", {
                      name: thread.author.name ?? t("discussions.formerMember"),
                    })}
                  </span>
                  <span>{t("discussions.list.replies", { count: thread.replyCount })}</span>
                  <span>
                    {t("discussions.list.lastActivity", { date: thread.lastActivity.text })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("discussions.pagination.label")}>
          <ul className="flex flex-wrap items-center gap-3">
            <li>
              {page > 1 ? (
                <Link
                  to={listUrl(slug, filter, Math.min(page - 1, pageCount))}
                  className={buttonClass("secondary")}
                  rel="prev"
                >
                  {t("discussions.pagination.previous")}
                </Link>
              ) : null}
            </li>
            <li aria-current="page">{t("discussions.pagination.status", { page, pageCount })}</li>
            <li>
              {page < pageCount ? (
                <Link
                  to={listUrl(slug, filter, page + 1)}
                  className={buttonClass("secondary")}
                  rel="next"
                >
                  {t("discussions.pagination.next")}
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
