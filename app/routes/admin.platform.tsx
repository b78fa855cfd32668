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
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { getAccess, requireSecondFactor } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey } from "~/lib/db-errors";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import {
  addDomain,
  createOrganisation,
  listOrganisations,
  type PlatformOrganisation,
  removeDomain,
  updateOrganisation,
} from "~/lib/platform-admin.server";
import { domainSchema, organisationKinds, organisationSchema } from "~/lib/platform-admin-form";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSecondFactor(request, context);
  const supabase = getSupabase(request, context);
  // The database says who is a platform admin; everyone else gets the forbidden page.
  if (!(await getAccess(request, context))?.is_platform_admin) {
    throw new Response("Forbidden", { status: 403, headers: supabase.headers });
  }
  const [organisations, t] = await Promise.all([
    listOrganisations(supabase),
    i18nServer.getFixedT(request),
  ]);
  const editing = organisations.find(
    (each) => each.id === new URL(request.url).searchParams.get("edit"),
  );
  return data(
    { title: pageTitle(t("platform.title")), organisations, editing: editing ?? null },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const doneKinds = ["created", "updated", "domainAdded", "domainRemoved"] as const;
type Done = (typeof doneKinds)[number];

interface ActionData {
  /** Which form the errors belong to: "organisation" or an organisation's id (its domain form). */
  form: string;
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSecondFactor(request, context);
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const values = formValues(form);
  const intent = values.intent;
  const done = (kind: Done) => {
    throw redirect(`/admin/platform?done=${kind}`, { headers: supabase.headers });
  };
  const fail = (formName: string, fieldErrors: FieldErrors, error: { code?: string } | null) =>
    data<ActionData>(
      { form: formName, fieldErrors, formError: error ? dbErrorKey(error) : null },
      { status: 400, headers: supabase.headers },
    );

  if (intent === "create" || intent === "update") {
    const parsed = parseForm(organisationSchema, values);
    if (!parsed.success) return fail("organisation", parsed.fieldErrors, null);
    const id = typeof values.id === "string" ? values.id : "";
    const error =
      intent === "create"
        ? await createOrganisation(supabase, parsed.data)
        : await updateOrganisation(supabase, id, parsed.data);
    if (error) return fail("organisation", {}, error);
    return done(intent === "create" ? "created" : "updated");
  }
  if (intent === "addDomain") {
    const organisationId = typeof values.organisationId === "string" ? values.organisationId : "";
    const parsed = parseForm(domainSchema, values);
    if (!parsed.success)
      return fail(organisationId, { domain: parsed.fieldErrors.domain ?? "domainInvalid" }, null);
    const error = await addDomain(supabase, parsed.data.organisationId, parsed.data.domain);
    if (error) return fail(organisationId, {}, error);
    return done("domainAdded");
  }
  if (intent === "removeDomain" && typeof values.domain === "string") {
    const error = await removeDomain(supabase, values.domain);
    if (error) return fail("organisation", {}, error);
    return done("domainRemoved");
  }
  throw new Response("Bad Request", { status: 400 });
}

function OrganisationForm(props: {
  editing: PlatformOrganisation | null;
  organisations: PlatformOrganisation[];
  fieldErrors: FieldErrors;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { editing, fieldErrors } = props;
  const error = (field: string) => {
    const key = fieldErrors[field];
    return key ? t(`forms.errors.${key}`) : null;
  };
  return (
    <Form
      method="post"
      noValidate
      key={editing?.id ?? "new"}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
    >
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      <TextField
        id="nameFi"
        label={t("platform.nameFi")}
        error={error("nameFi")}
        required
        defaultValue={editing?.nameFi ?? ""}
      />
      <TextField
        id="nameSv"
        label={t("platform.nameSv")}
        error={error("nameSv")}
        defaultValue={editing?.nameSv ?? ""}
      />
      <div className="space-y-1">
        <label htmlFor="kind" className="block font-medium">
          {t("platform.kind")}
        </label>
        <select
          id="kind"
          name="kind"
          defaultValue={editing?.kind ?? "employment_area"}
          className={inputClass}
        >
          {organisationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`platform.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="parentId" className="block font-medium">
          {t("platform.parent")}
        </label>
        <select
          id="parentId"
          name="parentId"
          defaultValue={editing?.parentId ?? ""}
          className={inputClass}
        >
          <option value="">{t("platform.noParent")}</option>
          {props.organisations
            .filter((each) => each.id !== editing?.id)
            .map((each) => (
              <option key={each.id} value={each.id}>
                {each.nameFi}
              </option>
            ))}
        </select>
      </div>
      <div className="flex gap-3 sm:col-span-2">
        <button
          type="submit"
          name="intent"
          value={editing ? "update" : "create"}
          className={buttonClass("primary")}
          disabled={navigation.state === "submitting"}
        >
          {editing ? t("platform.saveOrganisation") : t("platform.createOrganisation")}
        </button>
        {editing ? (
          <Link to="/admin/platform" className={buttonClass("secondary")}>
            {t("admin.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export default function PlatformAdmin() {
  const { organisations, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = searchParams.get("done");
  const names = new Map(organisations.map((each) => [each.id, each.nameFi]));
  const organisationErrors = actionData?.form === "organisation" ? actionData.fieldErrors : {};
  const domainProblem =
    actionData && actionData.form !== "organisation" && actionData.fieldErrors.domain
      ? {
          field: `domain-${actionData.form}`,
          message: t(`forms.errors.${actionData.fieldErrors.domain}`),
        }
      : null;
  const problems = [
    ...Object.entries(organisationErrors).flatMap(([field, key]) =>
      key ? [{ field, message: t(`forms.errors.${key}`) }] : [],
    ),
    ...(domainProblem ? [domainProblem] : []),
  ];

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t("platform.title")}</h1>
      {(doneKinds as readonly (string | null)[]).includes(done) && !actionData ? (
        <Notice tone="success">{t(`platform.done.${done as Done}`)}</Notice>
      ) : null}
      <ErrorSummary
        title={t("admin.actionFailed")}
        formError={
          actionData?.formError
            ? { id: "platform-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
        problems={problems}
      />
      <section aria-labelledby="organisation-form-heading" className="space-y-3">
        <h2 id="organisation-form-heading" className="text-2xl font-semibold">
          {editing ? t("platform.editTitle", { name: editing.nameFi }) : t("platform.createTitle")}
        </h2>
        <OrganisationForm
          editing={editing}
          organisations={organisations}
          fieldErrors={organisationErrors}
        />
      </section>
      <section aria-labelledby="organisations-heading" className="space-y-3">
        <h2 id="organisations-heading" className="text-2xl font-semibold">
          {t("platform.organisationsTitle")}
        </h2>
        <ul className="space-y-3">
          {organisations.map((organisation) => (
            <li
              key={organisation.id}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-baseline gap-x-3">
                <h3 className="text-lg font-semibold">{organisation.nameFi}</h3>
                {organisation.nameSv ? <span lang="sv">{organisation.nameSv}</span> : null}
                <span className="text-sm text-slate-700">
                  {t(`platform.kinds.${organisation.kind}`)}
                </span>
                {organisation.parentId ? (
                  <span className="text-sm text-slate-700">
                    {t("platform.partOf", { name: names.get(organisation.parentId) ?? "" })}
                  </span>
                ) : null}
                <Link
                  to={`?edit=${encodeURIComponent(organisation.id)}`}
                  aria-label={`${t("platform.edit")}: ${organisation.nameFi}`}
                  className="ml-auto text-blue-800 underline underline-offset-4"
                >
                  {t("platform.edit")}
                </Link>
              </div>
              <p className="text-sm font-medium">{t("platform.domains")}</p>
              {organisation.domains.length === 0 ? (
                <p className="text-sm text-slate-700">{t("platform.noDomains")}</p>
              ) : (
                <ul className="flex flex-wrap gap-2">
                  {organisation.domains.map((domain) => (
                    <li
                      key={domain}
                      className="flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1"
                    >
                      <span className="font-mono text-sm">{domain}</span>
                      <Form method="post">
                        <input type="hidden" name="domain" value={domain} />
                        <button
                          type="submit"
                          name="intent"
                          value="removeDomain"
                          aria-label={`${t("platform.removeDomain")}: ${domain}`}
                          className={buttonClass("quiet")}
                        >
                          {t("platform.removeDomain")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
              <Form method="post" noValidate className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <TextField
                  id={`domain-${organisation.id}`}
                  name="domain"
                  label={t("platform.addDomainLabel", { name: organisation.nameFi })}
                  error={
                    domainProblem?.field === `domain-${organisation.id}`
                      ? domainProblem.message
                      : null
                  }
                  placeholder="esimerkki.fi"
                  autoComplete="off"
                />
                <button
                  type="submit"
                  name="intent"
                  value="addDomain"
                  className={buttonClass("secondary")}
                >
                  {t("platform.addDomain")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
