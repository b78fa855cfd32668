/**
 * The reader's feedback form on a published version (which paragraph, what is wrong, a
 * suggestion) and the feedback statuses. Shared by the reading pages and their action; the
 * database checks the row again (document_feedback's insert policy and check constraints), this
 * only gives readers their mistakes back next to the field.
 */
import { z } from "zod";

/** The limits document_feedback's check constraints hold. */
export const problemMaxLength = 5000;
export const suggestionMaxLength = 5000;
export const paragraphTextMaxLength = 2000;

export const feedbackStatuses = ["new", "in_progress", "accepted", "rejected", "done"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** The select's value for feedback on the whole document rather than one paragraph. */
export const wholeDocument = "";

/** Message keys under `library.feedback.errors`. */
export const feedbackErrorKeys = [
  "problemRequired",
  "problemTooLong",
  "suggestionTooLong",
  "paragraphInvalid",
] as const;
export type FeedbackErrorKey = (typeof feedbackErrorKeys)[number];

export const feedbackFields = ["paragraph", "problem", "suggestion"] as const;
export type FeedbackField = (typeof feedbackFields)[number];
export type FeedbackFieldErrors = Partial<Record<FeedbackField, FeedbackErrorKey>>;

export interface FeedbackValues {
  paragraph: string;
  problem: string;
  suggestion: string;
}

export const emptyFeedback: FeedbackValues = {
  paragraph: wholeDocument,
  problem: "",
  suggestion: "",
};

/**
 * `paragraphCount`: how many paragraphs the version has, so an index from an old page or a
 * crafted request is refused rather than pointing at nothing.
 */
export function feedbackSchema(paragraphCount: number) {
  return z.object({
    paragraph: z
      .string()
      .default(wholeDocument)
      .refine(
        (value) =>
          value === wholeDocument || (/^\d{1,6}$/.test(value) && Number(value) < paragraphCount),
        "paragraphInvalid",
      )
      .transform((value) => (value === wholeDocument ? null : Number(value))),
    problem: z
      .string({ required_error: "problemRequired" })
      .trim()
      .min(1, "problemRequired")
      .max(problemMaxLength, "problemTooLong"),
    suggestion: z
      .string()
      .default("")
      .transform((value) => value.trim())
      .pipe(z.string().max(suggestionMaxLength, "suggestionTooLong"))
      .transform((value) => (value === "" ? null : value)),
  });
}
export type FeedbackInput = z.output<ReturnType<typeof feedbackSchema>>;

function isFeedbackErrorKey(value: unknown): value is FeedbackErrorKey {
  return (feedbackErrorKeys as readonly unknown[]).includes(value);
}

function isFeedbackField(value: string): value is FeedbackField {
  return (feedbackFields as readonly string[]).includes(value);
}

export type FeedbackParseResult =
  | { success: true; data: FeedbackInput }
  | { success: false; fieldErrors: FeedbackFieldErrors };

/** Validates a posted feedback form; the first problem of each field as a message key. */
export function parseFeedbackForm(
  input: Record<string, unknown>,
  paragraphCount: number,
): FeedbackParseResult {
  const parsed = feedbackSchema(paragraphCount).safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: FeedbackFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = String(issue.path[0] ?? "");
    const field: FeedbackField = isFeedbackField(path) ? path : "problem";
    if (fieldErrors[field]) continue;
    fieldErrors[field] = isFeedbackErrorKey(issue.message) ? issue.message : "paragraphInvalid";
  }
  return { success: false, fieldErrors };
}

/** What the reader typed, as posted, to put back into the form when it is refused. */
export function postedFeedbackValues(input: Record<string, unknown>): FeedbackValues {
  const text = (key: string) => (typeof input[key] === "string" ? (input[key] as string) : "");
  return { paragraph: text("paragraph"), problem: text("problem"), suggestion: text("suggestion") };
}
