import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import {
  type CreateFormValues,
  createFieldIds,
  NetworkCreateForm,
} from "~/components/networks/network-create-form";
import type { SimilarNetwork } from "~/components/networks/similar-networks";
import { requireActiveUser } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { type FieldErrors, type FormErrorKey, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { directoryFilters, searchNetworks, similarNameQuery } from "~/lib/network-directory.server";
import {
  defaultReviewDate,
  networkCreateFields,
  networkCreateSchema,
  slugify,
} from "~/lib/network-form";
import { maxTopics } from "~/lib/network-settings-form";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

/** The three visible networks most like `name`, to show before a duplicate is created. */
async function similarNetworks(
  client: SupabaseClient,
  name: string,
  locale: string,
): Promise<SimilarNetwork[]> {
  const words = similarNameQuery(name.slice(0, 200));
  if (words.length < 3) return [];
  const filters = { ...directoryFilters(new URLSearchParams()), q: words, archived: true };
  const page = await searchNetworks(client, filters, locale, { pageSize: 3, byRelevance: true });
  return page.rows.map((row) => ({
    slug: row.slug,
    name: networkName(row, locale),
    owner: locale === "sv" ? (row.owner_name_sv ?? row.owner_name_fi) : row.owner_name_fi,
    members: row.active_member_count,
    archived: row.archived_at !== null,
  }));
}

async function ownerOf(client: SupabaseClient, organisationId: string | null, locale: string) {
  if (!organisationId) return { name: null, isVendor: false };
  const { data: row, error } = await client
    .from("organisations")
    .select("name_fi, name_sv, kind")
    .eq("id", organisationId)
    .maybeSingle();
  if (error) throw new Error(`Loading the home organisation failed: ${error.message}`);
  if (!row) return { name: null, isVendor: false };
  return {
    name: locale === "sv" ? (row.name_sv ?? row.name_fi) : (row.name_fi as string),
    isVendor: row.kind === "vendor",
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const similarTo = new URL(request.url).searchParams.get("similar");
  if (similarTo !== null) {
    // The form asks as the name is typed; nothing else is needed then.
    return data(
      { page: false as const, similar: await similarNetworks(client, similarTo, locale) },
      { headers },
    );
  }
  const [t, owner] = await Promise.all([
    i18nServer.getFixedT(locale),
    ownerOf(client, access.organisation_id, locale),
  ]);
  return data(
    {
      page: true as const,
      title: pageTitle(t("networks.create.title")),
      ownerName: owner.name,
      // Only to explain; create_network refuses guests whatever the page shows.
      isGuest: owner.isVendor,
      reviewDue: defaultReviewDate(),
      similar: [] as SimilarNetwork[],
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.page ? data.title : "Verkko" },
];

interface CreateActionData {
  values: CreateFormValues;
  fieldErrors: FieldErrors;
  /** A problem of a field that the shared form error keys cannot name. */
  fieldMessages: Record<string, "slugTaken" | "reviewDateRange">;
  formError: DbErrorKey | "guestsCannotCreate" | null;
  similar: SimilarNetwork[];
}

function postedValues(values: Record<string, unknown>): CreateFormValues {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  return {
    slug: text("slug"),
    kind: text("kind"),
    name_fi: text("name_fi"),
    name_sv: text("name_sv"),
    purpose_fi: text("purpose_fi"),
    purpose_sv: text("purpose_sv"),
    visibility: text("visibility") || "signed_in",
    join_policy: text("join_policy") || "request",
    allow_guests: values.allow_guests === "on",
    topics: text("topics"),
    review_due: text("review_due"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { access } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const values = formValues(await request.formData());
  // Without JavaScript the address is not filled in as the name is typed: derive it here.
  if (!values.slug && typeof values.name_fi === "string") values.slug = slugify(values.name_fi);
  const posted = postedValues(values);
  const reply = async (status: number, problems: Omit<CreateActionData, "values" | "similar">) =>
    data<CreateActionData>(
      {
        ...problems,
        values: posted,
        similar: await similarNetworks(client, posted.name_fi, locale),
      },
      { status, headers },
    );

  const parsed = parseForm(networkCreateSchema, values);
  if (!parsed.success) {
    return reply(400, { fieldErrors: parsed.fieldErrors, fieldMessages: {}, formError: null });
  }
  const form = parsed.data;
  const { error } = await client.rpc("create_network", {
    slug: form.slug,
    kind: form.kind,
    name_fi: form.name_fi,
    purpose_fi: form.purpose_fi,
    owner_organisation_id: access.organisation_id,
    name_sv: form.name_sv,
    purpose_sv: form.purpose_sv,
    visibility: form.visibility,
    join_policy: form.join_policy,
    allow_guests: form.allow_guests,
    topics: form.topics,
    review_due: form.review_due,
  });
  if (error) {
    if (error.code === "23505") {
      return reply(400, { fieldErrors: {}, fieldMessages: { slug: "slugTaken" }, formError: null });
    }
    if (error.message === "the review date must be within the next two years") {
      return reply(400, {
        fieldErrors: {},
        fieldMessages: { review_due: "reviewDateRange" },
        formError: null,
      });
    }
    if (error.message === "guests cannot create networks") {
      return reply(403, { fieldErrors: {}, fieldMessages: {}, formError: "guestsCannotCreate" });
    }
    const key = dbErrorKey(error);
    if (key === "unavailable") console.error("Creating a network failed", error);
    return reply(statusForDbError[key], { fieldErrors: {}, fieldMessages: {}, formError: key });
  }
  throw redirect(`/networks/${form.slug}?created=1`, { headers });
}

function fieldMessage(t: TFunction, field: string, key: FormErrorKey): string {
  if (key === "tooManyTags") return t("networks.settings.tooManyTopics", { count: maxTopics });
  if (key === "invalid" && (field === "slug" || field === "kind" || field === "review_due")) {
    return t(`networks.create.invalid.${field}`);
  }
  return t(`forms.errors.${key}`);
}

export default function NewNetwork() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!loaded.page) return null;

  const errors: Record<string, string | null> = {};
  for (const field of networkCreateFields) {
    const key = actionData?.fieldErrors[field];
    const message = actionData?.fieldMessages[field];
    errors[field] = message
      ? t(`networks.create.${message}`)
      : key
        ? fieldMessage(t, field, key)
        : null;
  }
  const problems = networkCreateFields
    .filter((field) => errors[field])
    .map((field) => ({ field: createFieldIds[field], message: errors[field] ?? "" }));
  const formError = actionData?.formError
    ? actionData.formError === "guestsCannotCreate"
      ? t("networks.create.guestsCannotCreate")
      : t(`dbErrors.${actionData.formError}`)
    : null;

  return (
    <div className="space-y-6">
      <p>
        <Link to="/networks" className="font-medium text-blue-800 underline underline-offset-4">
          {t("networks.create.back")}
        </Link>
      </p>
      <div className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold">{t("networks.create.title")}</h1>
        <p className="text-lg text-slate-800">{t("networks.create.intro")}</p>
      </div>
      {loaded.isGuest ? (
        <p className="max-w-3xl rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {t("networks.create.guestsCannotCreate")}
        </p>
      ) : (
        <>
          <ErrorSummary
            title={t("networks.create.failed")}
            formError={formError ? { id: "create-error", message: formError } : null}
            problems={problems}
          />
          <NetworkCreateForm
            key={actionData ? JSON.stringify(actionData.values) : "new"}
            values={
              actionData?.values ?? {
                slug: "",
                kind: "",
                name_fi: "",
                name_sv: "",
                purpose_fi: "",
                purpose_sv: "",
                visibility: "signed_in",
                join_policy: "request",
                allow_guests: false,
                topics: "",
                review_due: loaded.reviewDue,
              }
            }
            errors={errors}
            ownerName={loaded.ownerName}
            similar={actionData?.similar ?? []}
          />
        </>
      )}
    </div>
  );
}
