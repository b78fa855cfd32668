/**
 * What the comments of a co-edited document accept (a new thread on a quote, a reply, an edit,
 * a delete, resolve and reopen) and the shapes the comments resource route answers with. Shared
 * by the route and the editor's comments panel; the database checks everything again, this only
 * gives people their mistakes back in words next to the field.
 */
import { z } from "zod";
import { uuidPattern } from "./uuid";

/** Limits the table's check constraints also hold (document_comments). */
export const quoteMaxLength = 1000;
export const commentBodyMaxLength = 10000;
export const maxCommentMentions = 20;

export const commentIntents = [
  "createThread",
  "reply",
  "edit",
  "delete",
  "resolve",
  "reopen",
] as const;
export type CommentIntent = (typeof commentIntents)[number];

/** Message keys under `comments.errors`. */
export const commentErrorKeys = [
  "bodyRequired",
  "bodyTooLong",
  "quoteRequired",
  "quoteTooLong",
  "mentionsTooMany",
  "invalid",
] as const;
export type CommentErrorKey = (typeof commentErrorKeys)[number];

export const commentFields = ["body", "quote", "mentions", "form"] as const;
export type CommentField = (typeof commentFields)[number];
export type CommentFieldErrors = Partial<Record<CommentField, CommentErrorKey>>;

const uuid = z.string().regex(uuidPattern, "invalid");

const body = z
  .string({ required_error: "bodyRequired" })
  .trim()
  .min(1, "bodyRequired")
  .max(commentBodyMaxLength, "bodyTooLong");

const mentions = z
  .array(z.string())
  .default([])
  .transform((ids) => [...new Set(ids.filter((id) => uuidPattern.test(id)))])
  .pipe(z.array(z.string()).max(maxCommentMentions, "mentionsTooMany"));

/**
 * The quote is kept exactly as selected (no trimming): the collab server looks for these very
 * characters in the text to anchor the thread.
 */
const quote = z
  .string({ required_error: "quoteRequired" })
  .refine((value) => value.trim() !== "", "quoteRequired")
  .pipe(z.string().max(quoteMaxLength, "quoteTooLong"));

export const commentFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("createThread"),
    quote,
    quoteOffset: z.coerce
      .number({ invalid_type_error: "invalid" })
      .int("invalid")
      .min(0, "invalid"),
    body,
    mentions,
  }),
  z.object({ intent: z.literal("reply"), threadId: uuid, body, mentions }),
  z.object({ intent: z.literal("edit"), commentId: uuid, body }),
  z.object({ intent: z.literal("delete"), commentId: uuid }),
  z.object({ intent: z.literal("resolve"), threadId: uuid }),
  z.object({ intent: z.literal("reopen"), threadId: uuid }),
]);
export type CommentForm = z.output<typeof commentFormSchema>;

function isCommentErrorKey(value: unknown): value is CommentErrorKey {
  return (commentErrorKeys as readonly unknown[]).includes(value);
}

export type CommentParseResult =
  | { success: true; data: CommentForm }
  | { success: false; fieldErrors: CommentFieldErrors };

/** Validates a posted comment form; the first problem of each field as a message key. */
export function parseCommentForm(input: Record<string, unknown>): CommentParseResult {
  const parsed = commentFormSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: CommentFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = String(issue.path[0] ?? "form");
    const field: CommentField = (commentFields as readonly string[]).includes(path)
      ? (path as CommentField)
      : "form";
    if (fieldErrors[field]) continue;
    fieldErrors[field] = isCommentErrorKey(issue.message) ? issue.message : "invalid";
  }
  return { success: false, fieldErrors };
}

// What the route answers ---------------------------------------------------------------------

export type CommentAccess = "edit" | "comment" | "view";

/** An instant with the words to show for it (Europe/Helsinki, in the reader's language). */
export interface CommentMoment {
  iso: string;
  text: string;
}

export interface CommentAuthor {
  /** Null when the profile is hidden (deactivated) or deleted. */
  name: string | null;
  organisation: string | null;
}

export interface DocumentComment {
  id: string;
  body: string;
  author: CommentAuthor;
  authorId: string | null;
  created: CommentMoment;
  edited: CommentMoment | null;
  mentions: { userId: string; name: string | null }[];
  /** Which controls to show; the table's policies decide what is allowed. */
  canEdit: boolean;
  canDelete: boolean;
}

export interface CommentThread extends DocumentComment {
  quote: string;
  quoteOffset: number;
  /** When the collab server wrapped the quote in a mark; null until then, or if it never could. */
  anchoredAt: string | null;
  resolved: { at: CommentMoment; byName: string | null } | null;
  replies: DocumentComment[];
}

export interface CommentsPayload {
  access: CommentAccess;
  threads: CommentThread[];
}

/** A person the author can mention (profiles RLS shows active people only). */
export interface MentionPerson {
  userId: string;
  name: string;
  organisation: string | null;
}

export interface PeoplePayload {
  people: MentionPerson[];
}

export type CommentActionResult =
  | { ok: true; intent: CommentIntent; id: string | null }
  | {
      ok: false;
      intent: CommentIntent | null;
      /** Localised messages, by field. */
      fieldErrors: Partial<Record<CommentField, string>>;
      /** A localised message for the whole form (the database refused, say). */
      formError: string | null;
    };
