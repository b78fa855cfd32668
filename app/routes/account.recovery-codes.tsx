import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNavigation } from "~/components/account/account-navigation";
import { RecoveryCodeList } from "~/components/account/recovery-code-list";
import { buttonClass } from "~/components/ui/button";
import { requireCompleteSignIn } from "~/lib/access.server";
import { i18nServer } from "~/lib/i18n.server";
import { assuranceLevel, generateRecoveryCodes } from "~/lib/mfa.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const [level, t] = await Promise.all([assuranceLevel(supabase), i18nServer.getFixedT(request)]);
  return data(
    {
      title: pageTitle(t("recoveryCodes.title")),
      hasFactor: level.nextLevel === "aal2",
      aal2: level.currentLevel === "aal2",
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const level = await assuranceLevel(supabase);
  if (level.nextLevel !== "aal2") throw redirect("/account/mfa", { headers: supabase.headers });
  if (level.currentLevel !== "aal2") {
    // New codes only right after the second factor (the database insists on it too).
    const params = new URLSearchParams({ redirectTo: "/account/recovery-codes" });
    throw redirect(`/login/mfa?${params}`, { headers: supabase.headers });
  }
  const codes = await generateRecoveryCodes(supabase);
  return data({ codes }, { headers: supabase.headers });
}

export default function RecoveryCodes() {
  const { hasFactor, aal2 } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("recoveryCodes.title")}</h1>
      <AccountNavigation />
      <p className="text-slate-800">{t("recoveryCodes.intro")}</p>
      {actionData ? (
        <RecoveryCodeList codes={actionData.codes} />
      ) : hasFactor ? (
        <Form method="post" className="space-y-2">
          <p>{aal2 ? t("recoveryCodes.replaceHint") : t("recoveryCodes.needsCode")}</p>
          <button type="submit" className={buttonClass("primary")}>
            {t("recoveryCodes.generate")}
          </button>
        </Form>
      ) : (
        <p>
          {t("recoveryCodes.noFactor")}{" "}
          <Link
            to="/account/mfa"
            className="font-medium text-blue-800 underline underline-offset-4"
          >
            {t("recoveryCodes.enrolLink")}
          </Link>
        </p>
      )}
    </div>
  );
}
