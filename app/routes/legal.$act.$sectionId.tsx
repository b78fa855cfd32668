/**
 * The divergence view of one section: each organisation's published interpretations and
 * guidance about it side by side, and the sparring questions about it in the reader's networks.
 * The database decides what the reader may see of either.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { DivergenceGrid } from "~/components/legal/divergence-grid";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale } from "~/lib/i18n.server";
import {
  actIdFromSlug,
  actPath,
  actTitle,
  sectionHeading,
  sectionLabel,
  sectionsById,
} from "~/lib/legal-acts";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { loadSectionDivergence } from "~/lib/legal-divergence.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";
import { isUuid } from "~/lib/uuid";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const actId = actIdFromSlug(params.act ?? "");
  const sectionId = params.sectionId ?? "";
  const acts = actId && isUuid(sectionId) ? await loadLegalActs(client) : [];
  const section = sectionsById(acts).get(sectionId);
  const act = acts.find((each) => each.id === actId);
  if (!section || !act || section.actId !== act.id) {
    throw data({ notFound: true }, { status: 404, headers });
  }
  const heading = `${sectionLabel(section, locale)} – ${sectionHeading(section, locale)}`;
  const { columns, questions } = await loadSectionDivergence(client, section.id, locale);
  return data(
    {
      title: pageTitle(heading),
      heading,
      act: { path: actPath(act.id), title: `${act.id} ${actTitle(act, locale)}` },
      columns,
      questions,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function LegalSectionDivergence() {
  const { heading, act, columns, questions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <nav aria-label={t("legal.breadcrumb")}>
        <ol className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link to="/legal" className="font-medium text-blue-800 underline underline-offset-4">
              {t("legal.title")}
            </Link>
            <span aria-hidden="true"> /</span>
          </li>
          <li>
            <Link to={act.path} className="font-medium text-blue-800 underline underline-offset-4">
              {act.title}
            </Link>
          </li>
        </ol>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{heading}</h1>
        <p className="max-w-3xl text-slate-700">{t("legal.divergence.intro")}</p>
      </header>
      <section aria-labelledby="divergence-heading" className="space-y-4">
        <h2 id="divergence-heading" className="text-2xl font-semibold">
          {t("legal.divergence.heading")}
        </h2>
        {columns.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">
            {t("legal.divergence.empty")}
          </p>
        ) : (
          <DivergenceGrid columns={columns} />
        )}
      </section>
      <section aria-labelledby="section-questions-heading" className="space-y-4">
        <h2 id="section-questions-heading" className="text-2xl font-semibold">
          {t("legal.questions.heading")}
        </h2>
        {questions.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">
            {t("legal.questions.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {questions.map((question) => (
              <li key={question.id} className="space-y-1 p-4">
                <Link
                  to={`/networks/${question.networkSlug}/sparring/${question.id}`}
                  className="font-semibold text-blue-800 underline-offset-2 hover:underline"
                >
                  {question.title}
                </Link>
                <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                  <span>{t(`legal.questions.status.${question.status}`)}</span>
                  <span>
                    {t("legal.questions.asked")}{" "}
                    <time dateTime={question.created.iso}>{question.created.text}</time>
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="legal.notFound.sectionTitle"
      text="legal.notFound.sectionText"
      backTo="/legal"
      backLabel="legal.backToActs"
    />
  );
}
