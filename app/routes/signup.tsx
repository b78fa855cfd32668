import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  listOrganisationsForSignup,
  type OrganisationOption,
  organisationForEmail,
} from "~/lib/organisations.server";
import { pageTitle } from "~/lib/page-title";
import { signUp } from "~/lib/signup.server";
import { passwordMinLength, type SignupErrorKey, signupSchema } from "~/lib/signup-form";
import { getSupabase } from "~/lib/supabase.server";
import type { loader as organisationLoader } from "./signup_.organisation";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  if (await supabase.getUser()) throw redirect("/", { headers: supabase.headers });
  const locale = await getLocale(request);
  const [t, organisations] = await Promise.all([
    i18nServer.getFixedT(locale),
    listOrganisationsForSignup(supabase, locale),
  ]);
  return data(
    { title: pageTitle(t("signup.title")), organisations },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: { email: string; displayName: string; organisationId: string };
  fieldErrors: FieldErrors;
  formError: SignupErrorKey | null;
  /** The domain matches no organisation: the person chooses one. */
  noMatch: boolean;
  matched: OrganisationOption | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const supabase = getSupabase(request, context);
  const locale = await getLocale(request);
  const form = await request.formData();
  const raw = formValues(form);
  const values = {
    email: typeof raw.email === "string" ? raw.email : "",
    displayName: typeof raw.displayName === "string" ? raw.displayName : "",
    organisationId: typeof raw.organisationId === "string" ? raw.organisationId : "",
  };
  const parsed = parseForm(signupSchema, raw);
  const emailOk = parsed.success || !parsed.fieldErrors.email;
  const matched = emailOk
    ? await organisationForEmail(supabase, values.email.trim(), locale)
    : null;
  const reply = (fieldErrors: FieldErrors, formError: SignupErrorKey | null, status: number) =>
    data<ActionData>(
      { values, fieldErrors, formError, noMatch: emailOk && !matched, matched },
      { status, headers: supabase.headers },
    );

  if (!parsed.success) return reply(parsed.fieldErrors, null, 400);
  if (!matched && !parsed.data.organisationId) {
    return reply({ organisationId: "organisationRequired" }, null, 400);
  }
  const result = await signUp(
    supabase,
    // A matching domain decides; a choice counts only when no domain matches.
    { ...parsed.data, organisationId: matched ? null : parsed.data.organisationId },
    { origin: new URL(request.url).origin, locale },
  );
  if (!result.ok) {
    const fieldErrors: FieldErrors =
      result.error === "weakPassword" ? { password: "passwordTooShort" } : {};
    return reply(
      fieldErrors,
      result.error === "weakPassword" ? null : result.error,
      result.error === "tooManyAttempts" ? 429 : 400,
    );
  }
  // The PKCE verifier cookie set by signUp must reach the browser that opens the link.
  throw redirect("/signup/sent", { headers: supabase.headers });
}

const fields = ["email", "displayName", "password", "organisationId"] as const;

export default function Signup() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lookup = useFetcher<typeof organisationLoader>();
  const { t } = useTranslation();

  const fieldErrors = actionData?.fieldErrors ?? {};
  const formError = actionData?.formError ?? null;
  const problems = fields.flatMap((field) => {
    const key = fieldErrors[field];
    return key ? [{ field, message: t(`forms.errors.${key}`) }] : [];
  });
  const error = (field: (typeof fields)[number]) => {
    const key = fieldErrors[field];
    return key ? t(`forms.errors.${key}`) : null;
  };

  // The latest answer wins: the lookup while typing, else what the last submission found.
  const looked = lookup.data?.checked ? lookup.data : null;
  const matched = looked ? looked.organisation : (actionData?.matched ?? null);
  const noMatch = looked ? looked.organisation === null : (actionData?.noMatch ?? false);

  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("signup.title")}</h1>
        <p className="text-slate-800">{t("signup.intro")}</p>
      </div>
      <ErrorSummary
        title={t("signup.errorSummary")}
        formError={
          formError ? { id: "signup-error", message: t(`signup.errors.${formError}`) } : null
        }
        problems={problems}
      />
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <div className="space-y-2">
          <TextField
            id="email"
            label={t("signup.email")}
            hint={t("signup.emailHint")}
            error={error("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={actionData?.values.email ?? ""}
            onBlur={(event) => {
              const email = event.currentTarget.value.trim();
              if (email.includes("@")) {
                lookup.load(`/signup/organisation?${new URLSearchParams({ email })}`);
              }
            }}
          />
          <p aria-live="polite" className="text-sm text-slate-800">
            {matched ? t("signup.matched", { organisation: matched.name }) : null}
            {noMatch ? t("signup.noMatch") : null}
          </p>
        </div>
        {noMatch ? (
          <div className="space-y-1">
            <label htmlFor="organisationId" className="block font-medium">
              {t("signup.organisation")}
            </label>
            <select
              id="organisationId"
              name="organisationId"
              defaultValue={actionData?.values.organisationId ?? ""}
              aria-invalid={fieldErrors.organisationId ? true : undefined}
              aria-describedby={fieldErrors.organisationId ? "organisationId-error" : undefined}
              className={inputClass}
            >
              <option value="">{t("signup.chooseOrganisation")}</option>
              {organisations.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
            {fieldErrors.organisationId ? (
              <p id="organisationId-error" className="text-sm font-medium text-red-800">
                {error("organisationId")}
              </p>
            ) : null}
          </div>
        ) : null}
        <TextField
          id="displayName"
          label={t("signup.displayName")}
          error={error("displayName")}
          autoComplete="name"
          required
          defaultValue={actionData?.values.displayName ?? ""}
        />
        <TextField
          id="password"
          label={t("signup.password")}
          hint={t("signup.passwordHint", { count: passwordMinLength })}
          error={error("password")}
          type="password"
          autoComplete="new-password"
          required
        />
        <button
          type="submit"
          className={`${buttonClass("primary")} w-full`}
          disabled={navigation.state === "submitting"}
        >
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")}{" "}
        <Link to="/login" className="font-medium text-blue-800 underline underline-offset-4">
          {t("signup.signInLink")}
        </Link>
      </p>
    </div>
  );
}
