/**
 * Form validation that speaks in message keys: schemas put a key from `formErrorKeys` in every
 * message, pages translate `forms.errors.<key>`. One helper for every form in the app.
 */
import type { z } from "zod";

export const formErrorKeys = [
  "required",
  "invalid",
  "emailRequired",
  "emailInvalid",
  "passwordRequired",
  "passwordTooShort",
  "passwordTooLong",
  "passwordsDiffer",
  "nameRequired",
  "tooLong",
  "organisationRequired",
  "codeFormat",
  "recoveryCodeFormat",
  "tooManyTags",
  "localeInvalid",
  "domainInvalid",
  "kindInvalid",
] as const;
export type FormErrorKey = (typeof formErrorKeys)[number];

export function isFormErrorKey(value: unknown): value is FormErrorKey {
  return typeof value === "string" && (formErrorKeys as readonly string[]).includes(value);
}

/** The first problem of each field, as a message key, in the order the fields were reported. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, FormErrorKey>>;

export type FormParseResult<Output, Field extends string> =
  | { success: true; data: Output }
  | { success: false; fieldErrors: FieldErrors<Field> };

/**
 * Validates `input` with `schema`; on failure, the first problem of each top-level field as a
 * message key ("invalid" for a message that is not one, so nothing untranslated reaches a page).
 */
export function parseForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  input: Record<string, unknown>,
): FormParseResult<z.output<Schema>, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (fieldErrors[field]) continue;
    fieldErrors[field] = isFormErrorKey(issue.message) ? issue.message : "invalid";
  }
  return { success: false, fieldErrors };
}

/** The form's fields as plain values: strings, and arrays for fields that repeat (checkboxes). */
export function formValues(
  form: FormData,
  repeated: readonly string[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (repeated.includes(key)) {
      values[key] = form.getAll(key).filter((value): value is string => typeof value === "string");
    } else {
      const value = form.get(key);
      values[key] = typeof value === "string" ? value : undefined;
    }
  }
  for (const key of repeated) values[key] ??= [];
  return values;
}
