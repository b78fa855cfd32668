/**
 * The library: published documents, one published version (the latest or any earlier one, for
 * ever), what changed since the version before, and readers' feedback. Readers never touch the
 * documents row: library_document(), library_documents() and RLS on published_versions and
 * document_feedback decide what they see and may send, so a draft never reaches them. This
 * module asks as the signed-in person and shapes the answers.
 */
import { type AppLoadContext, data } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { requireActiveUser } from "./access.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "./db-errors";
import { type DocumentKind, documentKinds } from "./document";
import {
  type FeedbackFieldErrors,
  type FeedbackStatus,
  type FeedbackValues,
  feedbackStatuses,
  paragraphTextMaxLength,
  parseFeedbackForm,
  postedFeedbackValues,
} from "./feedback-form";
import { formValues } from "./form-errors";
import type { Locale } from "./i18n";
import { loadVersionLegalDetails } from "./interpretations.server";
import {
  type Day,
  type LibraryDocument,
  type LibraryListItem,
  type LibraryQuery,
  libraryPerPage,
  type MyFeedback,
  type ParagraphOption,
  type PublishedVersion,
  type VersionListEntry,
} from "./library";
import { dateTimeFormat, moment } from "./moment";
import { paragraphExcerpt, paragraphsOf } from "./paragraphs";
import { profileNames } from "./profile-names.server";
import { sanitizeDocumentHtml } from "./rich-text.server";
import { getSupabase } from "./supabase.server";
import { diffText, type TextDiff } from "./text-diff";
import { isUuid } from "./uuid";

const timeZone = "Europe/Helsinki";

function dayFormat(locale: Locale, zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone: zone,
  });
}

/** The day an instant falls on in Helsinki. */
function dayOfInstant(iso: string, locale: Locale): Day {
  return { iso, text: dayFormat(locale, timeZone).format(new Date(iso)) };
}

/** A calendar date as Postgres sends it (YYYY-MM-DD): read at UTC midnight, shown as that day. */
function dayOfDate(date: string, locale: Locale): Day {
  return { iso: date, text: dayFormat(locale, "UTC").format(new Date(`${date}T00:00:00Z`)) };
}

function organisationNameIn(locale: Locale, fi: string | null, sv: string | null): string | null {
  return locale === "sv" && sv ? sv : fi;
}

const slugSchema = z
  .string()
  .max(90)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

const versionNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

function notFound(headers: Headers): never {
  throw data({ notFound: true }, { status: 404, headers });
}

// The list --------------------------------------------------------------------------------------

interface ListRow {
  slug: string;
  title: string;
  kind: DocumentKind;
  language: string;
  latest_version: number;
  published_at: string;
  owner_organisation_name_fi: string | null;
  owner_organisation_name_sv: string | null;
  outdated: boolean;
}

/** One page of the published documents the reader may read, newest publication first. */
export async function listLibrary(
  client: SupabaseClient,
  query: LibraryQuery,
  locale: Locale,
): Promise<{ items: LibraryListItem[]; hasNext: boolean }> {
  // One row more than a page says whether there is a next page without counting them all.
  const { data, error } = await client.rpc("library_documents", {
    kind: query.kind === "all" ? null : query.kind,
    max_rows: libraryPerPage + 1,
    skip: (query.page - 1) * libraryPerPage,
  });
  if (error) throw new Error(`Loading the library failed: ${error.code} ${error.message}`);
  const rows = (data ?? []) as ListRow[];
  return {
    items: rows.slice(0, libraryPerPage).map((row) => ({
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      language: row.language,
      version: row.latest_version,
      published: dayOfInstant(row.published_at, locale),
      ownerOrganisation: organisationNameIn(
        locale,
        row.owner_organisation_name_fi,
        row.owner_organisation_name_sv,
      ),
      outdated: row.outdated,
    })),
    hasNext: rows.length > libraryPerPage,
  };
}

// One document ----------------------------------------------------------------------------------

interface LibraryDocumentRow {
  document_id: string;
  slug: string;
  title: string;
  kind: DocumentKind;
  language: string;
  status: string;
  latest_version: number;
  published_at: string;
  owner_name: string | null;
  owner_organisation_name_fi: string | null;
  owner_organisation_name_sv: string | null;
  review_due: string | null;
  outdated: boolean;
  translations: { slug: string; language: string; title: string; outdated: boolean }[];
  can_handle: boolean;
}

export interface LibraryContext {
  client: SupabaseClient;
  headers: Headers;
  userId: string;
  document: LibraryDocument;
}

/** The published document at `slug`; a 404 when there is none or the reader may not read it. */
export async function requireLibraryDocument(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  locale: Locale,
): Promise<LibraryContext> {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) notFound(headers);
  const { data: row, error } = await client
    .rpc("library_document", { slug: parsed.data })
    .maybeSingle<LibraryDocumentRow>();
  if (error) throw new Error(`Loading library document failed: ${error.code} ${error.message}`);
  if (!row) notFound(headers);
  return {
    client,
    headers,
    userId: user.id,
    document: {
      documentId: row.document_id,
      slug: row.slug,
      title: row.title,
      kind: documentKinds.includes(row.kind) ? row.kind : "page",
      language: row.language,
      archived: row.status === "archived",
      latestVersion: row.latest_version,
      ownerName: row.owner_name,
      ownerOrganisation: organisationNameIn(
        locale,
        row.owner_organisation_name_fi,
        row.owner_organisation_name_sv,
      ),
      reviewDue: row.review_due ? dayOfDate(row.review_due, locale) : null,
      outdated: row.outdated,
      translations: row.translations,
      canHandle: row.can_handle,
    },
  };
}

interface VersionRow {
  number: number;
  title: string;
  language: string;
  html: string;
  text: string;
  change_summary: string;
  approvals: {
    name: string | null;
    organisation_name_fi: string | null;
    organisation_name_sv: string | null;
    decided_at: string;
  }[];
  owner_name: string | null;
  published_at: string;
}

async function loadVersion(
  client: SupabaseClient,
  documentId: string,
  number: number,
): Promise<VersionRow | null> {
  const { data: row, error } = await client
    .from("published_versions")
    .select(
      "number, title, language, html, text, change_summary, approvals, owner_name, published_at",
    )
    .eq("document_id", documentId)
    .eq("number", number)
    .maybeSingle<VersionRow>();
  if (error) throw new Error(`Loading published version failed: ${error.code} ${error.message}`);
  return row;
}

async function loadVersionText(
  client: SupabaseClient,
  documentId: string,
  number: number,
): Promise<string | null> {
  const { data: row, error } = await client
    .from("published_versions")
    .select("text")
    .eq("document_id", documentId)
    .eq("number", number)
    .maybeSingle<{ text: string }>();
  if (error) throw new Error(`Loading published version failed: ${error.code} ${error.message}`);
  return row?.text ?? null;
}

/** Every published version of the document, newest first. */
async function listVersions(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<VersionListEntry[]> {
  const { data: rows, error } = await client
    .from("published_versions")
    .select("number, published_at, change_summary")
    .eq("document_id", documentId)
    .order("number", { ascending: false })
    .returns<{ number: number; published_at: string; change_summary: string }[]>();
  if (error) throw new Error(`Loading published versions failed: ${error.code} ${error.message}`);
  return rows.map((row) => ({
    number: row.number,
    published: dayOfInstant(row.published_at, locale),
    changeSummary: row.change_summary,
  }));
}

export interface ReadingPage {
  version: PublishedVersion;
  versions: VersionListEntry[];
  isLatest: boolean;
  /** Against the version before; null for the first one. */
  changes: { previousNumber: number; diff: TextDiff } | null;
  paragraphs: ParagraphOption[];
}

/** Parses /v/:n; a 404 for anything that is not a version number. */
export function requireVersionNumber(value: string | undefined, headers: Headers): number {
  const parsed = versionNumberSchema.safeParse(value);
  if (!parsed.success) notFound(headers);
  return parsed.data;
}

/** One published version as the reading page shows it; a 404 when there is no such version. */
export async function loadReadingPage(
  library: LibraryContext,
  number: number,
  locale: Locale,
): Promise<ReadingPage> {
  const { client, document, headers } = library;
  const [row, versions, previousText] = await Promise.all([
    loadVersion(client, document.documentId, number),
    listVersions(client, document.documentId, locale),
    number > 1 ? loadVersionText(client, document.documentId, number - 1) : Promise.resolve(null),
  ]);
  if (!row) notFound(headers);
  const format = dateTimeFormat(locale);
  return {
    version: {
      number: row.number,
      title: row.title,
      language: row.language,
      html: sanitizeDocumentHtml(row.html),
      changeSummary: row.change_summary,
      approvals: row.approvals.map((approval) => ({
        name: approval.name ?? "",
        organisation: organisationNameIn(
          locale,
          approval.organisation_name_fi,
          approval.organisation_name_sv,
        ),
        decided: moment(approval.decided_at, format),
      })),
      ownerName: row.owner_name,
      published: moment(row.published_at, format),
    },
    versions,
    isLatest: row.number === document.latestVersion,
    changes:
      previousText === null
        ? null
        : { previousNumber: number - 1, diff: diffText(previousText, row.text) },
    paragraphs: paragraphsOf(row.text).map((paragraph) => ({
      index: paragraph.index,
      excerpt: paragraphExcerpt(paragraph.text),
    })),
  };
}

// Feedback -------------------------------------------------------------------------------------

export type FeedbackResult =
  | { ok: true; id: string }
  | {
      ok: false;
      values: FeedbackValues;
      fieldErrors: FeedbackFieldErrors;
      formError: DbErrorKey | null;
    };

/**
 * Sends the reader's feedback on version `number`. The paragraph's words are taken from the
 * stored version, not from the form, so the queue shows exactly what the reader pointed at.
 */
export async function sendFeedback(
  library: LibraryContext,
  number: number,
  input: Record<string, unknown>,
): Promise<FeedbackResult> {
  const { client, document, headers } = library;
  const values = postedFeedbackValues(input);
  const text = await loadVersionText(client, document.documentId, number);
  if (text === null) notFound(headers);
  const paragraphs = paragraphsOf(text);
  const parsed = parseFeedbackForm(input, paragraphs.length);
  if (!parsed.success) {
    return { ok: false, values, fieldErrors: parsed.fieldErrors, formError: null };
  }
  const { paragraph, problem, suggestion } = parsed.data;
  const { data: sent, error } = await client
    .from("document_feedback")
    .insert({
      document_id: document.documentId,
      version_number: number,
      paragraph_index: paragraph,
      paragraph_text:
        paragraph === null
          ? null
          : (paragraphs[paragraph]?.text ?? "").slice(0, paragraphTextMaxLength),
      problem,
      suggestion,
    })
    .select("id")
    .single<{ id: string }>();
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Sending feedback failed", error);
    return { ok: false, values, fieldErrors: {}, formError };
  }
  return { ok: true, id: sent.id };
}

/** The query parameter that carries the id of the feedback just sent, for the thank-you. */
export const sentParameter = "sent";

/**
 * The reading page's loader: the latest version (`number` null) or version `number`, and the
 * feedback just sent (from the redirect after sending).
 */
export async function readingPage(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  number: string | null,
  locale: Locale,
) {
  const library = await requireLibraryDocument(request, context, slug, locale);
  const wanted =
    number === null
      ? library.document.latestVersion
      : requireVersionNumber(number, library.headers);
  const url = new URL(request.url);
  const [page, legal] = await Promise.all([
    loadReadingPage(library, wanted, locale),
    loadVersionLegalDetails(library.client, library.document, wanted, url.origin, locale),
  ]);
  const sent = url.searchParams.get(sentParameter);
  return {
    headers: library.headers,
    document: library.document,
    ...page,
    legal,
    sentId: isUuid(sent) ? sent : null,
  };
}

export type RefusedFeedback = Extract<FeedbackResult, { ok: false }>;

/**
 * The reading page's action: sends feedback on the version shown, then redirects back with the
 * thank-you (so reloading does not send it twice); a refused form comes back with its values and
 * the status code its reason deserves.
 */
export async function postFeedback(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  number: string | null,
  locale: Locale,
): Promise<
  | { headers: Headers; redirectTo: string }
  | { headers: Headers; failure: RefusedFeedback; status: number }
> {
  const library = await requireLibraryDocument(request, context, slug, locale);
  const wanted =
    number === null
      ? library.document.latestVersion
      : requireVersionNumber(number, library.headers);
  const result = await sendFeedback(library, wanted, formValues(await request.formData()));
  const { headers } = library;
  if (result.ok) {
    const path = new URL(request.url).pathname;
    return { headers, redirectTo: `${path}?${sentParameter}=${result.id}#feedback` };
  }
  const status = result.formError ? statusForDbError[result.formError] : 400;
  return { headers, failure: result, status };
}

interface FeedbackRow {
  id: string;
  version_number: number;
  paragraph_index: number | null;
  paragraph_text: string | null;
  problem: string;
  suggestion: string | null;
  created_at: string;
  status: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
}

function feedbackStatus(value: string): FeedbackStatus {
  return (feedbackStatuses as readonly string[]).includes(value)
    ? (value as FeedbackStatus)
    : "new";
}

/** The reader's own feedback on the document, newest first, with the replies and who wrote them. */
export async function listMyFeedback(
  library: LibraryContext,
  locale: Locale,
): Promise<MyFeedback[]> {
  const { client, document, userId } = library;
  const { data: rows, error } = await client
    .from("document_feedback")
    .select(
      "id, version_number, paragraph_index, paragraph_text, problem, suggestion, created_at, status, reply, replied_by, replied_at",
    )
    .eq("document_id", document.documentId)
    .eq("author_id", userId)
    .order("created_at", { ascending: false })
    .limit(200)
    .returns<FeedbackRow[]>();
  if (error) throw new Error(`Loading feedback failed: ${error.code} ${error.message}`);
  const names = await profileNames(
    client,
    rows.flatMap((row) => (row.replied_by ? [row.replied_by] : [])),
  );
  const format = dateTimeFormat(locale);
  return rows.map((row) => ({
    id: row.id,
    versionNumber: row.version_number,
    paragraphIndex: row.paragraph_index,
    paragraphText: row.paragraph_text,
    problem: row.problem,
    suggestion: row.suggestion,
    created: moment(row.created_at, format),
    status: feedbackStatus(row.status),
    reply: row.reply
      ? {
          text: row.reply,
          byName: row.replied_by ? (names.get(row.replied_by) ?? null) : null,
          at: row.replied_at ? moment(row.replied_at, format) : null,
        }
      : null,
  }));
}
