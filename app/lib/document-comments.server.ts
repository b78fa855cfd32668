/**
 * Comments on a co-edited document: threads anchored to a quote, replies, edits, deletes,
 * resolve and reopen, and the people a comment can mention. Every read goes through RLS
 * (readers of the document read its comments) and every write through the table's policies or
 * resolve_document_comment, which decide who may; this module only asks and reports the answer.
 * Anchoring the quote in the text is the collab server's job (the insert trigger tells it).
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import { documentAccess } from "./document-access.server";
import type {
  CommentAccess,
  CommentAuthor,
  CommentForm,
  CommentMoment,
  CommentThread,
  DocumentComment,
  MentionPerson,
} from "./document-comment-form";
import type { Locale } from "./i18n";
import { expectOneRow } from "./meetings.server";
import { dateTimeFormat } from "./moment";
import { organisationName } from "./organisations.server";
import { profileNames } from "./profile-names.server";

/** Far more than any real document gathers; beyond it the newest comments are left out. */
const commentLimit = 2000;
const peopleLimit = 10;

export { documentAccess };

// Reading -------------------------------------------------------------------------------------

interface AuthorRow {
  display_name: string;
  organisation: { name_fi: string; name_sv: string | null } | null;
}

interface CommentRow {
  id: string;
  thread_id: string | null;
  quote: string | null;
  quote_offset: number | null;
  body: string;
  mentions: string[];
  author_id: string | null;
  created_at: string;
  updated_at: string;
  anchored_at: string | null;
  resolved_at: string | null;
  author: AuthorRow | null;
  resolver: { display_name: string } | null;
}

/** profiles and organisations are related twice (home organisation, memberships): name the key. */
const authorColumns =
  "display_name, organisation:organisations!profiles_home_organisation_id_fkey(name_fi, name_sv)";

const commentColumns = [
  "id, thread_id, quote, quote_offset, body, mentions, author_id, created_at, updated_at",
  "anchored_at, resolved_at",
  `author:profiles!document_comments_author_id_fkey(${authorColumns})`,
  "resolver:profiles!document_comments_resolved_by_fkey(display_name)",
].join(", ");

function author(row: AuthorRow | null, locale: Locale): CommentAuthor {
  return {
    name: row?.display_name || null,
    organisation: row?.organisation ? organisationName(row.organisation, locale) : null,
  };
}

/**
 * The document's comment threads, oldest first, each with its replies. `canEdit`/`canDelete`
 * only choose which controls to show (the policies: authors edit and delete their own while
 * they may comment, editors delete any).
 */
export async function listCommentThreads(
  client: SupabaseClient,
  documentId: string,
  userId: string,
  access: CommentAccess,
  locale: Locale,
): Promise<CommentThread[]> {
  const { data, error } = await client
    .from("document_comments")
    .select(commentColumns)
    .eq("document_id", documentId)
    .order("created_at", { ascending: true })
    .order("id", { ascending: true })
    .limit(commentLimit)
    .returns<CommentRow[]>();
  if (error) throw new Error(`Loading comments failed: ${error.code} ${error.message}`);

  const names = await profileNames(
    client,
    data.flatMap((row) => row.mentions),
  );
  const format = dateTimeFormat(locale);
  const moment = (iso: string): CommentMoment => ({ iso, text: format.format(new Date(iso)) });
  const mayComment = access === "comment" || access === "edit";
  const comment = (row: CommentRow): DocumentComment => ({
    id: row.id,
    body: row.body,
    author: author(row.author, locale),
    authorId: row.author_id,
    created: moment(row.created_at),
    // Edits touch updated_at; so do resolve and anchoring, which are not edits of the text.
    edited:
      row.updated_at !== row.created_at && row.thread_id !== null ? moment(row.updated_at) : null,
    mentions: row.mentions.map((id) => ({ userId: id, name: names.get(id) ?? null })),
    canEdit: mayComment && row.author_id === userId,
    canDelete: (mayComment && row.author_id === userId) || access === "edit",
  });

  const threads = new Map<string, CommentThread>();
  for (const row of data) {
    if (row.thread_id !== null || row.quote === null) continue;
    threads.set(row.id, {
      ...comment(row),
      quote: row.quote,
      quoteOffset: row.quote_offset ?? 0,
      anchoredAt: row.anchored_at,
      resolved: row.resolved_at
        ? { at: moment(row.resolved_at), byName: row.resolver?.display_name || null }
        : null,
      replies: [],
    });
  }
  for (const row of data) {
    if (row.thread_id === null) continue;
    threads.get(row.thread_id)?.replies.push(comment(row));
  }
  return [...threads.values()];
}

/**
 * People whose name contains `query`, for the mention picker: the profiles RLS shows the caller
 * (active people only), except the caller. Whether a mentioned person hears of the comment is
 * decided by the database (only people who may read the document are notified).
 */
export async function searchMentionPeople(
  client: SupabaseClient,
  query: string,
  userId: string,
  locale: Locale,
): Promise<MentionPerson[]> {
  const needle = query.trim().slice(0, 100);
  if (needle.length < 2) return [];
  // ilike's own wildcards in what the person typed are literal characters.
  const pattern = `%${needle.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const { data, error } = await client
    .from("profiles")
    .select(`id, ${authorColumns}`)
    .ilike("display_name", pattern)
    .neq("id", userId)
    .order("display_name", { ascending: true })
    .limit(peopleLimit)
    .returns<({ id: string } & AuthorRow)[]>();
  if (error) throw new Error(`Searching people failed: ${error.code} ${error.message}`);
  return data.flatMap((row) => {
    const { name, organisation } = author(row, locale);
    return name ? [{ userId: row.id, name, organisation }] : [];
  });
}

// Writing -------------------------------------------------------------------------------------

/**
 * Does what the form asks. Returns the id of what was created (a thread or a reply), or the
 * database's refusal.
 */
export async function applyCommentAction(
  client: SupabaseClient,
  documentId: string,
  form: CommentForm,
): Promise<{ id: string | null } | { error: DbErrorLike }> {
  switch (form.intent) {
    case "createThread":
      return insertComment(client, {
        document_id: documentId,
        quote: form.quote,
        quote_offset: form.quoteOffset,
        body: form.body,
        mentions: form.mentions,
      });
    case "reply":
      return insertComment(client, {
        document_id: documentId,
        thread_id: form.threadId,
        body: form.body,
        mentions: form.mentions,
      });
    case "edit":
      return orError(
        expectOneRow(
          await client
            .from("document_comments")
            .update({ body: form.body })
            .eq("id", form.commentId)
            .eq("document_id", documentId)
            .select("id"),
        ),
        form.commentId,
      );
    case "delete":
      return orError(
        expectOneRow(
          await client
            .from("document_comments")
            .delete()
            .eq("id", form.commentId)
            .eq("document_id", documentId)
            .select("id"),
        ),
        null,
      );
    case "resolve":
    case "reopen": {
      const { error } = await client.rpc("resolve_document_comment", {
        comment_id: form.threadId,
        resolved: form.intent === "resolve",
      });
      return orError(error, form.threadId);
    }
  }
}

async function insertComment(
  client: SupabaseClient,
  row: Record<string, unknown>,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client
    .from("document_comments")
    .insert(row)
    .select("id")
    .single<{ id: string }>();
  if (error) return { error };
  return { id: data.id };
}

function orError(
  error: DbErrorLike | null,
  id: string | null,
): { id: string | null } | { error: DbErrorLike } {
  return error ? { error } : { id };
}
