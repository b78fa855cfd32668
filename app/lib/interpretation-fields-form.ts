/**
 * What the "Lakiviittaukset" tab's forms accept: an interpretation's fields and the act sections a
 * document cites. save_interpretation and set_document_legal_references check everything again;
 * this gives people their mistakes back next to the field, with what they typed kept.
 */
import { z } from "zod";
import { personalDataKindOrder } from "./interpretations";
import { findPersonalData, type PersonalDataKind } from "./personal-data";
import { isIsoDate } from "./publishing-form";
import { isUuid } from "./uuid";

/** The limits of the interpretations table. */
export const issuingBodyMaxLength = 300;
export const justificationMaxLength = 20000;
/** More sections than any act has that one text could reasonably cite. */
export const legalReferencesMax = 100;

export type InterpretationFieldErrorKey =
  | "required"
  | "tooShort"
  | "tooLong"
  | "invalidDate"
  | "beforeValidFrom"
  | "invalid"
  | "personalData";

export interface InterpretationFieldsValues {
  issuingBody: string;
  justification: string;
  validFrom: string;
  validTo: string;
  supersedes: string;
}

export type InterpretationFieldErrors = Partial<
  Record<keyof InterpretationFieldsValues | "sectionIds", InterpretationFieldErrorKey>
>;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The posted values as they were typed, to show them again after a refusal. */
export function postedInterpretationFields(
  input: Record<string, unknown>,
): InterpretationFieldsValues {
  return {
    issuingBody: text(input.issuingBody),
    justification: text(input.justification),
    validFrom: text(input.validFrom),
    validTo: text(input.validTo),
    supersedes: text(input.supersedes),
  };
}

const emptyToNull = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

export const interpretationFieldsSchema = z
  .object({
    issuingBody: z
      .string({ required_error: "required" })
      .trim()
      .min(1, "required")
      .min(2, "tooShort")
      .max(issuingBodyMaxLength, "tooLong"),
    justification: z.preprocess(
      (value) => (typeof value === "string" ? value : ""),
      z.string().trim().max(justificationMaxLength, "tooLong"),
    ),
    validFrom: z.preprocess(
      emptyToNull,
      z.string({ invalid_type_error: "required" }).refine(isIsoDate, "invalidDate"),
    ),
    validTo: z.preprocess(emptyToNull, z.string().refine(isIsoDate, "invalidDate").nullable()),
    supersedes: z.preprocess(emptyToNull, z.string().refine(isUuid, "invalid").nullable()),
  })
  .superRefine((fields, context) => {
    // ISO dates compare as strings.
    if (fields.validTo !== null && fields.validTo < fields.validFrom) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["validTo"],
        message: "beforeValidFrom",
      });
    }
  });

export type InterpretationFields = z.output<typeof interpretationFieldsSchema>;

const fieldErrorKeys: readonly InterpretationFieldErrorKey[] = [
  "required",
  "tooShort",
  "tooLong",
  "invalidDate",
  "beforeValidFrom",
  "invalid",
  "personalData",
];

function fieldErrorKey(message: string): InterpretationFieldErrorKey {
  return (fieldErrorKeys as readonly string[]).includes(message)
    ? (message as InterpretationFieldErrorKey)
    : "invalid";
}

export function parseInterpretationFields(
  input: Record<string, unknown>,
):
  | { success: true; data: InterpretationFields }
  | { success: false; fieldErrors: InterpretationFieldErrors; personalData: PersonalDataKind[] } {
  const parsed = interpretationFieldsSchema.safeParse(input);
  const fieldErrors: InterpretationFieldErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? "") as keyof InterpretationFieldErrors;
    if (!(field in postedInterpretationFields({})) || fieldErrors[field]) continue;
    fieldErrors[field] = fieldErrorKey(issue.message);
  }
  // The database refuses personal data too (23514); finding it here names the field at once.
  const values = postedInterpretationFields(input);
  const found = new Set<PersonalDataKind>();
  for (const field of ["issuingBody", "justification"] as const) {
    const findings = findPersonalData(values[field]);
    if (findings.length === 0) continue;
    fieldErrors[field] = "personalData";
    for (const finding of findings) found.add(finding.kind);
  }
  const personalData = personalDataKindOrder.filter((kind) => found.has(kind));
  if (parsed.success && personalData.length === 0) return { success: true, data: parsed.data };
  return { success: false, fieldErrors, personalData };
}

/** The chosen section ids, distinct; a failure for anything that is not an id. */
export function parseLegalReferences(
  input: Record<string, unknown>,
): { success: true; data: string[] } | { success: false } {
  const posted = Array.isArray(input.sectionIds) ? input.sectionIds : [];
  const ids = posted.filter((value): value is string => typeof value === "string" && value !== "");
  if (ids.length > legalReferencesMax || !ids.every(isUuid)) return { success: false };
  return { success: true, data: [...new Set(ids.map((id) => id.toLowerCase()))] };
}

export const legalIntents = ["fields", "sections"] as const;
export type LegalIntent = (typeof legalIntents)[number];

export type LegalFormErrorKey =
  | "forbidden"
  | "notFound"
  | "invalidState"
  | "invalidValue"
  | "personalData"
  | "unavailable";

export interface LegalFailure {
  intent: LegalIntent;
  values: InterpretationFieldsValues;
  sectionIds: string[];
  fieldErrors: InterpretationFieldErrors;
  formError: LegalFormErrorKey | null;
  /** What the personal-data guard found, to name it. */
  personalData: PersonalDataKind[];
}

export type LegalActionResult =
  | { ok: true; intent: LegalIntent }
  | ({ ok: false; status: number } & LegalFailure);
