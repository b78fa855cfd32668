/**
 * The editorial board's pages: the dashboard (what waits for the person's approval, what is in
 * review, which reviews fall due, the latest feedback), the feedback queue and a feedback's
 * answer, and a board's settings. Every read goes through RLS and every change through
 * answer_feedback() and configure_editorial_board(), which decide who may; what this module
 * computes (whether the person is a member, whether they have reviewed) only chooses what to show.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { BoardSettings } from "./board-settings-form";
import type { DbErrorLike } from "./db-errors";
import { type DocumentKind, documentKinds } from "./document";
import {
  type FeedbackAnswer,
  type FeedbackFilter,
  type FeedbackStatus,
  statusesOf,
} from "./feedback-answer-form";
import type { Locale } from "./i18n";
import { dateTimeFormat, type Moment, moment } from "./moment";
import { type NetworkRole, networkName } from "./network";
import { helsinkiToday, reviewState } from "./network-settings-form";

/** A calendar date with the words to show for it. */
export interface DateLabel {
  iso: string;
  text: string;
}

function dateFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  });
}

function dateLabel(iso: string, format: Intl.DateTimeFormat): DateLabel {
  // Noon UTC is the same calendar day in Helsinki all year round.
  return { iso, text: format.format(new Date(`${iso}T12:00:00Z`)) };
}

function fail(what: string, error: { code?: string | null; message?: string | null }): never {
  throw new Error(`${what} failed: ${error.code ?? ""} ${error.message ?? ""}`);
}

// Boards ----------------------------------------------------------------------------------------

export interface BoardSummary {
  id: string;
  slug: string;
  name: string;
  approvalsRequired: number;
  organisationsRequired: number;
  reviewIntervalDays: number;
  role: NetworkRole | null;
  /** A coordinator or member (observers follow but do not review). */
  isMember: boolean;
}

interface BoardRow {
  network_id: string;
  approvals_required: number;
  organisations_required: number;
  review_interval_days: number;
  network: {
    slug: string;
    name_fi: string;
    name_sv: string | null;
    archived_at: string | null;
  } | null;
}

/** The boards whose network the person may read (others stay unnamed), with their role in each. */
export async function listBoards(
  client: SupabaseClient,
  userId: string,
  locale: Locale,
): Promise<BoardSummary[]> {
  const { data, error } = await client
    .from("editorial_boards")
    .select(
      "network_id, approvals_required, organisations_required, review_interval_days, " +
        "network:networks(slug, name_fi, name_sv, archived_at)",
    )
    .returns<BoardRow[]>();
  if (error) fail("Loading editorial boards", error);
  const readable = data.filter((row) => row.network && row.network.archived_at === null);
  const roles = new Map<string, NetworkRole>();
  if (readable.length > 0) {
    const { data: memberships, error: membershipError } = await client
      .from("network_members")
      .select("network_id, role")
      .eq("user_id", userId)
      .in(
        "network_id",
        readable.map((row) => row.network_id),
      )
      .returns<{ network_id: string; role: NetworkRole }[]>();
    if (membershipError) fail("Loading board memberships", membershipError);
    for (const membership of memberships) roles.set(membership.network_id, membership.role);
  }
  return readable
    .flatMap((row) => {
      if (!row.network) return [];
      const role = roles.get(row.network_id) ?? null;
      return [
        {
          id: row.network_id,
          slug: row.network.slug,
          name: networkName(row.network, locale),
          approvalsRequired: row.approvals_required,
          organisationsRequired: row.organisations_required,
          reviewIntervalDays: row.review_interval_days,
          role,
          isMember: role === "coordinator" || role === "member",
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

// Submissions ----------------------------------------------------------------------------------

export interface SubmissionItem {
  id: string;
  documentId: string;
  /** Null when the document is hidden from the person (never for a board member). */
  title: string | null;
  kind: DocumentKind | null;
  status: "in_review" | "approved";
  boardName: string;
  changeSummary: string;
  submitterName: string | null;
  submittedAt: Moment;
  approvals: number;
  organisations: number;
  approvalsRequired: number;
  organisationsRequired: number;
}

interface SubmissionRow {
  id: string;
  document_id: string;
  board_id: string;
  status: "in_review" | "approved";
  change_summary: string;
  submitted_by: string | null;
  submitted_at: string;
  approvals_required: number;
  organisations_required: number;
  document: { title: string; kind: DocumentKind } | null;
  submitter: { display_name: string } | null;
}

interface ReviewRow {
  submission_id: string;
  reviewer_id: string;
  organisation_id: string | null;
  decision: "approve" | "request_changes";
}

/** Submissions under way at the given boards, and which of them still wait for this person. */
async function boardSubmissions(
  client: SupabaseClient,
  boards: BoardSummary[],
  userId: string,
  locale: Locale,
): Promise<{ inReview: SubmissionItem[]; awaiting: SubmissionItem[] }> {
  if (boards.length === 0) return { inReview: [], awaiting: [] };
  const { data, error } = await client
    .from("document_submissions")
    .select(
      "id, document_id, board_id, status, change_summary, submitted_by, submitted_at, " +
        "approvals_required, organisations_required, document:documents(title, kind), " +
        "submitter:profiles!document_submissions_submitted_by_fkey(display_name)",
    )
    .in(
      "board_id",
      boards.map((board) => board.id),
    )
    .in("status", ["in_review", "approved"])
    .order("submitted_at", { ascending: true })
    .limit(200)
    .returns<SubmissionRow[]>();
  if (error) fail("Loading submissions", error);
  const reviews: ReviewRow[] = [];
  if (data.length > 0) {
    const { data: reviewRows, error: reviewError } = await client
      .from("document_reviews")
      .select("submission_id, reviewer_id, organisation_id, decision")
      .in(
        "submission_id",
        data.map((row) => row.id),
      )
      .returns<ReviewRow[]>();
    if (reviewError) fail("Loading reviews", reviewError);
    reviews.push(...reviewRows);
  }
  const boardNames = new Map(boards.map((board) => [board.id, board.name]));
  const format = dateTimeFormat(locale);
  const items = data.map((row) => {
    const approvals = reviews.filter(
      (review) => review.submission_id === row.id && review.decision === "approve",
    );
    const item: SubmissionItem = {
      id: row.id,
      documentId: row.document_id,
      title: row.document?.title ?? null,
      kind: row.document?.kind ?? null,
      status: row.status,
      boardName: boardNames.get(row.board_id) ?? "",
      changeSummary: row.change_summary,
      submitterName: row.submitter?.display_name || null,
      submittedAt: moment(row.submitted_at, format),
      approvals: approvals.length,
      organisations: new Set(approvals.map((review) => review.organisation_id).filter(Boolean))
        .size,
      approvalsRequired: row.approvals_required,
      organisationsRequired: row.organisations_required,
    };
    return item;
  });
  const reviewedByMe = new Set(
    reviews.filter((review) => review.reviewer_id === userId).map((review) => review.submission_id),
  );
  const submittedByMe = new Set(
    data.filter((row) => row.submitted_by === userId).map((row) => row.id),
  );
  return {
    inReview: items,
    awaiting: items.filter(
      (item) =>
        item.status === "in_review" && !submittedByMe.has(item.id) && !reviewedByMe.has(item.id),
    ),
  };
}

// Reviews due -----------------------------------------------------------------------------------

export interface ReviewDueItem {
  documentId: string;
  slug: string | null;
  title: string;
  ownerName: string | null;
  reviewDue: DateLabel;
  overdue: boolean;
  latestVersion: number;
}

interface ReviewDueRow {
  document_id: string;
  slug: string | null;
  title: string;
  owner_name: string | null;
  review_due: string;
  latest_version: number;
}

/** Published documents of the person's boards whose review is overdue or due within 30 days. */
async function reviewsDue(client: SupabaseClient, locale: Locale): Promise<ReviewDueItem[]> {
  const { data, error } = await client.rpc("board_reviews_due", { days_ahead: 30 });
  if (error) fail("Loading reviews due", error);
  const rows = (data ?? []) as ReviewDueRow[];
  const today = helsinkiToday();
  const format = dateFormat(locale);
  return rows
    .map((row) => ({
      documentId: row.document_id,
      slug: row.slug,
      title: row.title,
      ownerName: row.owner_name,
      reviewDue: dateLabel(row.review_due, format),
      overdue: reviewState(row.review_due, today) === "overdue",
      latestVersion: row.latest_version,
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) || a.reviewDue.iso.localeCompare(b.reviewDue.iso),
    );
}

// Feedback -------------------------------------------------------------------------------------

export interface FeedbackItem {
  id: string;
  documentId: string;
  title: string;
  /** The library address; null when the person may not read it in the library. */
  slug: string | null;
  versionNumber: number;
  paragraphIndex: number | null;
  paragraphText: string | null;
  problem: string;
  suggestion: string | null;
  readerName: string | null;
  createdAt: Moment;
  status: FeedbackStatus;
}

export interface FeedbackDetail extends FeedbackItem {
  reply: string | null;
  replierName: string | null;
  repliedAt: Moment | null;
  /** Whether the database lets this person answer (can_handle_document). */
  canAnswer: boolean;
}

interface FeedbackRow {
  id: string;
  document_id: string;
  version_number: number;
  paragraph_index: number | null;
  paragraph_text: string | null;
  problem: string;
  suggestion: string | null;
  created_at: string;
  status: FeedbackStatus;
  reply: string | null;
  replied_at: string | null;
  author: { display_name: string } | null;
  replier: { display_name: string } | null;
  document: { title: string; slug: string | null } | null;
}

const feedbackColumns =
  "id, document_id, version_number, paragraph_index, paragraph_text, problem, suggestion, " +
  "created_at, status, reply, replied_at, " +
  "author:profiles!document_feedback_author_id_fkey(display_name), " +
  "replier:profiles!document_feedback_replied_by_fkey(display_name), " +
  "document:documents(title, slug)";

/**
 * The titles of the published versions the feedback is about, and the documents' library
 * addresses. Handlers who read only the library (a board responsible for the document's kind) do
 * not see the documents row, but every reader sees its published versions and library_slugs().
 */
async function versionFacts(client: SupabaseClient, rows: FeedbackRow[]): Promise<VersionFacts> {
  const documentIds = [...new Set(rows.map((row) => row.document_id))];
  if (documentIds.length === 0) return { titles: new Map(), slugs: new Map() };
  const [versions, slugs] = await Promise.all([
    client
      .from("published_versions")
      .select("document_id, number, title")
      .in("document_id", documentIds)
      .returns<{ document_id: string; number: number; title: string }[]>(),
    client.rpc("library_slugs", { document_ids: documentIds }),
  ]);
  if (versions.error) fail("Loading published titles", versions.error);
  if (slugs.error) fail("Loading library addresses", slugs.error);
  return {
    titles: new Map(versions.data.map((row) => [`${row.document_id}/${row.number}`, row.title])),
    slugs: new Map(
      ((slugs.data ?? []) as { document_id: string; slug: string }[]).map((row) => [
        row.document_id,
        row.slug,
      ]),
    ),
  };
}

interface VersionFacts {
  titles: Map<string, string>;
  slugs: Map<string, string>;
}

function feedbackItem(
  row: FeedbackRow,
  facts: VersionFacts,
  format: Intl.DateTimeFormat,
): FeedbackItem {
  return {
    id: row.id,
    documentId: row.document_id,
    title:
      facts.titles.get(`${row.document_id}/${row.version_number}`) ?? row.document?.title ?? "",
    slug: facts.slugs.get(row.document_id) ?? row.document?.slug ?? null,
    versionNumber: row.version_number,
    paragraphIndex: row.paragraph_index,
    paragraphText: row.paragraph_text,
    problem: row.problem,
    suggestion: row.suggestion,
    readerName: row.author?.display_name || null,
    createdAt: moment(row.created_at, format),
    status: row.status,
  };
}

export const feedbackPerPage = 20;

export interface FeedbackPage {
  items: FeedbackItem[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the feedback the person handles or gave (RLS decides), newest first. */
export async function listFeedback(
  client: SupabaseClient,
  filter: FeedbackFilter,
  page: number,
  locale: Locale,
  perPage = feedbackPerPage,
): Promise<FeedbackPage> {
  const from = (page - 1) * perPage;
  let request = client.from("document_feedback").select(feedbackColumns, { count: "exact" });
  const statuses = statusesOf(filter);
  if (statuses) request = request.in("status", [...statuses]);
  const { data, error, count } = await request
    .order("created_at", { ascending: false })
    .order("id", { ascending: true })
    .range(from, from + perPage - 1)
    .returns<FeedbackRow[]>();
  // Past the last page PostgREST answers 416; the page then shows the end of the list.
  if (error && error.code !== "PGRST103") fail("Loading feedback", error);
  const rows = data ?? [];
  const facts = await versionFacts(client, rows);
  const format = dateTimeFormat(locale);
  const total = count ?? 0;
  return {
    items: rows.map((row) => feedbackItem(row, facts, format)),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** One feedback as the person may see it, or null when RLS hides it. */
export async function getFeedback(
  client: SupabaseClient,
  feedbackId: string,
  locale: Locale,
): Promise<FeedbackDetail | null> {
  const { data, error } = await client
    .from("document_feedback")
    .select(feedbackColumns)
    .eq("id", feedbackId)
    .maybeSingle<FeedbackRow>();
  if (error) fail("Loading feedback", error);
  if (!data) return null;
  const [facts, canHandle] = await Promise.all([
    versionFacts(client, [data]),
    client.rpc("can_handle_document", { document_id: data.document_id }),
  ]);
  if (canHandle.error) fail("can_handle_document", canHandle.error);
  const format = dateTimeFormat(locale);
  return {
    ...feedbackItem(data, facts, format),
    reply: data.reply,
    replierName: data.replier?.display_name || null,
    repliedAt: data.replied_at ? moment(data.replied_at, format) : null,
    canAnswer: canHandle.data === true,
  };
}

/** Sets the feedback's status and replies to the reader; the database's refusal, or null. */
export async function answerFeedback(
  client: SupabaseClient,
  feedbackId: string,
  answer: FeedbackAnswer,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("answer_feedback", {
    feedback_id: feedbackId,
    status: answer.status,
    reply: answer.reply,
  });
  return error;
}

// The dashboard --------------------------------------------------------------------------------

export interface EditorialDashboard {
  boards: BoardSummary[];
  myBoards: BoardSummary[];
  awaiting: SubmissionItem[];
  inReview: SubmissionItem[];
  reviewsDue: ReviewDueItem[];
  feedback: FeedbackItem[];
}

export const dashboardFeedbackCount = 8;

export async function editorialDashboard(
  client: SupabaseClient,
  userId: string,
  locale: Locale,
): Promise<EditorialDashboard> {
  const boards = await listBoards(client, userId, locale);
  const myBoards = boards.filter((board) => board.isMember);
  const [submissions, due, feedback] = await Promise.all([
    boardSubmissions(client, myBoards, userId, locale),
    myBoards.length > 0 ? reviewsDue(client, locale) : Promise.resolve([]),
    listFeedback(client, "all", 1, locale, dashboardFeedbackCount),
  ]);
  return {
    boards,
    myBoards,
    awaiting: submissions.awaiting,
    inReview: submissions.inReview,
    reviewsDue: due,
    feedback: feedback.items,
  };
}

// Board settings -------------------------------------------------------------------------------

export interface NetworkChoice {
  id: string;
  name: string;
}

export interface BoardConfiguration {
  approvalsRequired: number;
  organisationsRequired: number;
  reviewIntervalDays: number;
  documentKinds: DocumentKind[];
  /** The networks in scope; a network the person may not read has no name. */
  networks: { id: string; name: string | null; slug: string | null }[];
}

/** The board's quorum, review interval and scopes; null when the network is not a board. */
export async function getBoardConfiguration(
  client: SupabaseClient,
  boardId: string,
  locale: Locale,
): Promise<BoardConfiguration | null> {
  const [board, scopes] = await Promise.all([
    client
      .from("editorial_boards")
      .select("approvals_required, organisations_required, review_interval_days")
      .eq("network_id", boardId)
      .maybeSingle<{
        approvals_required: number;
        organisations_required: number;
        review_interval_days: number;
      }>(),
    client
      .from("editorial_board_scopes")
      .select(
        "document_kind, network_id, network:networks!editorial_board_scopes_network_id_fkey(slug, name_fi, name_sv)",
      )
      .eq("board_id", boardId)
      .returns<
        {
          document_kind: DocumentKind | null;
          network_id: string | null;
          network: { slug: string; name_fi: string; name_sv: string | null } | null;
        }[]
      >(),
  ]);
  if (board.error) fail("Loading the board", board.error);
  if (scopes.error) fail("Loading the board's scopes", scopes.error);
  if (!board.data) return null;
  return {
    approvalsRequired: board.data.approvals_required,
    organisationsRequired: board.data.organisations_required,
    reviewIntervalDays: board.data.review_interval_days,
    documentKinds: documentKinds.filter((kind) =>
      scopes.data.some((scope) => scope.document_kind === kind),
    ),
    networks: scopes.data
      .flatMap((scope) =>
        scope.network_id
          ? [
              {
                id: scope.network_id,
                name: scope.network ? networkName(scope.network, locale) : null,
                slug: scope.network?.slug ?? null,
              },
            ]
          : [],
      )
      .sort((a, b) => (a.name ?? "￿").localeCompare(b.name ?? "￿", locale)),
  };
}

/** Networks the person may read that are not archived, as choices for the board's scope. */
export async function listNetworkChoices(
  client: SupabaseClient,
  locale: Locale,
): Promise<NetworkChoice[]> {
  const { data, error } = await client
    .from("networks")
    .select("id, name_fi, name_sv")
    .is("archived_at", null)
    .order("name_fi", { ascending: true })
    .limit(1000)
    .returns<{ id: string; name_fi: string; name_sv: string | null }[]>();
  if (error) fail("Loading networks", error);
  return data
    .map((row) => ({ id: row.id, name: networkName(row, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Saves the board's settings as the person; the database's refusal, or null. */
export async function configureBoard(
  client: SupabaseClient,
  boardId: string,
  settings: BoardSettings,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("configure_editorial_board", {
    board_id: boardId,
    approvals_required: settings.approvals_required,
    organisations_required: settings.organisations_required,
    review_interval_days: settings.review_interval_days,
    document_kinds: settings.document_kinds,
    network_ids: settings.network_ids,
  });
  return error;
}
