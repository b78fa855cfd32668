/**
 * A sparring network's questions, newest first, filtered by state, section and words.
 * sparring_question_list() shows them to the network's members only; my_sparring_role() only
 * chooses which links to show (asking, the lawyers' queue, the settings).
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { QuestionList } from "~/components/sparring/question-list";
import { buttonClass } from "~/components/ui/button";
import { Pager } from "~/components/ui/pager";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { actTitle, sectionTitle } from "~/lib/legal-acts";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { networkName } from "~/lib/network";
import { pageTitle } from "~/lib/page-title";
import { listQuestions, requireSparringNetwork } from "~/lib/sparring.server";
import { sparringRole } from "~/lib/sparring-admin.server";
import { questionFiltersFrom, questionListUrl } from "~/lib/sparring-list";
import { questionStatuses } from "~/lib/sparring-question-form";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network } = await requireSparringNetwork(request, context, params.slug);
  const filters = questionFiltersFrom(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const [role, acts, t] = await Promise.all([
    sparringRole(client, network.id),
    loadLegalActs(client),
    i18nServer.getFixedT(locale),
  ]);
  const list = role.isMember
    ? await listQuestions(client, network.id, filters, locale)
    : { questions: [], page: 1, hasNext: false };
  return data(
    {
      title: pageTitle(`${t("sparring.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      filters,
      filtered: filters.status !== null || filters.section !== null || filters.search !== "",
      acts: acts.map((act) => ({
        id: act.id,
        title: actTitle(act, locale),
        sections: act.sections.map((section) => ({
          id: section.id,
          title: sectionTitle(section, locale),
        })),
      })),
      ...list,
      isMember: role.isMember,
      canAsk: role.canAsk,
      handlesQueue: role.isLawyer || role.isCoordinator,
      isCoordinator: role.isCoordinator,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function SparringQuestions() {
  const loaded = useLoaderData<typeof loader>();
  const { slug, filters } = loaded;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-semibold">{t("sparring.title")}</h2>
        {loaded.canAsk ? (
          <Link to={`/networks/${slug}/sparring/new`} className={buttonClass("primary")}>
            <span aria-hidden="true">+</span> {t("sparring.list.ask")}
          </Link>
        ) : null}
      </div>
      <p className="max-w-3xl text-slate-700">{t("sparring.list.intro")}</p>
      {loaded.handlesQueue || loaded.isCoordinator ? (
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {loaded.handlesQueue ? (
            <li>
              <Link to="/sparring" className="text-blue-800 underline underline-offset-2">
                {t("sparring.list.queueLink")}
              </Link>
            </li>
          ) : null}
          {loaded.isCoordinator ? (
            <li>
              <Link
                to={`/networks/${slug}/sparring/settings`}
                className="text-blue-800 underline underline-offset-2"
              >
                {t("sparring.list.settingsLink")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      {loaded.isMember ? (
        <>
          <QuestionFilters slug={slug} filters={filters} acts={loaded.acts} />
          {loaded.questions.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-400 p-6">
              <p>
                {loaded.filtered || loaded.page > 1
                  ? t("sparring.list.emptyFiltered")
                  : t("sparring.list.empty")}
              </p>
              {loaded.canAsk && !loaded.filtered ? (
                <p className="mt-2 text-slate-700">{t("sparring.list.emptyCanAsk")}</p>
              ) : null}
            </div>
          ) : (
            <QuestionList slug={slug} questions={loaded.questions} />
          )}
          <Pager
            label={t("sparring.list.pagerLabel")}
            page={loaded.page}
            hasNext={loaded.hasNext}
            urlFor={(page) => questionListUrl(slug, filters, page)}
          />
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-400 p-6">
          {t("sparring.list.notMember")}
        </p>
      )}
    </div>
  );
}

function QuestionFilters(props: {
  slug: string;
  filters: ReturnType<typeof useLoaderData<typeof loader>>["filters"];
  acts: ReturnType<typeof useLoaderData<typeof loader>>["acts"];
}) {
  const { t } = useTranslation();
  const { filters } = props;
  const cleared = `/networks/${props.slug}/sparring`;
  return (
    <Form
      // A new address starts the fields again from it (after "clear filters", for one).
      key={questionListUrl(props.slug, filters)}
      method="get"
      action={cleared}
      aria-label={t("sparring.filters.label")}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[10rem_minmax(0,1fr)_minmax(0,1fr)_auto]"
    >
      <div className="space-y-1">
        <label htmlFor="filter-status" className="block font-medium">
          {t("sparring.filters.status")}
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={filters.status ?? ""}
          className={inputClass}
        >
          <option value="">{t("sparring.filters.all")}</option>
          {questionStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`sparring.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-section" className="block font-medium">
          {t("sparring.filters.section")}
        </label>
        <select
          id="filter-section"
          name="section"
          defaultValue={filters.section ?? ""}
          className={inputClass}
        >
          <option value="">{t("sparring.filters.anySection")}</option>
          {props.acts.map((act) => (
            <optgroup key={act.id} label={`${act.id} ${act.title}`}>
              {act.sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-search" className="block font-medium">
          {t("sparring.filters.search")}
        </label>
        <input
          id="filter-search"
          name="q"
          type="search"
          defaultValue={filters.search}
          aria-describedby="filter-search-hint"
          className={inputClass}
        />
        <p id="filter-search-hint" className="text-sm text-slate-700">
          {t("sparring.filters.searchHint")}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-3 md:pt-7">
        <button type="submit" className={buttonClass("secondary")}>
          {t("sparring.filters.submit")}
        </button>
        {filters.status || filters.section || filters.search ? (
          <Link to={cleared} className="py-2 text-blue-800 underline underline-offset-2">
            {t("sparring.filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  const { slug } = useParams();
  return (
    <NotFoundBoundary
      title="sparring.notFound.title"
      text="sparring.notFound.text"
      backTo={`/networks/${slug ?? ""}`}
      backLabel="sparring.notFound.back"
    />
  );
}
