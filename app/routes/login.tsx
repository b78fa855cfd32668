import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { i18nServer } from "~/lib/i18n.server";
import {
  type LoginErrorKey,
  type LoginFieldErrors,
  loginErrorKey,
  parseLoginForm,
} from "~/lib/login-form";
import { pageTitle } from "~/lib/page-title";
import { safeRedirect } from "~/lib/safe-redirect";
import { redirectAfterPassword } from "~/lib/sign-in.server";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const supabase = getSupabase(request, context);
  if (await supabase.getUser()) throw redirect(redirectTo, { headers: supabase.headers });
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("login.title")), redirectTo }, { headers: supabase.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface LoginActionData {
  /** What the person typed, so a failed attempt does not make them type it again (never the password). */
  email: string;
  fieldErrors: LoginFieldErrors;
  formError: LoginErrorKey | null;
}

const statusForError: Record<LoginErrorKey, number> = {
  emailRequired: 400,
  emailInvalid: 400,
  passwordRequired: 400,
  invalidCredentials: 400,
  emailNotConfirmed: 400,
  accessEnded: 403,
  tooManyAttempts: 429,
  unavailable: 503,
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const typedEmail = form.get("email");
  const email = typeof typedEmail === "string" ? typedEmail : "";
  const parsed = parseLoginForm({ email: typedEmail, password: form.get("password") });
  if (!parsed.success) {
    return data<LoginActionData>(
      { email, fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400 },
    );
  }

  const supabase = getSupabase(request, context);
  const { data: signedIn, error } = await supabase.client.auth.signInWithPassword(parsed.data);
  if (error) {
    const formError = loginErrorKey(error);
    if (formError === "unavailable") console.error("Sign-in failed unexpectedly", error);
    return data<LoginActionData>(
      { email, fieldErrors: {}, formError },
      { status: statusForError[formError], headers: supabase.headers },
    );
  }
  throw await redirectAfterPassword(
    request,
    context,
    signedIn.user.id,
    safeRedirect(form.get("redirectTo")),
  );
}

const formErrorId = "login-error";

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";

  const fieldErrors = actionData?.fieldErrors ?? {};
  const formError = actionData?.formError ?? null;
  const fieldProblems = (["email", "password"] as const).flatMap((field) => {
    const key = fieldErrors[field];
    return key ? [[field, key] as const] : [];
  });
  const describedBy = (field: "email" | "password") =>
    [fieldErrors[field] ? `${field}-error` : null, formError ? formErrorId : null]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("login.title")}</h1>
        <p className="text-slate-800">{t("login.intro")}</p>
      </div>

      {formError || fieldProblems.length > 0 ? (
        <div
          role="alert"
          className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900"
        >
          <p className="font-semibold">{t("login.errorSummary")}</p>
          {formError ? <p id={formErrorId}>{t(`login.errors.${formError}`)}</p> : null}
          {fieldProblems.length > 0 ? (
            <ul className="list-disc pl-5">
              {fieldProblems.map(([field, key]) => (
                <li key={field}>
                  <a href={`#${field}`} className="underline underline-offset-2">
                    {t(`login.errors.${key}`)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {/* noValidate: the server's messages are in the reader's language; the browser's may not be. */}
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="space-y-1">
          <label htmlFor="email" className="block font-medium">
            {t("login.email")}
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            defaultValue={actionData?.email ?? ""}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={describedBy("email")}
            className="block w-full rounded-md border border-slate-500 px-3 py-2 aria-invalid:border-red-700"
          />
          {fieldErrors.email ? (
            <p id="email-error" className="text-sm font-medium text-red-800">
              {t(`login.errors.${fieldErrors.email}`)}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block font-medium">
            {t("login.password")}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={describedBy("password")}
            className="block w-full rounded-md border border-slate-500 px-3 py-2 aria-invalid:border-red-700"
          />
          {fieldErrors.password ? (
            <p id="password-error" className="text-sm font-medium text-red-800">
              {t(`login.errors.${fieldErrors.password}`)}
            </p>
          ) : null}
        </div>
        <button type="submit" className={`${buttonClass("primary")} w-full`} disabled={submitting}>
          {submitting ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
      <ul className="space-y-1">
        <li>
          <Link
            to="/forgot-password"
            className="font-medium text-blue-800 underline underline-offset-4"
          >
            {t("login.forgotPassword")}
          </Link>
        </li>
        <li>
          <Link to="/signup" className="font-medium text-blue-800 underline underline-offset-4">
            {t("login.signUp")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
