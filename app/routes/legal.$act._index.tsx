/**
 * One act: its sections in order, grouped by chapter where the act numbers sections per chapter,
 * each leading to the organisations' interpretations and guidance about it.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale } from "~/lib/i18n.server";
import {
  actIdFromSlug,
  actTitle,
  sectionAnchor,
  sectionHeading,
  sectionLabel,
  sectionPath,
} from "~/lib/legal-acts";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const actId = actIdFromSlug(params.act ?? "");
  const act = actId ? (await loadLegalActs(client)).find((each) => each.id === actId) : undefined;
  if (!act) throw data({ notFound: true }, { status: 404, headers });
  const title = `${act.id} ${actTitle(act, locale)}`;
  // Consecutive sections of one chapter form a group; acts without chapters are one group.
  const chapters: { chapter: string | null; sections: SectionItem[] }[] = [];
  for (const section of act.sections) {
    const last = chapters.at(-1);
    const item = {
      id: section.id,
      anchor: sectionAnchor(section.id),
      label: sectionLabel(section, locale),
      heading: sectionHeading(section, locale),
      path: sectionPath(section),
    };
    if (last && last.chapter === section.chapter) last.sections.push(item);
    else chapters.push({ chapter: section.chapter, sections: [item] });
  }
  return data({ title: pageTitle(title), heading: title, chapters }, { headers });
}

interface SectionItem {
  id: string;
  anchor: string;
  label: string;
  heading: string;
  path: string;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function LegalAct() {
  const { heading, chapters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <nav aria-label={t("legal.breadcrumb")}>
        <Link to="/legal" className="font-medium text-blue-800 underline underline-offset-4">
          {t("legal.backToActs")}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{heading}</h1>
        <p className="max-w-3xl text-slate-700">{t("legal.act.intro")}</p>
      </header>
      {chapters.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 p-6">
          {t("legal.act.empty")}
        </p>
      ) : (
        chapters.map((group) => (
          <section
            key={group.chapter ?? "all"}
            aria-label={
              group.chapter
                ? t("legal.act.chapter", { chapter: group.chapter })
                : t("legal.act.sections")
            }
            className="space-y-3"
          >
            <h2 className="text-2xl font-semibold">
              {group.chapter
                ? t("legal.act.chapter", { chapter: group.chapter })
                : t("legal.act.sections")}
            </h2>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {group.sections.map((section) => (
                <li key={section.id} id={section.anchor} className="p-4">
                  <Link
                    to={section.path}
                    className="text-blue-800 underline-offset-2 hover:underline"
                  >
                    <span className="font-semibold">{section.label}</span> {section.heading}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="legal.notFound.title"
      text="legal.notFound.text"
      backTo="/legal"
      backLabel="legal.backToActs"
    />
  );
}
