import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GrantForms } from "~/components/documents/grant-forms";
import { GrantsTable } from "~/components/documents/grants-table";
import { ImplicitAccess } from "~/components/documents/implicit-access";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { requireActiveUser } from "~/lib/access.server";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { grantSchema, revokeSchema } from "~/lib/document-form";
import {
  getSharedDocument,
  grantOptions,
  grantPermission,
  listGrants,
  revokePermission,
  searchPeople,
} from "~/lib/documents.server";
import { formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const document = await getSharedDocument(client, params.documentId ?? "", locale);
  if (!document) throw data({ notFound: true }, { status: 404, headers });
  const t = await i18nServer.getFixedT(locale);
  const personSearch = (new URL(request.url).searchParams.get("person") ?? "").trim().slice(0, 200);
  // The controls are for managers only; grant_document_permission checks again.
  const [grants, options, people] = await Promise.all([
    listGrants(client, document.id, locale),
    document.canManage ? grantOptions(client, locale) : null,
    document.canManage ? searchPeople(client, personSearch, locale) : [],
  ]);
  return data(
    {
      title: pageTitle(`${t("documents.sharing.title")} – ${document.title}`),
      document,
      grants,
      personSearch,
      people,
      organisations: options?.organisations ?? [],
      networks: options?.networks ?? [],
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type SharingError = { field: "granteeRequired" | "levelInvalid" } | { db: DbErrorKey };

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const documentId = params.documentId ?? "";
  const values = formValues(await request.formData());
  const refuse = (error: SharingError, status: number) =>
    data<{ error: SharingError }>({ error }, { status, headers });
  let failure: DbErrorLike | null;
  if (values.intent === "grant") {
    const parsed = parseForm(grantSchema, values);
    if (!parsed.success) {
      return refuse({ field: parsed.fieldErrors.level ? "levelInvalid" : "granteeRequired" }, 400);
    }
    failure = await grantPermission(client, documentId, parsed.data);
  } else if (values.intent === "revoke") {
    const parsed = parseForm(revokeSchema, values);
    if (!parsed.success) return refuse({ db: "invalidValue" }, 400);
    failure = await revokePermission(client, parsed.data.permissionId);
  } else {
    return refuse({ db: "invalidValue" }, 400);
  }
  if (!failure) {
    const done = values.intent === "grant" ? "granted" : "revoked";
    throw redirect(`/documents/${documentId}/sharing?done=${done}`, { headers });
  }
  const key = dbErrorKey(failure);
  if (key === "unavailable") console.error("Changing a document's sharing failed", failure);
  return refuse({ db: key }, statusForDbError[key]);
}

const doneKeys = {
  granted: "documents.sharing.done.granted",
  revoked: "documents.sharing.done.revoked",
} as const;

function isDone(value: string | null): value is keyof typeof doneKeys {
  return value === "granted" || value === "revoked";
}

export default function DocumentSharing() {
  const { document, grants, personSearch, people, organisations, networks } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const error = actionData?.error;
  const errorMessage = error
    ? "field" in error
      ? t(`documents.errors.${error.field}`)
      : t(`dbErrors.${error.db}`)
    : null;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("documents.sharing.title")}</h2>
        {document.access ? (
          <p>
            {t("documents.sharing.yourAccess", { level: t(`documents.access.${document.access}`) })}
          </p>
        ) : null}
      </div>
      <ErrorSummary
        title={t("documents.sharing.errorSummary")}
        formError={errorMessage ? { id: "sharing-error", message: errorMessage } : null}
      />
      {isDone(done) ? <Notice tone="success">{t(doneKeys[done])}</Notice> : null}

      <section aria-labelledby="implicit-heading" className="space-y-3">
        <h3 id="implicit-heading" className="text-xl font-semibold">
          {t("documents.sharing.implicitHeading")}
        </h3>
        <ImplicitAccess document={document} />
      </section>

      <section aria-labelledby="grants-heading" className="space-y-3">
        <h3 id="grants-heading" className="text-xl font-semibold">
          {t("documents.sharing.grantsHeading")}
        </h3>
        <GrantsTable grants={grants} canManage={document.canManage} />
      </section>

      <section aria-labelledby="grant-heading" className="space-y-3">
        <h3 id="grant-heading" className="text-xl font-semibold">
          {t("documents.sharing.grantHeading")}
        </h3>
        {document.canManage ? (
          <GrantForms
            personSearch={personSearch}
            people={people}
            organisations={organisations}
            networks={networks}
          />
        ) : (
          <Notice tone="info">{t("documents.sharing.notManager")}</Notice>
        )}
      </section>
    </div>
  );
}
