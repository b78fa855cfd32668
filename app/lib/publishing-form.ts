/**
 * What the publishing tab's forms accept, and how a refusal from the workflow functions is put
 * into words. The database checks everything again (submit_document, review_submission, …); the
 * schemas only give people their mistakes back next to the field, with what they typed kept.
 */
import { z } from "zod";
import type { DbErrorKey, DbErrorLike } from "./db-errors";
import { dbErrorKey } from "./db-errors";
import { isUuid } from "./uuid";

/** The limits of the columns and functions (document_submissions, document_reviews, audit). */
export const changeSummaryMaxLength = 2000;
export const reviewCommentMaxLength = 4000;
export const archiveReasonMaxLength = 1000;

export const publishingIntents = [
  "submit",
  "review",
  "withdraw",
  "publish",
  "archive",
  "reopen",
  "stewardship",
  "markReviewed",
  "translation",
] as const;
export type PublishingIntent = (typeof publishingIntents)[number];

export function isPublishingIntent(value: unknown): value is PublishingIntent {
  return typeof value === "string" && (publishingIntents as readonly string[]).includes(value);
}

/** A text field that may be left empty (or missing from the form), trimmed. */
function optionalText(max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    z.string().trim().max(max, "tooLong"),
  );
}

/** A uuid field; empty means none. */
function optionalUuid() {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null),
    z.string().refine(isUuid, "invalid").nullable(),
  );
}

export const submitSchema = z.object({
  changeSummary: optionalText(changeSummaryMaxLength),
});

export const reviewDecisions = ["approve", "request_changes"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const reviewSchema = z
  .object({
    submissionId: z.string({ required_error: "invalid" }).refine(isUuid, "invalid"),
    decision: z.enum(reviewDecisions, { errorMap: () => ({ message: "invalid" }) }),
    comment: optionalText(reviewCommentMaxLength),
  })
  // Asking for changes without saying which would leave the author guessing.
  .superRefine((review, context) => {
    if (review.decision === "request_changes" && review.comment === "") {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ["comment"], message: "required" });
    }
  });

export const submissionSchema = z.object({
  submissionId: z.string({ required_error: "invalid" }).refine(isUuid, "invalid"),
});

export const archiveSchema = z.object({
  reason: optionalText(archiveReasonMaxLength),
  // Archiving takes the document out of the library's lists: a deliberate second tick.
  confirm: z.literal("yes", { errorMap: () => ({ message: "required" }) }),
});

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written as YYYY-MM-DD (what <input type="date"> sends). */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const stewardshipSchema = z
  .object({
    ownerId: optionalUuid(),
    reviewDue: z.preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null),
      z.string().refine(isIsoDate, "invalid").nullable(),
    ),
  })
  .superRefine((fields, context) => {
    if (fields.ownerId === null && fields.reviewDue === null) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ["ownerId"], message: "required" });
    }
  });

export const translationSchema = z.object({
  sourceId: optionalUuid(),
});

/**
 * Refusals that mean something particular for one action; everything else is said the general
 * way (`dbErrors.*`).
 */
const specificErrors = {
  submit: ["forbidden", "invalidState"],
  review: ["forbidden", "invalidState"],
  withdraw: ["forbidden", "invalidState"],
  publish: ["forbidden", "invalidState"],
  archive: ["forbidden", "invalidState"],
  reopen: ["forbidden", "invalidState"],
  stewardship: ["forbidden", "invalidState"],
  markReviewed: ["forbidden", "invalidState"],
  translation: ["forbidden", "invalidState", "notFound"],
} as const satisfies Record<PublishingIntent, readonly DbErrorKey[]>;

type SpecificErrorKey = {
  [Intent in PublishingIntent]: `publishing.errors.${Intent}.${(typeof specificErrors)[Intent][number]}`;
}[PublishingIntent];

export type PublishingErrorKey = SpecificErrorKey | `dbErrors.${DbErrorKey}`;

/** The message key for a refusal of `intent`. */
export function publishingErrorKey(
  intent: PublishingIntent,
  error: DbErrorLike,
): PublishingErrorKey {
  const key = dbErrorKey(error);
  const specific: readonly DbErrorKey[] = specificErrors[intent];
  return specific.includes(key)
    ? (`publishing.errors.${intent}.${key}` as SpecificErrorKey)
    : `dbErrors.${key}`;
}
