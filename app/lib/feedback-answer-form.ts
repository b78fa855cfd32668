/**
 * What the feedback page's answer form accepts: the feedback's new status and a reply to the
 * reader. answer_feedback() and the table's constraints decide again; the schema only gives
 * people their mistakes back next to the field.
 */
import { z } from "zod";

export const feedbackStatuses = ["new", "in_progress", "accepted", "rejected", "done"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** Statuses that still need someone to act: the queue shows these unless asked otherwise. */
export const openFeedbackStatuses: readonly FeedbackStatus[] = ["new", "in_progress"];

/** document_feedback.reply's check constraint. */
export const feedbackReplyMaxLength = 5000;

export const feedbackAnswerSchema = z.object({
  status: z.enum(feedbackStatuses, { message: "invalid" }),
  reply: z
    .string()
    .trim()
    .max(feedbackReplyMaxLength, "tooLong")
    .optional()
    .transform((value) => value || null),
});
export type FeedbackAnswer = z.output<typeof feedbackAnswerSchema>;

/** The queue's filter: the open ones, every status, or one status. */
export const feedbackFilters = ["open", "all", ...feedbackStatuses] as const;
export type FeedbackFilter = (typeof feedbackFilters)[number];

export function feedbackFilterOf(value: string | null): FeedbackFilter {
  return (feedbackFilters as readonly (string | null)[]).includes(value)
    ? (value as FeedbackFilter)
    : "open";
}

/** The statuses a filter shows; null for every status. */
export function statusesOf(filter: FeedbackFilter): readonly FeedbackStatus[] | null {
  if (filter === "all") return null;
  if (filter === "open") return openFeedbackStatuses;
  return [filter];
}

export function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** The queue's address for a filter and page, leaving out the defaults. */
export function feedbackQueueUrl(filter: FeedbackFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter !== "open") params.set("status", filter);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/editorial/feedback?${query}` : "/editorial/feedback";
}

/** The first words of a text for a link or a list, cut at a word boundary. */
export function excerpt(text: string, maxLength = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
