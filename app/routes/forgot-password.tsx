import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { forgotPasswordSchema } from "~/lib/signup-form";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("forgot.title")) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  sent: boolean;
  email: string;
  fieldErrors: FieldErrors;
  formError: "tooManyAttempts" | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const supabase = getSupabase(request, context);
  const values = formValues(await request.formData());
  const email = typeof values.email === "string" ? values.email : "";
  const parsed = parseForm(forgotPasswordSchema, values);
  if (!parsed.success) {
    return data<ActionData>(
      { sent: false, email, fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers: supabase.headers },
    );
  }
  const origin = new URL(request.url).origin;
  const { error } = await supabase.client.auth.resetPasswordForEmail(parsed.data.email, {
    redirectTo: `${origin}/auth/confirm?${new URLSearchParams({ next: "/account/password" })}`,
  });
  if (error && (error.status === 429 || error.code?.startsWith("over_"))) {
    return data<ActionData>(
      { sent: false, email, fieldErrors: {}, formError: "tooManyAttempts" },
      { status: 429, headers: supabase.headers },
    );
  }
  // Anything else is answered the same way, so the page never tells who has an account.
  if (error) console.warn("Password recovery request failed", error.code ?? error.name);
  return data<ActionData>(
    { sent: true, email, fieldErrors: {}, formError: null },
    { headers: supabase.headers },
  );
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const emailError = actionData?.fieldErrors.email;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("forgot.title")}</h1>
        <p className="text-slate-800">{t("forgot.intro")}</p>
      </div>
      {actionData?.sent ? <Notice tone="success">{t("forgot.sent")}</Notice> : null}
      <ErrorSummary
        title={t("forgot.errorSummary")}
        formError={
          actionData?.formError
            ? { id: "forgot-error", message: t("login.errors.tooManyAttempts") }
            : null
        }
        problems={emailError ? [{ field: "email", message: t(`forms.errors.${emailError}`) }] : []}
      />
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="email"
          label={t("login.email")}
          error={emailError ? t(`forms.errors.${emailError}`) : null}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={actionData?.email ?? ""}
        />
        <button
          type="submit"
          className={`${buttonClass("primary")} w-full`}
          disabled={navigation.state === "submitting"}
        >
          {t("forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login" className="font-medium text-blue-800 underline underline-offset-4">
          {t("forgot.backToLogin")}
        </Link>
      </p>
    </div>
  );
}
