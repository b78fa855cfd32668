/**
 * The ask form of a sparring question: one schema for the browser (which blocks the submit) and
 * the server (which answers 400 when the browser's check was bypassed). The personal-data guard
 * is part of it; the database's trigger applies the same rules once more.
 */
import { z } from "zod";
import { findPersonalData, type PersonalDataFinding, type PersonalDataKind } from "./personal-data";
import { uuidPattern as uuid } from "./uuid";

/** A question's states; here rather than in a .server module because the list's filter needs them. */
export const questionStatuses = ["open", "answered", "resolved"] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const questionTitleMin = 5;
export const questionTitleMax = 200;
export const questionBodyMax = 20000;
export const questionTagsMax = 10;
export const questionTagMax = 40;
export const questionSectionsMax = 20;

/** The fields in the order the form shows them, which is also the error summary's order. */
export const questionFields = ["title", "body", "sections", "tags"] as const;
export type QuestionField = (typeof questionFields)[number];
/** The fields the personal-data guard reads. */
export const guardedFields = ["title", "body", "tags"] as const;
export type GuardedField = (typeof guardedFields)[number];

export const questionErrorKeys = [
  "titleRequired",
  "titleTooShort",
  "titleTooLong",
  "bodyTooLong",
  "tooManyTags",
  "tagTooLong",
  "tooManySections",
  "sectionInvalid",
  "personalData",
] as const;
export type QuestionErrorKey = (typeof questionErrorKeys)[number];

export interface QuestionFieldError {
  key: QuestionErrorKey;
  /** For "personalData": what was found, each kind once. */
  kinds?: PersonalDataKind[];
}
export type QuestionFieldErrors = Partial<Record<QuestionField, QuestionFieldError>>;

/** What was posted, as the form shows it again after an error. */
export interface QuestionFormValues {
  title: string;
  body: string;
  tags: string;
  sections: string[];
}

export const emptyQuestionFormValues: QuestionFormValues = {
  title: "",
  body: "",
  tags: "",
  sections: [],
};

export interface QuestionInput {
  title: string;
  body: string;
  tags: string[];
  sectionIds: string[];
}

/** "Opiskelu, työllistymissuunnitelma, opiskelu" → ["opiskelu", "työllistymissuunnitelma"]. */
export function splitTags(tags: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.split(",")) {
    const trimmed = tag.trim();
    const key = trimmed.toLocaleLowerCase("fi");
    if (trimmed === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

/** The kinds found in a finding list, each once, in the order messages name them. */
export function kindsOf(findings: readonly PersonalDataFinding[]): PersonalDataKind[] {
  const order: PersonalDataKind[] = ["identity_code", "phone", "email"];
  return order.filter((kind) => findings.some((finding) => finding.kind === kind));
}

function refusePersonalData(value: string, context: z.RefinementCtx): void {
  const kinds = kindsOf(findPersonalData(value));
  if (kinds.length > 0) {
    context.addIssue({ code: z.ZodIssueCode.custom, message: "personalData", params: { kinds } });
  }
}

export const questionSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "titleRequired")
    .min(questionTitleMin, "titleTooShort")
    .max(questionTitleMax, "titleTooLong")
    .superRefine(refusePersonalData),
  body: z.string().trim().max(questionBodyMax, "bodyTooLong").superRefine(refusePersonalData),
  tags: z
    .string()
    // As the database checks them: the tags joined with spaces.
    .superRefine((value, context) => refusePersonalData(tagsAsStored(value), context))
    .transform(splitTags)
    .pipe(
      z.array(z.string().max(questionTagMax, "tagTooLong")).max(questionTagsMax, "tooManyTags"),
    ),
  sections: z
    .array(z.string().regex(uuid, "sectionInvalid"))
    .max(questionSectionsMax, "tooManySections")
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});

export type QuestionParseResult =
  | { success: true; data: QuestionInput }
  | { success: false; fieldErrors: QuestionFieldErrors };

function isQuestionErrorKey(value: string): value is QuestionErrorKey {
  return (questionErrorKeys as readonly string[]).includes(value);
}

function isQuestionField(value: unknown): value is QuestionField {
  return (questionFields as readonly unknown[]).includes(value);
}

/** Validates the posted values; on failure, the first problem of each field. */
export function parseQuestionForm(values: QuestionFormValues): QuestionParseResult {
  const parsed = questionSchema.safeParse(values);
  if (parsed.success) {
    const { title, body, tags, sections } = parsed.data;
    return { success: true, data: { title, body, tags, sectionIds: sections } };
  }
  const fieldErrors: QuestionFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isQuestionField(field) || fieldErrors[field]) continue;
    const key = isQuestionErrorKey(issue.message) ? issue.message : "sectionInvalid";
    const kinds =
      issue.code === z.ZodIssueCode.custom
        ? (issue.params?.kinds as PersonalDataKind[] | undefined)
        : undefined;
    fieldErrors[field] = kinds ? { key, kinds } : { key };
  }
  return { success: false, fieldErrors };
}

/** The form's values from what was posted (or what the browser is about to post). */
export function questionFormValues(form: FormData): QuestionFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    title: text("title"),
    body: text("body"),
    tags: text("tags"),
    sections: form
      .getAll("sections")
      .filter((value): value is string => typeof value === "string" && value !== ""),
  };
}

/** One piece of personal data as the warning shows it: where, what, and a masked quote. */
export interface PersonalDataSighting {
  field: GuardedField;
  kind: PersonalDataKind;
  masked: string;
}

/**
 * Enough of the finding for the person to recognise it, not enough to repeat it: the date part of
 * an identity code ("131052-****"), the first digits of a phone number, the first letter and the
 * domain of an e-mail address.
 */
export function maskFinding(finding: Pick<PersonalDataFinding, "kind" | "text">): string {
  const { kind, text } = finding;
  if (kind === "email") {
    const at = text.indexOf("@");
    return `${text.slice(0, 1)}***${text.slice(at)}`;
  }
  const keep = kind === "identity_code" ? 7 : 4;
  return [...text]
    .map((character, index) => (index < keep || !/[0-9A-Za-z]/.test(character) ? character : "*"))
    .join("");
}

/** Every piece of personal data in the guarded fields, field by field, masked. */
/** The tags as the database stores and checks them: split, joined with spaces. */
function tagsAsStored(value: string): string {
  return splitTags(value).join(" ");
}

export function personalDataSightings(
  values: Pick<QuestionFormValues, GuardedField>,
): PersonalDataSighting[] {
  return guardedFields.flatMap((field) =>
    findPersonalData(field === "tags" ? tagsAsStored(values.tags) : values[field]).map(
      (finding) => ({
        field,
        kind: finding.kind,
        masked: maskFinding(finding),
      }),
    ),
  );
}

/**
 * The database names the field it refused ("personal data in body"); the form shows the error on
 * that field, or on the title when it is one the form does not know.
 */
export function refusedField(message: string | null | undefined): GuardedField {
  const field = /^personal data in (\w+)/.exec(message ?? "")?.[1];
  return (guardedFields as readonly string[]).includes(field ?? "")
    ? (field as GuardedField)
    : "title";
}

/**
 * The words sent to the similar-items search: title and the start of the body, with anything the
 * guard finds left out, so personal data never travels in a URL (or a log line).
 */
export function similarQuery(title: string, body: string): string {
  const text = `${title} ${body.slice(0, 500)}`;
  let clean = "";
  let from = 0;
  for (const finding of findPersonalData(text)) {
    clean += `${text.slice(from, finding.start)} `;
    from = finding.end;
  }
  clean += text.slice(from);
  return clean.replace(/\s+/g, " ").trim();
}
