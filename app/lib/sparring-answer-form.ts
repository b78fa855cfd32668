/**
 * What the question page accepts: an answer's references (act sections, an earlier
 * interpretation), and the answer id of an endorsement or an acceptance. The answer's text comes
 * through richTextFromForm; its personal-data check is here so the browser and the server name
 * the same findings. answer_sparring_question and the endorsement and acceptance functions check
 * everything again and decide who may do what.
 */
import { type PersonalDataKind, personalDataKinds } from "./personal-data";
import { isUuid } from "./uuid";

/** The most characters of an answer's plain text (the discussions' limit for a post). */
export const answerMaxTextLength = 20000;
/** More sections than one answer could reasonably cite. */
export const answerSectionsMax = 50;

export const answerIntents = ["answer", "endorse", "unendorse", "accept"] as const;
export type AnswerIntent = (typeof answerIntents)[number];

export function answerIntentOf(value: unknown): AnswerIntent | null {
  return (answerIntents as readonly unknown[]).includes(value) ? (value as AnswerIntent) : null;
}

export type AnswerFieldErrorKey = "required" | "tooLong" | "invalid" | "personalData";

export interface AnswerFieldErrors {
  body?: AnswerFieldErrorKey;
  sectionIds?: AnswerFieldErrorKey;
  interpretationId?: AnswerFieldErrorKey;
}

/** What an answer form shows again after a failed submit (only re-rendered, never trusted). */
export interface AnswerFormValues {
  bodyHtml: string;
  sectionIds: string[];
  interpretationId: string;
}

export const emptyAnswerFormValues: AnswerFormValues = {
  bodyHtml: "",
  sectionIds: [],
  interpretationId: "",
};

export interface AnswerReferences {
  sectionIds: string[];
  interpretationIds: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((each): each is string => typeof each === "string" && each.trim() !== "")
    : [];
}

/**
 * The sections and the interpretation an answer cites. Section ids come repeated under
 * `sectionIds` (the section picker), the interpretation as one `interpretationId` (empty: none).
 */
export function parseAnswerReferences(
  input: Record<string, unknown>,
): { success: true; data: AnswerReferences } | { success: false; fieldErrors: AnswerFieldErrors } {
  const fieldErrors: AnswerFieldErrors = {};
  const sectionIds = strings(input.sectionIds).map((id) => id.trim().toLowerCase());
  if (sectionIds.length > answerSectionsMax || !sectionIds.every(isUuid)) {
    fieldErrors.sectionIds = "invalid";
  }
  const interpretation =
    typeof input.interpretationId === "string" ? input.interpretationId.trim() : "";
  if (interpretation !== "" && !isUuid(interpretation)) fieldErrors.interpretationId = "invalid";
  if (fieldErrors.sectionIds || fieldErrors.interpretationId) {
    return { success: false, fieldErrors };
  }
  return {
    success: true,
    data: {
      sectionIds: [...new Set(sectionIds)],
      interpretationIds: interpretation ? [interpretation.toLowerCase()] : [],
    },
  };
}

/**
 * The kinds of personal data in an answer, each once, sorted. The HTML is read too because an
 * address can hide in a mailto link whose words say something else, as the database's trigger
 * also does.
 */
export function answerPersonalData(answer: { text: string; html: string }): PersonalDataKind[] {
  return [
    ...new Set([...personalDataKinds(answer.text), ...personalDataKinds(answer.html)]),
  ].sort();
}

/** The answer id of an endorsement, a withdrawal or an acceptance; null when it is not an id. */
export function answerIdOf(input: Record<string, unknown>): string | null {
  const value = typeof input.answerId === "string" ? input.answerId.trim() : "";
  return isUuid(value) ? value.toLowerCase() : null;
}
