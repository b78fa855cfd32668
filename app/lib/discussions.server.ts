/**
 * A network's discussions: threads, replies, reactions and accepted answers. Every read goes
 * through RLS (readers of the network read) and every write through the tables' policies or
 * mark_thread_answer, which decide who may; this module only asks and reports the answer. Stored
 * HTML is sanitised again here, on the way out, because rows can also be written through the API.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import {
  type Author,
  isUuid,
  type MentionCandidate,
  type Post,
  type PostFormValues,
  type ReactionKind,
  type ReactionSummary,
  reactionKinds,
  type ThreadFilter,
  type ThreadKind,
  type ThreadListItem,
  type ThreadView,
} from "./discussion-form";
import type { Locale } from "./i18n";
import { expectOneRow } from "./meetings.server";
import { dateTimeFormat, moment } from "./moment";
import { organisationName } from "./organisations.server";
import { profileNames } from "./profile-names.server";
import { plainTextToHtml, sanitizeRichText } from "./rich-text.server";

export const threadsPerPage = 20;
/** Enough for any real thread; beyond it the oldest replies are shown. */
const replyLimit = 1000;


interface AuthorRow {
  display_name: string;
  organisation: { name_fi: string; name_sv: string | null } | null;
}

function author(row: AuthorRow | null, locale: Locale): Author {
  return {
    name: row?.display_name || null,
    organisation: row?.organisation ? organisationName(row.organisation, locale) : null,
  };
}

// The list ------------------------------------------------------------------------------------

export interface ThreadPage {
  threads: ThreadListItem[];
  total: number;
  page: number;
  pageCount: number;
}

interface ThreadListRow {
  id: string;
  kind: ThreadKind;
  title: string;
  answer_reply_id: string | null;
  reply_count: number;
  last_activity_at: string;
  author: AuthorRow | null;
}

/** profiles and organisations are related twice (home organisation, memberships): name the key. */
const authorColumns =
  "display_name, organisation:organisations!profiles_home_organisation_id_fkey(name_fi, name_sv)";

const authorEmbed = (table: "discussion_threads" | "discussion_replies") =>
  `author:profiles!${table}_author_id_fkey(${authorColumns})`;

/** One page of the network's threads, latest activity first. */
export async function listThreads(
  client: SupabaseClient,
  networkId: string,
  filter: ThreadFilter,
  page: number,
  locale: Locale,
): Promise<ThreadPage> {
  const from = (page - 1) * threadsPerPage;
  let query = client
    .from("discussion_threads")
    .select(
      `id, kind, title, answer_reply_id, reply_count, last_activity_at, ${authorEmbed("discussion_threads")}`,
      { count: "exact" },
    )
    .eq("network_id", networkId);
  if (filter !== "all") query = query.eq("kind", "question");
  if (filter === "unanswered") query = query.is("answer_reply_id", null);
  const { data, error, count } = await query
    .order("last_activity_at", { ascending: false })
    .order("id", { ascending: true })
    .range(from, from + threadsPerPage - 1)
    .returns<ThreadListRow[]>();
  // Past the last page PostgREST answers 416; the page then shows the end of the list.
  if (error && error.code !== "PGRST103") throw error;
  const total = count ?? 0;
  const format = dateTimeFormat(locale);
  return {
    threads: (data ?? []).map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      answered: row.answer_reply_id !== null,
      author: author(row.author, locale),
      replyCount: row.reply_count,
      lastActivity: moment(row.last_activity_at, format),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / threadsPerPage)),
  };
}

// One thread -----------------------------------------------------------------------------------

interface PostRow {
  id: string;
  body_html: string;
  mentions: string[];
  author_id: string;
  created_at: string;
  edited_at: string | null;
  author: AuthorRow | null;
}

interface ThreadRow extends PostRow {
  kind: ThreadKind;
  title: string;
  answer_reply_id: string | null;
  reply_count: number;
}

const postColumns = "id, body_html, mentions, author_id, created_at, edited_at";

/** The thread with its replies (oldest first) and reactions, or null when it is not here. */
export async function getThread(
  client: SupabaseClient,
  networkId: string,
  threadId: string,
  userId: string,
  locale: Locale,
): Promise<{ thread: ThreadView; replies: Post[] } | null> {
  if (!isUuid(threadId)) return null;
  const { data: thread, error } = await client
    .from("discussion_threads")
    .select(
      `${postColumns}, kind, title, answer_reply_id, reply_count, ${authorEmbed("discussion_threads")}`,
    )
    .eq("id", threadId)
    .eq("network_id", networkId)
    .maybeSingle<ThreadRow>();
  if (error) throw error;
  if (!thread) return null;
  const [replies, reactions] = await Promise.all([
    client
      .from("discussion_replies")
      .select(`${postColumns}, ${authorEmbed("discussion_replies")}`)
      .eq("thread_id", threadId)
      .order("created_at", { ascending: true })
      .order("id", { ascending: true })
      .limit(replyLimit)
      .returns<PostRow[]>(),
    client
      .from("discussion_reactions")
      .select("reply_id, user_id, reaction")
      .eq("thread_id", threadId)
      .returns<{ reply_id: string | null; user_id: string; reaction: ReactionKind }[]>(),
  ]);
  if (replies.error) throw replies.error;
  if (reactions.error) throw reactions.error;

  const mentionNames = await profileNames(client, [
    ...thread.mentions,
    ...replies.data.flatMap((reply) => reply.mentions),
  ]);
  const reactionsOf = (replyId: string | null): ReactionSummary[] =>
    reactionKinds.map((kind) => {
      const rows = reactions.data.filter(
        (row) => row.reply_id === replyId && row.reaction === kind,
      );
      return { kind, count: rows.length, mine: rows.some((row) => row.user_id === userId) };
    });
  const format = dateTimeFormat(locale);
  const post = (row: PostRow, replyId: string | null): Post => ({
    id: row.id,
    bodyHtml: sanitizeRichText(row.body_html),
    author: author(row.author, locale),
    authorId: row.author_id,
    created: moment(row.created_at, format),
    edited: row.edited_at ? moment(row.edited_at, format) : null,
    mentions: row.mentions.map((id) => ({ userId: id, name: mentionNames.get(id) ?? null })),
    reactions: reactionsOf(replyId),
  });
  return {
    thread: {
      ...post(thread, null),
      kind: thread.kind,
      title: thread.title,
      answerReplyId: thread.answer_reply_id,
      replyCount: thread.reply_count,
    },
    replies: replies.data.map((row) => post(row, row.id)),
  };
}

/** Enough for the largest national network; the picker's filter narrows it down. */
const mentionCandidateLimit = 2000;

/**
 * The people the author may mention: the network's members that RLS shows (deactivated people
 * are not among them), except the author, by name.
 */
export async function mentionCandidates(
  client: SupabaseClient,
  networkId: string,
  userId: string,
  locale: Locale,
): Promise<MentionCandidate[]> {
  const { data, error } = await client
    .from("network_members")
    .select(`user_id, profile:profiles!network_members_user_id_fkey(${authorColumns})`)
    .eq("network_id", networkId)
    .neq("user_id", userId)
    .limit(mentionCandidateLimit)
    .returns<{ user_id: string; profile: AuthorRow | null }[]>();
  if (error) throw error;
  return data
    .flatMap((row) => {
      const { name, organisation } = author(row.profile, locale);
      return name ? [{ userId: row.user_id, name, organisation }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

// Writes ---------------------------------------------------------------------------------------

export interface RichText {
  html: string;
  text: string;
}

export async function createThread(
  client: SupabaseClient,
  networkId: string,
  fields: { title: string; kind: ThreadKind; mentions: string[] },
  body: RichText,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client
    .from("discussion_threads")
    .insert({
      network_id: networkId,
      kind: fields.kind,
      title: fields.title,
      body_html: body.html,
      body_text: body.text,
      mentions: fields.mentions,
    })
    .select("id")
    .single<{ id: string }>();
  if (error) return { error };
  return { id: data.id };
}

export async function createReply(
  client: SupabaseClient,
  threadId: string,
  mentions: string[],
  body: RichText,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client
    .from("discussion_replies")
    .insert({ thread_id: threadId, body_html: body.html, body_text: body.text, mentions })
    .select("id")
    .single<{ id: string }>();
  if (error) return { error };
  return { id: data.id };
}

/** Saves the author's changes; a row the policy filters out is reported as a refusal. */
export async function updateThread(
  client: SupabaseClient,
  threadId: string,
  title: string,
  body: RichText,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("discussion_threads")
      .update({ title, body_html: body.html, body_text: body.text })
      .eq("id", threadId)
      .select("id"),
  );
}

export async function updateReply(
  client: SupabaseClient,
  threadId: string,
  replyId: string,
  body: RichText,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("discussion_replies")
      .update({ body_html: body.html, body_text: body.text })
      .eq("id", replyId)
      .eq("thread_id", threadId)
      .select("id"),
  );
}

export async function deleteThread(
  client: SupabaseClient,
  networkId: string,
  threadId: string,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("discussion_threads")
      .delete()
      .eq("id", threadId)
      .eq("network_id", networkId)
      .select("id"),
  );
}

export async function deleteReply(
  client: SupabaseClient,
  threadId: string,
  replyId: string,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("discussion_replies")
      .delete()
      .eq("id", replyId)
      .eq("thread_id", threadId)
      .select("id"),
  );
}

/**
 * Puts the caller's reaction on a post (`on`) or takes it back. Setting what is already so is
 * no error (a double click), but a change the policy refuses is.
 */
export async function setReaction(
  client: SupabaseClient,
  userId: string,
  threadId: string,
  replyId: string | null,
  reaction: ReactionKind,
  on: boolean,
): Promise<DbErrorLike | null> {
  if (on) {
    const { error } = await client
      .from("discussion_reactions")
      .insert({ thread_id: threadId, reply_id: replyId, reaction });
    return error && error.code !== "23505" ? error : null;
  }
  const base = client
    .from("discussion_reactions")
    .delete()
    .eq("thread_id", threadId)
    .eq("user_id", userId)
    .eq("reaction", reaction);
  const deleted = await (replyId ? base.eq("reply_id", replyId) : base.is("reply_id", null)).select(
    "id",
  );
  if (deleted.error) return deleted.error;
  if (deleted.data.length > 0) return null;
  // Nothing deleted: either it was already gone, or the policy kept it.
  const kept = client
    .from("discussion_reactions")
    .select("id")
    .eq("thread_id", threadId)
    .eq("user_id", userId)
    .eq("reaction", reaction);
  const still = await (replyId ? kept.eq("reply_id", replyId) : kept.is("reply_id", null));
  if (still.error) return still.error;
  return still.data.length > 0 ? { code: "42501", message: "the reaction was kept" } : null;
}

/** Marks (or with null, unmarks) the accepted answer; the asker or a coordinator may. */
export async function markAnswer(
  client: SupabaseClient,
  threadId: string,
  replyId: string | null,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("mark_thread_answer", {
    thread_id: threadId,
    reply_id: replyId,
  });
  return error;
}

// Forms ------------------------------------------------------------------------------------------

/** The rich text a form posted, to show again after a failed submit: sanitised, never trusted. */
export function postedRichText(form: FormData, name: string): string {
  const html = form.get(`${name}_html`);
  if (typeof html === "string") return sanitizeRichText(html);
  const text = form.get(`${name}_text`);
  return typeof text === "string" ? plainTextToHtml(text) : "";
}

/** The whole post form as posted, to render again. */
export function postedPostValues(form: FormData): PostFormValues {
  const title = form.get("title");
  const kind = form.get("kind");
  return {
    title: typeof title === "string" ? title : "",
    kind: kind === "question" ? "question" : "discussion",
    bodyHtml: postedRichText(form, "body"),
    mentions: form.getAll("mentions").filter(isUuid),
  };
}
