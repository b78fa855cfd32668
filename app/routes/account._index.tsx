import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNavigation } from "~/components/account/account-navigation";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { requireCompleteSignIn } from "~/lib/access.server";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { localeNames, supportedLocales } from "~/lib/i18n";
import { i18nServer, serializeLanguageCookie } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getOwnProfile, updateOwnProfile } from "~/lib/profile.server";
import { maxExpertiseTags, profileSchema, workingLanguages } from "~/lib/profile-form";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const [profile, t] = await Promise.all([
    getOwnProfile(supabase, user.id),
    i18nServer.getFixedT(request),
  ]);
  if (!profile) throw new Response("Not Found", { status: 404, headers: supabase.headers });
  return data(
    { title: pageTitle(t("account.title")), profile, email: user.email ?? "" },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const fields = ["displayName", "title", "languages", "expertise", "preferredLocale"] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(profileSchema, formValues(await request.formData(), ["languages"]));
  if (!parsed.success) {
    return data<{ fieldErrors: FieldErrors }>(
      { fieldErrors: parsed.fieldErrors },
      { status: 400, headers: supabase.headers },
    );
  }
  await updateOwnProfile(supabase, user.id, parsed.data);
  // The interface follows the saved language at once, on this device too.
  const headers = new Headers(supabase.headers);
  headers.append("Set-Cookie", await serializeLanguageCookie(parsed.data.preferredLocale, request));
  throw redirect("/account?saved=1", { headers });
}

export default function Profile() {
  const { profile, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const error = (field: (typeof fields)[number]) => {
    const key = fieldErrors[field];
    return key ? t(`forms.errors.${key}`, { count: maxExpertiseTags }) : null;
  };
  const problems = fields.flatMap((field) => {
    const message = error(field);
    return message ? [{ field: field === "languages" ? "language-fi" : field, message }] : [];
  });

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("account.title")}</h1>
      <AccountNavigation />
      {searchParams.get("saved") === "1" && !actionData ? (
        <Notice tone="success">{t("account.saved")}</Notice>
      ) : null}
      <ErrorSummary title={t("account.errorSummary")} problems={problems} />
      <p className="text-slate-800">{t("account.emailIs", { email })}</p>
      <Form
        method="post"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="displayName"
          label={t("account.displayName")}
          error={error("displayName")}
          autoComplete="name"
          required
          defaultValue={profile.displayName}
        />
        <TextField
          id="title"
          label={t("account.jobTitle")}
          error={error("title")}
          autoComplete="organization-title"
          defaultValue={profile.title ?? ""}
        />
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("account.languages")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {workingLanguages.map((language) => (
              <label
                key={language}
                htmlFor={`language-${language}`}
                className="flex items-center gap-2"
              >
                <input
                  id={`language-${language}`}
                  type="checkbox"
                  name="languages"
                  value={language}
                  defaultChecked={profile.languages.includes(language)}
                  className="h-4 w-4"
                />
                {t(`account.languageNames.${language}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          id="expertise"
          label={t("account.expertise")}
          hint={t("account.expertiseHint")}
          error={error("expertise")}
          defaultValue={profile.expertise.join(", ")}
        />
        <div className="space-y-1">
          <label htmlFor="preferredLocale" className="block font-medium">
            {t("account.preferredLocale")}
          </label>
          <select
            id="preferredLocale"
            name="preferredLocale"
            defaultValue={profile.preferredLocale}
            className={inputClass}
          >
            {supportedLocales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {localeNames[locale]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className={buttonClass("primary")}
          disabled={navigation.state === "submitting"}
        >
          {t("account.save")}
        </button>
      </Form>
    </div>
  );
}
