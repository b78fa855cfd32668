/**
 * What the discussion forms accept (a new thread, a reply, an edit) and the fixed vocabulary the
 * pages share: thread kinds, list filters and reactions. The database checks everything again;
 * this only gives people their mistakes back in words, next to the field.
 */
import { z } from "zod";

export const threadKinds = ["discussion", "question"] as const;
export type ThreadKind = (typeof threadKinds)[number];

export const threadFilters = ["all", "questions", "unanswered"] as const;
export type ThreadFilter = (typeof threadFilters)[number];

export function threadFilterFrom(value: string | null): ThreadFilter {
  return (threadFilters as readonly (string | null)[]).includes(value)
    ? (value as ThreadFilter)
    : "all";
}

/** The reactions a post can get, in the order the buttons show them. */
export const reactionKinds = ["thumbs_up", "heart", "celebrate", "insightful", "agree"] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const reactionEmoji: Record<ReactionKind, string> = {
  thumbs_up: "👍",
  heart: "❤️",
  celebrate: "🎉",
  insightful: "💡",
  agree: "✅",
};

export function isReactionKind(value: unknown): value is ReactionKind {
  return (reactionKinds as readonly unknown[]).includes(value);
}

/** Limits the tables' check constraints also hold. */
export const titleMaxLength = 200;
export const postMaxTextLength = 20000;
export const maxMentions = 50;

export { isUuid };

/** Message keys under `discussions.errors`. */
export const discussionErrorKeys = ["required", "tooLong", "invalid", "tooManyMentions"] as const;
export type DiscussionErrorKey = (typeof discussionErrorKeys)[number];

export const threadFields = ["title", "kind", "body", "mentions"] as const;
export type ThreadField = (typeof threadFields)[number];
export type ThreadFieldErrors = Partial<Record<ThreadField, DiscussionErrorKey>>;

const mentionsSchema = z
  .array(z.string())
  .default([])
  .transform((ids) => [...new Set(ids.filter(isUuid))])
  .pipe(z.array(z.string()).max(maxMentions, "tooManyMentions"));

const titleSchema = z
  .string({ required_error: "required" })
  .trim()
  .min(1, "required")
  .max(titleMaxLength, "tooLong");

/** A new thread's fields except the body, which the rich-text reader checks. */
export const newThreadSchema = z.object({
  title: titleSchema,
  kind: z.enum(threadKinds, { errorMap: () => ({ message: "invalid" }) }),
  mentions: mentionsSchema,
});
export type NewThreadFields = z.output<typeof newThreadSchema>;

export const editThreadSchema = z.object({ title: titleSchema });

export const replySchema = z.object({ mentions: mentionsSchema });

function isDiscussionErrorKey(value: unknown): value is DiscussionErrorKey {
  return (discussionErrorKeys as readonly unknown[]).includes(value);
}

export type DiscussionParseResult<Output> =
  | { success: true; data: Output }
  | { success: false; fieldErrors: ThreadFieldErrors };

/** Validates posted fields; the first problem of each field as a `discussions.errors` key. */
export function parseDiscussionForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  input: Record<string, unknown>,
): DiscussionParseResult<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: ThreadFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ThreadField;
    if (!(threadFields as readonly unknown[]).includes(field) || fieldErrors[field]) continue;
    fieldErrors[field] = isDiscussionErrorKey(issue.message) ? issue.message : "invalid";
  }
  return { success: false, fieldErrors };
}

/** What a post form shows again after a failed submit (only re-rendered, never trusted). */
export interface PostFormValues {
  title: string;
  kind: ThreadKind;
  bodyHtml: string;
  mentions: string[];
}

export const emptyPostFormValues: PostFormValues = {
  title: "",
  kind: "discussion",
  bodyHtml: "",
  mentions: [],
};

/** A person the author can mention: an active member of the network. */
export interface MentionCandidate {
  userId: string;
  name: string;
  organisation: string | null;
}

/** The message for a field's problem, as a key under `discussions.errors`. */
export function discussionErrorMessageKey(field: ThreadField, key: DiscussionErrorKey) {
  switch (field) {
    case "title":
      return key === "tooLong"
        ? "discussions.errors.titleTooLong"
        : "discussions.errors.titleRequired";
    case "body":
      return key === "tooLong"
        ? "discussions.errors.bodyTooLong"
        : "discussions.errors.bodyRequired";
    case "kind":
      return "discussions.errors.kindInvalid";
    case "mentions":
      return key === "tooManyMentions"
        ? "discussions.errors.mentionsTooMany"
        : "discussions.errors.mentionsInvalid";
  }
}

// What the pages show -----------------------------------------------------------------------

/** A post's author as the page shows them; null name when their profile is hidden (deactivated). */
export interface Author {
  name: string | null;
  organisation: string | null;
}

import type { Moment } from "./moment";
import { isUuid, uuidPattern } from "./uuid";

export type { Moment };

export interface ThreadListItem {
  id: string;
  kind: ThreadKind;
  title: string;
  answered: boolean;
  author: Author;
  replyCount: number;
  lastActivity: Moment;
}

export interface ReactionSummary {
  kind: ReactionKind;
  count: number;
  mine: boolean;
}

export interface Mention {
  userId: string;
  name: string | null;
}

export interface Post {
  id: string;
  /** Sanitised in this request: safe for RichTextContent. */
  bodyHtml: string;
  author: Author;
  authorId: string;
  created: Moment;
  edited: Moment | null;
  mentions: Mention[];
  reactions: ReactionSummary[];
}

export interface ThreadView extends Post {
  kind: ThreadKind;
  title: string;
  answerReplyId: string | null;
  replyCount: number;
}

/** Why someone who may read the network sees no writing controls, or null when they may write. */
export function readOnlyReason(access: {
  canWrite: boolean;
  archived: boolean;
  role: string | null;
}): "archived" | "observer" | "notMember" | null {
  if (access.canWrite) return null;
  if (access.archived) return "archived";
  return access.role === "observer" ? "observer" : "notMember";
}
