/**
 * The promote form: a title and the act sections on top of an interpretation's fields
 * (interpretation-fields-form.ts, which the document's "Tulkinnan tiedot" form uses too), and
 * the personal-data check of everything typed. promote_sparring_answer checks it all again.
 */
import { z } from "zod";
import {
  type InterpretationFieldErrorKey,
  type InterpretationFieldErrors,
  type InterpretationFields,
  type InterpretationFieldsValues,
  parseInterpretationFields,
  parseLegalReferences,
  postedInterpretationFields,
} from "./interpretation-fields-form";
import { type PersonalDataKind, personalDataKinds } from "./personal-data";

export const interpretationTitleMinLength = 5;
export const interpretationTitleMaxLength = 300;

export const interpretationTitleSchema = z
  .string({ required_error: "required" })
  .trim()
  .min(1, "required")
  .min(interpretationTitleMinLength, "tooShort")
  .max(interpretationTitleMaxLength, "tooLong");

export interface PromoteFormValues extends InterpretationFieldsValues {
  title: string;
  sectionIds: string[];
}

export type PromoteFieldErrors = InterpretationFieldErrors & {
  title?: InterpretationFieldErrorKey;
};

export interface PromoteFields extends InterpretationFields {
  title: string;
  sectionIds: string[];
}

export type PromoteParseResult =
  | { success: true; data: PromoteFields }
  | { success: false; fieldErrors: PromoteFieldErrors; personalData: PersonalDataKind[] };

/** The posted values as they were typed, to show them again after a refusal. */
export function postedPromoteValues(input: Record<string, unknown>): PromoteFormValues {
  return {
    ...postedInterpretationFields(input),
    title: typeof input.title === "string" ? input.title : "",
    sectionIds: Array.isArray(input.sectionIds)
      ? input.sectionIds.filter((id): id is string => typeof id === "string")
      : [],
  };
}

/** The fields where people type free text, and what personal data each holds. */
function personalDataIn(values: PromoteFormValues): {
  fields: (keyof PromoteFieldErrors)[];
  kinds: PersonalDataKind[];
} {
  const found = new Set<PersonalDataKind>();
  const fields: (keyof PromoteFieldErrors)[] = [];
  for (const field of ["title", "issuingBody", "justification"] as const) {
    const kinds = personalDataKinds(values[field]);
    if (kinds.length === 0) continue;
    fields.push(field);
    for (const kind of kinds) found.add(kind);
  }
  return { fields, kinds: [...found].sort() };
}

/**
 * Validates the promote form. Each field reports its first problem as a key (see
 * InterpretationFieldErrorKey); personal data in the title, issuing body or justification is
 * "personalData" on that field, with the kinds found to name them.
 */
export function parsePromoteForm(input: Record<string, unknown>): PromoteParseResult {
  const values = postedPromoteValues(input);
  const fieldErrors: PromoteFieldErrors = {};
  const title = interpretationTitleSchema.safeParse(input.title);
  if (!title.success) {
    const message = title.error.issues[0]?.message;
    fieldErrors.title = message === "tooShort" || message === "tooLong" ? message : "required";
  }
  const fields = parseInterpretationFields(input);
  if (!fields.success) Object.assign(fieldErrors, fields.fieldErrors);
  const sections = parseLegalReferences(input);
  if (!sections.success) fieldErrors.sectionIds = "invalid";
  const personal = personalDataIn(values);
  for (const field of personal.fields) fieldErrors[field] = "personalData";

  if (!title.success || !fields.success || !sections.success || personal.kinds.length > 0) {
    return { success: false, fieldErrors, personalData: personal.kinds };
  }
  return {
    success: true,
    data: { ...fields.data, title: title.data, sectionIds: sections.data },
  };
}
