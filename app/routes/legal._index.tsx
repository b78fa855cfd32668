/**
 * The acts questions and interpretations cite, each leading to its sections and from there to
 * what each organisation has published about a section.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { actPath, actTitle } from "~/lib/legal-acts";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const acts = await loadLegalActs(client);
  return data(
    {
      title: pageTitle(t("legal.title")),
      acts: acts.map((act) => ({
        id: act.id,
        path: actPath(act.id),
        title: actTitle(act, locale),
        sectionCount: act.sections.length,
      })),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function LegalActs() {
  const { acts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("legal.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("legal.intro")}</p>
      </header>
      <section aria-labelledby="legal-acts-heading" className="space-y-4">
        <h2 id="legal-acts-heading" className="text-2xl font-semibold">
          {t("legal.acts.heading")}
        </h2>
        {acts.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 p-6">
            {t("legal.acts.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {acts.map((act) => (
              <li key={act.id} className="space-y-1 p-4">
                <h3 className="text-lg font-semibold">
                  <Link to={act.path} className="text-blue-800 underline-offset-2 hover:underline">
                    {`${act.id} ${act.title}`}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">
                  {t("legal.acts.sectionCount", { count: act.sectionCount })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
