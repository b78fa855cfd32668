import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNavigation } from "~/components/account/account-navigation";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { requireCompleteSignIn } from "~/lib/access.server";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { newPasswordSchema, passwordMinLength } from "~/lib/signup-form";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("password.title")) }, { headers: supabase.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type PasswordErrorKey = "samePassword" | "unavailable";

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(newPasswordSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<{ fieldErrors: FieldErrors; formError: PasswordErrorKey | null }>(
      { fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers: supabase.headers },
    );
  }
  const { error } = await supabase.client.auth.updateUser({ password: parsed.data.password });
  if (error) {
    if (error.code === "insufficient_aal") {
      const params = new URLSearchParams({ redirectTo: "/account/password" });
      throw redirect(`/login/mfa?${params}`, { headers: supabase.headers });
    }
    const fieldErrors: FieldErrors =
      error.code === "weak_password" ? { password: "passwordTooShort" } : {};
    const formError: PasswordErrorKey | null =
      error.code === "same_password"
        ? "samePassword"
        : error.code === "weak_password"
          ? null
          : "unavailable";
    if (formError === "unavailable") console.error("Changing a password failed", error);
    return data({ fieldErrors, formError }, { status: 400, headers: supabase.headers });
  }
  throw redirect("/account/password?changed=1", { headers: supabase.headers });
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const error = (field: "password" | "confirmPassword") => {
    const key = fieldErrors[field];
    return key ? t(`forms.errors.${key}`) : null;
  };
  const problems = (["password", "confirmPassword"] as const).flatMap((field) => {
    const message = error(field);
    return message ? [{ field, message }] : [];
  });
  const formError = actionData?.formError ?? null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("password.title")}</h1>
      <AccountNavigation />
      {searchParams.get("changed") === "1" && !actionData ? (
        <Notice tone="success">{t("password.changed")}</Notice>
      ) : null}
      <ErrorSummary
        title={t("password.errorSummary")}
        formError={
          formError
            ? { id: "password-form-error", message: t(`password.errors.${formError}`) }
            : null
        }
        problems={problems}
      />
      <Form
        method="post"
        noValidate
        className="max-w-md space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="password"
          label={t("password.new")}
          hint={t("signup.passwordHint", { count: passwordMinLength })}
          error={error("password")}
          type="password"
          autoComplete="new-password"
          required
        />
        <TextField
          id="confirmPassword"
          label={t("password.confirm")}
          error={error("confirmPassword")}
          type="password"
          autoComplete="new-password"
          required
        />
        <button
          type="submit"
          className={buttonClass("primary")}
          disabled={navigation.state === "submitting"}
        >
          {t("password.submit")}
        </button>
      </Form>
    </div>
  );
}
