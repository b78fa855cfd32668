import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { requireActiveUser } from "~/lib/access.server";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { displayName, getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  const [user, t] = await Promise.all([supabase.getUser(), i18nServer.getFixedT(request)]);
  // Signed in: the product only for an active member past their second step (else a redirect).
  if (user) await requireActiveUser(request, context);
  return data(
    { title: pageTitle(t("home.title")), name: user ? displayName(user) : null },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function Home() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (name !== null) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t("home.greeting", { name })}</h1>
        <p className="text-lg text-slate-800">{t("home.signedInIntro")}</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("home.signedOutHeading")}</h1>
      <p className="text-lg text-slate-800">{t("app.tagline")}</p>
      <p className="text-slate-800">{t("home.signedOutIntro")}</p>
      <p>
        <Link to="/login" className={buttonClass("primary")}>
          {t("home.signInLink")}
        </Link>
      </p>
    </div>
  );
}
