/**
 * A document's way to the library: its state, the board responsible for it, the submission under
 * way and its reviews, the published versions, ownership and review date, translation and comment
 * rounds; and the workflow's actions. Everything is read and done as the signed-in person: RLS
 * and the workflow functions (submit_document, review_submission, publish_submission, …) decide
 * who may; this module asks, reports the answer and never decides itself.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import { dbErrorKey, statusForDbError } from "./db-errors";
import type { DocumentAccess, DocumentRow } from "./document";
import { type FieldErrors, parseForm } from "./form-errors";
import type { Locale } from "./i18n";
import { dateTimeFormat, moment } from "./moment";
import { networkName } from "./network";
import { organisationName } from "./organisations.server";
import type {
  CalendarDate,
  CommentRoundItem,
  Option,
  PublishedVersion,
  PublishingView,
  ResponsibleBoard,
  Review,
  Submission,
  SubmissionStatus,
} from "./publishing";
import {
  archiveSchema,
  isPublishingIntent,
  type PublishingErrorKey,
  type PublishingIntent,
  publishingErrorKey,
  reviewSchema,
  stewardshipSchema,
  submissionSchema,
  submitSchema,
  translationSchema,
} from "./publishing-form";

interface NameRow {
  name_fi: string;
  name_sv: string | null;
}

/** Enough for any organisation's people and any reader's documents; a choice list only. */
const optionLimit = 1000;

/** The review date the database accepts at most (set_document_stewardship). */
const reviewDueMaxDays = 1095;

// Dates ------------------------------------------------------------------------------------------

/** Today in Helsinki as YYYY-MM-DD: the database's current_date for Finnish readers. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Helsinki",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar date is the same day everywhere, so it is formatted at UTC rather than shifted. */
function calendarDate(iso: string, locale: Locale): CalendarDate {
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone: "UTC",
  });
  return { iso, text: format.format(new Date(`${iso}T00:00:00Z`)) };
}

// Loading ----------------------------------------------------------------------------------------

interface PublishingRow {
  slug: string | null;
  owner_id: string | null;
  review_due: string | null;
  translation_of: string | null;
  published_version: number | null;
  published_at: string | null;
}

interface BoardRow {
  board_id: string;
  slug: string;
  name_fi: string;
  name_sv: string | null;
  approvals_required: number;
  organisations_required: number;
  is_member: boolean;
}

interface SubmissionRow {
  id: string;
  status: SubmissionStatus;
  change_summary: string;
  version_id: string;
  submitted_by: string | null;
  submitted_at: string;
  approvals_required: number;
  organisations_required: number;
  submitter: { display_name: string } | null;
}

interface ReviewRow {
  reviewer_id: string;
  organisation_id: string | null;
  decision: "approve" | "request_changes";
  comment: string;
  decided_at: string;
  reviewer: { display_name: string } | null;
  organisation: NameRow | null;
}

interface ApprovalJson {
  name?: string | null;
  organisation_name_fi?: string | null;
  organisation_name_sv?: string | null;
}

interface VersionRow {
  number: number;
  published_at: string;
  change_summary: string;
  approvals: ApprovalJson[];
  owner_name: string | null;
}

interface RoundRow {
  id: string;
  title: string;
  deadline: string;
  closed_at: string | null;
}

function fail(what: string, error: { code?: string; message: string }): never {
  throw new Error(`Loading ${what} failed: ${error.code ?? ""} ${error.message}`);
}

async function loadBoard(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<(ResponsibleBoard & { reviewIntervalDays: number }) | null> {
  const { data, error } = await client.rpc("document_board_of", { document_id: documentId });
  if (error) fail("the editorial board", error);
  const row = ((data ?? []) as BoardRow[])[0];
  if (!row) return null;
  const interval = await client
    .from("editorial_boards")
    .select("review_interval_days")
    .eq("network_id", row.board_id)
    .maybeSingle<{ review_interval_days: number }>();
  if (interval.error) fail("the board's review interval", interval.error);
  return {
    id: row.board_id,
    slug: row.slug,
    name: networkName(row, locale),
    approvalsRequired: row.approvals_required,
    organisationsRequired: row.organisations_required,
    isMember: row.is_member === true,
    reviewIntervalDays: interval.data?.review_interval_days ?? 365,
  };
}

async function loadSubmission(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<Submission | null> {
  const { data, error } = await client
    .from("document_submissions")
    .select(
      "id, status, change_summary, version_id, submitted_by, submitted_at, approvals_required, organisations_required, submitter:profiles!document_submissions_submitted_by_fkey(display_name)",
    )
    .eq("document_id", documentId)
    .order("submitted_at", { ascending: false })
    .limit(1)
    .maybeSingle<SubmissionRow>();
  if (error) fail("the submission", error);
  // Published and withdrawn submissions are history: the published versions tell the rest.
  if (!data || !["in_review", "approved", "changes_requested"].includes(data.status)) return null;
  const reviews = await client
    .from("document_reviews")
    .select(
      "reviewer_id, organisation_id, decision, comment, decided_at, reviewer:profiles!document_reviews_reviewer_id_fkey(display_name), organisation:organisations!document_reviews_organisation_id_fkey(name_fi, name_sv)",
    )
    .eq("submission_id", data.id)
    .order("decided_at", { ascending: true })
    .returns<ReviewRow[]>();
  if (reviews.error) fail("the reviews", reviews.error);
  const format = dateTimeFormat(locale);
  const approving = reviews.data.filter((review) => review.decision === "approve");
  return {
    id: data.id,
    status: data.status,
    changeSummary: data.change_summary,
    versionId: data.version_id,
    submittedBy: data.submitted_by,
    submitterName: data.submitter?.display_name || null,
    submittedAt: moment(data.submitted_at, format),
    approvalsRequired: data.approvals_required,
    organisationsRequired: data.organisations_required,
    approvals: approving.length,
    organisations: new Set(approving.map((review) => review.organisation_id).filter(Boolean)).size,
    reviews: reviews.data.map(
      (review): Review => ({
        reviewerId: review.reviewer_id,
        reviewerName: review.reviewer?.display_name || null,
        organisationName: review.organisation
          ? organisationName(review.organisation, locale)
          : null,
        decision: review.decision,
        comment: review.comment,
        decidedAt: moment(review.decided_at, format),
      }),
    ),
  };
}

async function loadVersions(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<PublishedVersion[]> {
  const { data, error } = await client
    .from("published_versions")
    .select("number, published_at, change_summary, approvals, owner_name")
    .eq("document_id", documentId)
    .order("number", { ascending: false })
    .limit(200)
    .returns<VersionRow[]>();
  if (error) fail("the published versions", error);
  const format = dateTimeFormat(locale);
  return data.map((row) => ({
    number: row.number,
    publishedAt: moment(row.published_at, format),
    changeSummary: row.change_summary,
    ownerName: row.owner_name,
    approvers: (Array.isArray(row.approvals) ? row.approvals : []).map((approval) => ({
      name: approval.name || "",
      organisation: approval.organisation_name_fi
        ? organisationName(
            {
              name_fi: approval.organisation_name_fi,
              name_sv: approval.organisation_name_sv ?? null,
            },
            locale,
          )
        : null,
    })),
  }));
}

async function loadRounds(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<CommentRoundItem[]> {
  const { data, error } = await client
    .from("comment_rounds")
    .select("id, title, deadline, closed_at")
    .eq("document_id", documentId)
    .order("opened_at", { ascending: false })
    .limit(100)
    .returns<RoundRow[]>();
  if (error) fail("the comment rounds", error);
  if (data.length === 0) return [];
  const responses = await client
    .from("comment_round_responses")
    .select("round_id")
    .in(
      "round_id",
      data.map((round) => round.id),
    )
    .returns<{ round_id: string }[]>();
  if (responses.error) fail("the comment round responses", responses.error);
  const counts = new Map<string, number>();
  for (const row of responses.data) counts.set(row.round_id, (counts.get(row.round_id) ?? 0) + 1);
  const format = dateTimeFormat(locale);
  const now = Date.now();
  return data.map((round) => ({
    id: round.id,
    title: round.title,
    deadline: moment(round.deadline, format),
    open: round.closed_at === null && new Date(round.deadline).getTime() > now,
    responses: counts.get(round.id) ?? 0,
  }));
}

/** The owner organisation's active members, as RLS lets the caller list them, by name. */
async function loadOwnerCandidates(
  client: SupabaseClient,
  organisationId: string,
  locale: Locale,
): Promise<Option[]> {
  const { data, error } = await client
    .from("organisation_members")
    .select("user_id, profile:profiles(display_name)")
    .eq("organisation_id", organisationId)
    .eq("status", "active")
    .limit(optionLimit)
    .returns<{ user_id: string; profile: { display_name: string } | null }[]>();
  if (error) fail("the organisation's members", error);
  return data
    .filter((row) => row.profile?.display_name)
    .map((row) => ({ id: row.user_id, name: row.profile?.display_name ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Documents in the other language that are not translations themselves: possible sources. */
async function loadTranslationSources(
  client: SupabaseClient,
  document: DocumentRow,
  locale: Locale,
): Promise<Option[]> {
  const { data, error } = await client
    .from("documents")
    .select("id, title")
    .neq("language", document.language)
    .neq("id", document.id)
    .is("translation_of", null)
    .neq("status", "archived")
    .order("title", { ascending: true })
    .limit(optionLimit)
    .returns<{ id: string; title: string }[]>();
  if (error) fail("the translation sources", error);
  return data
    .map((row) => ({ id: row.id, name: row.title }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

async function loadOutdated(client: SupabaseClient, slug: string | null): Promise<boolean> {
  if (!slug) return false;
  const { data, error } = await client.rpc("library_document", { slug });
  if (error) fail("the library entry", error);
  return ((data ?? []) as { outdated: boolean }[])[0]?.outdated === true;
}

async function loadFlag(client: SupabaseClient, fn: string, documentId: string): Promise<boolean> {
  const { data, error } = await client.rpc(fn, { document_id: documentId });
  if (error) fail(fn, error);
  return data === true;
}

/** Everything the publishing tab shows about the document, as the caller may see it. */
export async function loadPublishing(
  client: SupabaseClient,
  header: {
    document: DocumentRow;
    access: DocumentAccess;
    ownerName: string | null;
    userId: string;
  },
  locale: Locale,
): Promise<PublishingView> {
  const { document, access } = header;
  const { data: row, error } = await client
    .from("documents")
    .select("slug, owner_id, review_due, translation_of, published_version, published_at")
    .eq("id", document.id)
    .maybeSingle<PublishingRow>();
  if (error) fail("the document's publishing state", error);
  if (!row) throw new Error(`Document ${document.id} vanished while loading`);

  const canEdit = access === "edit";
  const [board, submission, versions, rounds, canManage, canHandle, outdated, sources, candidates] =
    await Promise.all([
      loadBoard(client, document.id, locale),
      loadSubmission(client, document.id, locale),
      loadVersions(client, document.id, locale),
      loadRounds(client, document.id, locale),
      loadFlag(client, "can_manage_document", document.id),
      loadFlag(client, "can_handle_document", document.id),
      loadOutdated(client, row.slug),
      canEdit ? loadTranslationSources(client, document, locale) : Promise.resolve([]),
      loadOwnerCandidates(client, document.owner_organisation_id, locale),
    ]);

  const names = new Map(candidates.map((candidate) => [candidate.id, candidate.name]));
  let ownerName = row.owner_id ? (names.get(row.owner_id) ?? null) : null;
  if (row.owner_id && ownerName === null) {
    const owner = await client
      .from("profiles")
      .select("display_name")
      .eq("id", row.owner_id)
      .maybeSingle<{ display_name: string }>();
    if (owner.error) fail("the owner", owner.error);
    ownerName = owner.data?.display_name || null;
  }
  // The current owner stays choosable even when they have left the organisation's list.
  const ownerCandidates =
    row.owner_id && ownerName && !names.has(row.owner_id)
      ? [{ id: row.owner_id, name: ownerName }, ...candidates]
      : candidates;

  let translationOf: PublishingView["translationOf"] = null;
  if (row.translation_of) {
    const source = await client
      .from("documents")
      .select("title")
      .eq("id", row.translation_of)
      .maybeSingle<{ title: string }>();
    if (source.error) fail("the translation's source", source.error);
    translationOf = { id: row.translation_of, title: source.data?.title ?? null };
  }

  const today = helsinkiToday();
  const format = dateTimeFormat(locale);
  return {
    documentId: document.id,
    status: document.status,
    language: document.language,
    slug: row.slug,
    publishedVersion: row.published_version,
    publishedAt: row.published_at ? moment(row.published_at, format) : null,
    access,
    canManage,
    canHandle,
    board: board
      ? {
          id: board.id,
          slug: board.slug,
          name: board.name,
          approvalsRequired: board.approvalsRequired,
          organisationsRequired: board.organisationsRequired,
          isMember: board.isMember,
        }
      : null,
    submission,
    versions,
    rounds,
    owner: { id: row.owner_id, name: ownerName, organisationName: header.ownerName },
    reviewDue: row.review_due ? calendarDate(row.review_due, locale) : null,
    reviewOverdue:
      row.review_due !== null &&
      row.published_version !== null &&
      document.status !== "archived" &&
      row.review_due < today,
    defaultReviewDue: calendarDate(addDays(today, board?.reviewIntervalDays ?? 365), locale),
    reviewDueRange: { min: addDays(today, 1), max: addDays(today, reviewDueMaxDays) },
    ownerCandidates,
    translationOf,
    translationSources: sources,
    outdated,
    userId: header.userId,
  };
}

// Actions ----------------------------------------------------------------------------------------

export type PublishingActionResult =
  | { ok: true; intent: PublishingIntent; version: number | null }
  | {
      ok: false;
      intent: PublishingIntent;
      /** What was typed, to put back into the form. */
      values: Record<string, string>;
      fieldErrors: FieldErrors;
      formError: PublishingErrorKey | null;
      status: number;
    };

function typedValues(values: Record<string, unknown>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && key !== "intent") typed[key] = value;
  }
  return typed;
}

/** Runs one workflow action from the publishing tab's form values, as the signed-in person. */
export async function performPublishingAction(
  client: SupabaseClient,
  context: AppLoadContext,
  documentId: string,
  values: Record<string, unknown>,
): Promise<PublishingActionResult> {
  const intent: PublishingIntent = isPublishingIntent(values.intent) ? values.intent : "submit";
  const kept = typedValues(values);
  const invalid = (fieldErrors: FieldErrors): PublishingActionResult => ({
    ok: false,
    intent,
    values: kept,
    fieldErrors,
    formError: null,
    status: 400,
  });
  const refused = (error: DbErrorLike): PublishingActionResult => {
    const key = dbErrorKey(error);
    if (key === "unavailable") console.error(`Publishing action ${intent} failed`, error);
    return {
      ok: false,
      intent,
      values: kept,
      fieldErrors: {},
      formError: publishingErrorKey(intent, error),
      status: statusForDbError[key],
    };
  };
  if (!isPublishingIntent(values.intent)) return refused({ code: "22023" });

  const call = async (fn: string, args: Record<string, unknown>) => {
    const { data, error } = await client.rpc(fn, args);
    return { data, error };
  };
  let outcome: { data: unknown; error: DbErrorLike | null };
  switch (intent) {
    case "submit": {
      const parsed = parseForm(submitSchema, values);
      if (!parsed.success) return invalid(parsed.fieldErrors);
      // What the board approves is what the editors see now, not the last compaction.
      await context.collab?.flushDocument(documentId);
      outcome = await call("submit_document", {
        document_id: documentId,
        change_summary: parsed.data.changeSummary,
      });
      break;
    }
    case "review": {
      const parsed = parseForm(reviewSchema, values);
      if (!parsed.success) return invalid(parsed.fieldErrors);
      outcome = await call("review_submission", {
        submission_id: parsed.data.submissionId,
        decision: parsed.data.decision,
        comment: parsed.data.comment,
      });
      break;
    }
    case "withdraw":
    case "publish": {
      const parsed = parseForm(submissionSchema, values);
      if (!parsed.success) return refused({ code: "22023" });
      outcome = await call(intent === "withdraw" ? "withdraw_submission" : "publish_submission", {
        submission_id: parsed.data.submissionId,
      });
      break;
    }
    case "archive": {
      const parsed = parseForm(archiveSchema, values);
      if (!parsed.success) return invalid(parsed.fieldErrors);
      outcome = await call("archive_document", {
        document_id: documentId,
        reason: parsed.data.reason,
      });
      break;
    }
    case "reopen":
      outcome = await call("reopen_document", { document_id: documentId });
      break;
    case "stewardship": {
      const parsed = parseForm(stewardshipSchema, values);
      if (!parsed.success) return invalid(parsed.fieldErrors);
      outcome = await call("set_document_stewardship", {
        document_id: documentId,
        owner_id: parsed.data.ownerId,
        review_due: parsed.data.reviewDue,
      });
      break;
    }
    case "markReviewed":
      outcome = await call("mark_document_reviewed", { document_id: documentId });
      break;
    case "translation": {
      const parsed = parseForm(translationSchema, values);
      if (!parsed.success) return invalid(parsed.fieldErrors);
      outcome = await call("set_document_translation", {
        document_id: documentId,
        source_id: parsed.data.sourceId,
      });
      break;
    }
  }
  if (outcome.error) return refused(outcome.error);
  return {
    ok: true,
    intent,
    version: intent === "publish" && typeof outcome.data === "number" ? outcome.data : null,
  };
}
