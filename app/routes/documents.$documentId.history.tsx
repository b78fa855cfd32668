/**
 * A document's version history: every version newest first, comparing any two, naming the current
 * text, and restoring an earlier version (editors). The database decides who may do what; the
 * access level it returned only chooses which controls are shown.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { ConfirmRestore } from "~/components/history/confirm-restore";
import { NameVersionForm } from "~/components/history/name-version-form";
import { RestoreProgress } from "~/components/history/restore-progress";
import { VersionTable } from "~/components/history/version-table";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { canEditText } from "~/lib/document";
import { nameVersionSchema, restoreVersionSchema } from "~/lib/document-history";
import {
  getRestoreStatus,
  listVersions,
  nameVersion,
  requestRestore,
} from "~/lib/document-history.server";
import { requireDocument } from "~/lib/document-page.server";
import { type FormErrorKey, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document, access, lastEdited } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const url = new URL(request.url);
  const page = pageOf(url.searchParams.get("page"));
  const restoreId = url.searchParams.get("restore");
  const [versionPage, restore] = await Promise.all([
    listVersions(client, document.id, page, locale),
    restoreId ? getRestoreStatus(client, document.id, restoreId) : Promise.resolve(null),
  ]);
  const t = await i18nServer.getFixedT(locale);
  const canEdit = canEditText(access);
  const confirmId = url.searchParams.get("confirmRestore");
  const confirming = canEdit
    ? (versionPage.versions.find((version) => version.id === confirmId) ?? null)
    : null;
  const named = url.searchParams.get("named");
  return data(
    {
      title: pageTitle(`${t("history.title")}: ${document.title}`),
      documentId: document.id,
      canEdit,
      currentUpdatedAt: lastEdited,
      versions: versionPage.versions,
      page: versionPage.page,
      pageCount: versionPage.pageCount,
      restore,
      confirming: confirming ? { id: confirming.id, number: confirming.number } : null,
      namedVersion:
        versionPage.versions.find((version) => version.id === named && version.name)?.name ?? null,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export interface HistoryActionData {
  name: string;
  fieldError: FormErrorKey | null;
  formError: DbErrorKey | null;
  intent: "name" | "restore";
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const form = await request.formData();
  const values = formValues(form);
  const base = `/documents/${document.id}/history`;
  const refused = (intent: HistoryActionData["intent"], error: { code?: string | null }) => {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error(`History action ${intent} failed`, error);
    return data<HistoryActionData>(
      {
        intent,
        name: typeof values.name === "string" ? values.name : "",
        fieldError: null,
        formError,
      },
      { status: statusForDbError[formError], headers },
    );
  };

  if (values.intent === "name") {
    const parsed = parseForm(nameVersionSchema, values);
    if (!parsed.success) {
      return data<HistoryActionData>(
        {
          intent: "name",
          name: typeof values.name === "string" ? values.name : "",
          fieldError: parsed.fieldErrors.name ?? "invalid",
          formError: null,
        },
        { status: 400, headers },
      );
    }
    const named = await nameVersion(client, context, document.id, parsed.data.name);
    if ("error" in named) return refused("name", named.error);
    throw redirect(`${base}?named=${named.id}`, { headers });
  }
  if (values.intent === "restore") {
    const parsed = parseForm(restoreVersionSchema, values);
    if (!parsed.success) return refused("restore", { code: "22023" });
    const t = await i18nServer.getFixedT(locale);
    const requested = await requestRestore(
      client,
      context,
      document.id,
      parsed.data.versionId,
      t("history.restore.beforeRestoreName"),
    );
    if ("error" in requested) return refused("restore", requested.error);
    throw redirect(`${base}?restore=${requested.restoreId}`, { headers });
  }
  return refused("name", { code: "22023" });
}

export default function DocumentHistory() {
  const {
    documentId,
    canEdit,
    currentUpdatedAt,
    versions,
    page,
    pageCount,
    restore,
    confirming,
    namedVersion,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const base = `/documents/${documentId}/history`;
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const key of ["restore", "named", "confirmRestore"]) next.delete(key);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${base}?${query}` : base;
  };
  const restoreFailure = actionData?.intent === "restore" ? actionData.formError : null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("history.title")}</h2>
        <p className="max-w-3xl text-slate-800">{t("history.intro")}</p>
        {canEdit ? null : <p className="text-slate-800">{t("history.readOnly")}</p>}
      </div>

      {restore ? (
        <RestoreProgress status={restore} checkAgainHref={`${base}?${searchParams.toString()}`} />
      ) : null}
      {restoreFailure ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("history.restore.failedTitle")}</p>
          <p>{t(`dbErrors.${restoreFailure}`)}</p>
        </Notice>
      ) : null}
      {namedVersion && !actionData ? (
        <Notice tone="success">{t("history.name.done", { name: namedVersion })}</Notice>
      ) : null}
      {confirming && !restore ? (
        <ConfirmRestore
          versionId={confirming.id}
          number={confirming.number}
          cancelTo={withParams({})}
        />
      ) : null}

      {canEdit ? (
        <NameVersionForm
          // A new form after each saved version, so the field starts empty again.
          key={namedVersion ?? "name"}
          value={actionData?.intent === "name" ? actionData.name : ""}
          fieldError={actionData?.intent === "name" ? actionData.fieldError : null}
          formError={actionData?.intent === "name" ? actionData.formError : null}
        />
      ) : null}

      {versions.length === 0 && page === 1 ? (
        <div className="space-y-1 rounded-lg border border-slate-200 bg-white p-6">
          <p>{t("history.empty")}</p>
        </div>
      ) : (
        <VersionTable
          documentId={documentId}
          versions={versions}
          currentUpdatedAt={currentUpdatedAt}
          canRestore={canEdit}
          restoreHref={(versionId) => withParams({ confirmRestore: versionId })}
        />
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("history.pager.label")} className="flex flex-wrap items-center gap-4">
          {page > 1 ? (
            <Link to={withParams({ page: String(page - 1) })} className="text-blue-800 underline">
              {t("history.pager.newer")}
            </Link>
          ) : null}
          <span>{t("history.pager.page", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link to={withParams({ page: String(page + 1) })} className="text-blue-800 underline">
              {t("history.pager.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
