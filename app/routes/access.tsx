import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms/error-summary";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { getAccess, requireCompleteSignIn } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey } from "~/lib/db-errors";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { listOrganisationsForSignup, requestMembership } from "~/lib/organisations.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

type AccessState = "pending" | "deactivated" | "rejected" | "none";

/**
 * Where a signed-in person without an active membership lands instead of the product: waiting
 * for approval, access ended, or no organisation yet (then they can ask to join one).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const [access, locale] = await Promise.all([getAccess(request, context), getLocale(request)]);
  if (access?.status === "active") throw redirect("/", { headers: supabase.headers });
  const state: AccessState = access?.status ?? "none";
  const organisations = await listOrganisationsForSignup(supabase, locale);
  const t = await i18nServer.getFixedT(locale);
  return data(
    {
      title: pageTitle(t(`access.${state}.title`)),
      state,
      organisation: organisations.find((org) => org.id === access?.organisation_id)?.name ?? null,
      // Only those who may ask again get the list.
      organisations: state === "none" || state === "rejected" ? organisations : [],
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const requestSchema = z.object({
  organisationId: z.string({ required_error: "organisationRequired" }).uuid("organisationRequired"),
});

interface ActionData {
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(requestSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<ActionData>(
      { fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers: supabase.headers },
    );
  }
  const error = await requestMembership(supabase, parsed.data.organisationId);
  if (error) {
    return data<ActionData>(
      { fieldErrors: {}, formError: dbErrorKey(error) },
      { status: 400, headers: supabase.headers },
    );
  }
  throw redirect("/access", { headers: supabase.headers });
}

export default function AccessPage() {
  const { state, organisation, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const fieldError = actionData?.fieldErrors.organisationId;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t(`access.${state}.title`)}</h1>
      <p className="text-lg text-slate-800">
        {t(`access.${state}.text`, { organisation: organisation ?? "" })}
      </p>
      {organisations.length > 0 ? (
        <>
          <ErrorSummary
            title={t("access.requestFailed")}
            formError={
              actionData?.formError
                ? { id: "request-error", message: t(`dbErrors.${actionData.formError}`) }
                : null
            }
            problems={
              fieldError
                ? [{ field: "organisationId", message: t(`forms.errors.${fieldError}`) }]
                : []
            }
          />
          <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
            <div className="space-y-1">
              <label htmlFor="organisationId" className="block font-medium">
                {t("signup.organisation")}
              </label>
              <select
                id="organisationId"
                name="organisationId"
                className={inputClass}
                aria-invalid={fieldError ? true : undefined}
                defaultValue=""
              >
                <option value="">{t("signup.chooseOrganisation")}</option>
                {organisations.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("primary")}>
              {t("access.requestSubmit")}
            </button>
          </Form>
        </>
      ) : null}
      <p className="text-slate-800">{t("access.help")}</p>
    </div>
  );
}
