import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmEmailLink } from "~/lib/email-link.server";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { safeRedirect } from "~/lib/safe-redirect";
import { getSupabase } from "~/lib/supabase.server";

/**
 * Where the links in e-mails land (sign-up confirmation, password recovery): the code or token in
 * the link becomes a session, then the person goes on to `next` (home shows a pending person the
 * waiting page). A link that cannot be used explains what to do instead.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeRedirect(url.searchParams.get("next"));
  const supabase = getSupabase(request, context);
  const confirmed = await confirmEmailLink(supabase, url.searchParams);
  if (confirmed) throw redirect(next, { headers: supabase.headers });
  const t = await i18nServer.getFixedT(request);
  return data(
    { title: pageTitle(t("confirm.failedTitle")) },
    { status: 400, headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function ConfirmFailed() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("confirm.failedTitle")}</h1>
      <p className="text-lg text-slate-800">{t("confirm.failedText")}</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Link to="/login" className="font-medium text-blue-800 underline underline-offset-4">
            {t("confirm.signIn")}
          </Link>
        </li>
        <li>
          <Link
            to="/forgot-password"
            className="font-medium text-blue-800 underline underline-offset-4"
          >
            {t("confirm.newLink")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
