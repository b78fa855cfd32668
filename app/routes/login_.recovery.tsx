import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import { assuranceLevel, redeemRecoveryCode } from "~/lib/mfa.server";
import { recoveryCodeSchema } from "~/lib/mfa-form";
import { pageTitle } from "~/lib/page-title";
import { getSupabase, requireUser } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const level = await assuranceLevel(supabase);
  // Nothing to recover from: no factor, or the session is already verified.
  if (level.nextLevel !== "aal2" || level.currentLevel === "aal2") {
    throw redirect("/", { headers: supabase.headers });
  }
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("recovery.title")) }, { headers: supabase.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  fieldErrors: FieldErrors;
  formError: "codeInvalid" | "tooManyAttempts" | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(recoveryCodeSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<ActionData>(
      { fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers: supabase.headers },
    );
  }
  const result = await redeemRecoveryCode(supabase, parsed.data.code);
  if (result.ok) {
    // The database deleted the lost authenticator: enrol a new one at once.
    throw redirect("/account/mfa?recovered=1", { headers: supabase.headers });
  }
  return data<ActionData>(
    { fieldErrors: {}, formError: result.error },
    { status: result.error === "tooManyAttempts" ? 429 : 400, headers: supabase.headers },
  );
}

export default function LoginWithRecoveryCode() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const codeError = actionData?.fieldErrors.code;
  const formError = actionData?.formError ?? null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("recovery.title")}</h1>
        <p className="text-slate-800">{t("recovery.intro")}</p>
      </div>
      <ErrorSummary
        title={t("mfa.errorSummary")}
        formError={
          formError ? { id: "recovery-error", message: t(`recovery.errors.${formError}`) } : null
        }
        problems={codeError ? [{ field: "code", message: t(`forms.errors.${codeError}`) }] : []}
      />
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="code"
          label={t("recovery.code")}
          hint={t("recovery.codeHint")}
          error={codeError ? t(`forms.errors.${codeError}`) : null}
          describedBy={formError ? "recovery-error" : null}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <button
          type="submit"
          className={`${buttonClass("primary")} w-full`}
          disabled={navigation.state === "submitting"}
        >
          {t("recovery.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login/mfa" className="font-medium text-blue-800 underline underline-offset-4">
          {t("recovery.backToCode")}
        </Link>
      </p>
    </div>
  );
}
