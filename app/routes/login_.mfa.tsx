import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import { assuranceLevel, verifySecondFactor } from "~/lib/mfa.server";
import { type SecondFactorErrorKey, totpCodeSchema } from "~/lib/mfa-form";
import { pageTitle } from "~/lib/page-title";
import { safeRedirect } from "~/lib/safe-redirect";
import { getSupabase, requireUser } from "~/lib/supabase.server";

/** Only for a session that has a second factor to verify; everyone else goes on. */
async function sessionToLift(request: Request, context: LoaderFunctionArgs["context"]) {
  await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const level = await assuranceLevel(supabase);
  return { supabase, needed: level.nextLevel === "aal2" && level.currentLevel !== "aal2" };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const { supabase, needed } = await sessionToLift(request, context);
  if (!needed) throw redirect(redirectTo, { headers: supabase.headers });
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("mfa.loginTitle")), redirectTo }, { headers: supabase.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  fieldErrors: FieldErrors;
  formError: SecondFactorErrorKey | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get("redirectTo"));
  const { supabase, needed } = await sessionToLift(request, context);
  if (!needed) throw redirect(redirectTo, { headers: supabase.headers });
  const parsed = parseForm(totpCodeSchema, formValues(form));
  if (!parsed.success) {
    return data<ActionData>(
      { fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers: supabase.headers },
    );
  }
  const result = await verifySecondFactor(supabase, parsed.data.code);
  if (result.ok) return redirect(redirectTo, { headers: supabase.headers });
  return data<ActionData>(
    { fieldErrors: {}, formError: result.error },
    { status: result.error === "tooManyAttempts" ? 429 : 400, headers: supabase.headers },
  );
}

export default function LoginSecondFactor() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting";
  const codeError = actionData?.fieldErrors.code;
  const formError = actionData?.formError ?? null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("mfa.loginTitle")}</h1>
        <p className="text-slate-800">{t("mfa.loginIntro")}</p>
      </div>
      <ErrorSummary
        title={t("mfa.errorSummary")}
        formError={formError ? { id: "mfa-error", message: t(`mfa.errors.${formError}`) } : null}
        problems={codeError ? [{ field: "code", message: t(`forms.errors.${codeError}`) }] : []}
      />
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          id="code"
          label={t("mfa.code")}
          hint={t("mfa.codeHint")}
          error={codeError ? t(`forms.errors.${codeError}`) : null}
          describedBy={formError ? "mfa-error" : null}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={9}
          required
        />
        <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={submitting}>
          {submitting ? t("mfa.verifying") : t("mfa.verify")}
        </button>
      </Form>
      <p>
        <Link
          to={`/login/recovery?${new URLSearchParams({ redirectTo })}`}
          className="font-medium text-blue-800 underline underline-offset-4"
        >
          {t("mfa.useRecoveryCode")}
        </Link>
      </p>
    </div>
  );
}
