/**
 * What the comment-round forms accept: opening a round (title, instructions, a Helsinki deadline
 * at least an hour ahead, invited organisations, networks and people), responding (the invited
 * party answered for, a general comment and a comment per paragraph, only filled ones sent),
 * recording what was done about a comment, and closing. The database checks everything again;
 * this gives people their mistakes back next to the field, in `rounds.errors` keys.
 */
import { z } from "zod";
import { helsinkiLocalToUtc } from "./meeting-form";
import { uuidPattern } from "./uuid";

/** Limits the tables' check constraints and open_comment_round also hold. */
export const roundTitleMaxLength = 300;
export const roundInstructionsMaxLength = 5000;
export const roundCommentMaxLength = 5000;
export const maxRoundInvitees = 200;
/** The deadline must leave at least this long (the function refuses an hour or less). */
export const minimumLeadMs = 60 * 60_000 + 5 * 60_000;
export const maximumLeadMs = 365 * 24 * 3600_000;

/** Message keys under `rounds.errors`. */
export const roundErrorKeys = [
  "titleRequired",
  "titleTooLong",
  "instructionsTooLong",
  "dateRequired",
  "timeRequired",
  "deadlineInvalid",
  "deadlineTooSoon",
  "deadlineTooLate",
  "inviteesRequired",
  "inviteesTooMany",
  "partyRequired",
  "commentsRequired",
  "commentTooLong",
  "noteTooLong",
  "invalid",
] as const;
export type RoundErrorKey = (typeof roundErrorKeys)[number];

function isRoundErrorKey(value: unknown): value is RoundErrorKey {
  return (roundErrorKeys as readonly unknown[]).includes(value);
}

export const openRoundFields = [
  "title",
  "instructions",
  "deadlineDate",
  "deadlineTime",
  "invitees",
] as const;
export type OpenRoundField = (typeof openRoundFields)[number];
export type OpenRoundErrors = Partial<Record<OpenRoundField, RoundErrorKey>>;

const uuidList = z.array(z.string().regex(uuidPattern, "invalid")).default([]);

/** The open-round schema for `now`: the deadline is checked against it. */
export function openRoundSchema(now: Date) {
  return z
    .object({
      title: z
        .string({ required_error: "titleRequired" })
        .trim()
        .min(1, "titleRequired")
        .max(roundTitleMaxLength, "titleTooLong"),
      instructions: z
        .string()
        .optional()
        .transform((value) => value?.trim() ?? "")
        .pipe(z.string().max(roundInstructionsMaxLength, "instructionsTooLong")),
      deadlineDate: z
        .string({ required_error: "dateRequired" })
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "dateRequired"),
      deadlineTime: z
        .string({ required_error: "timeRequired" })
        .trim()
        .regex(/^\d{2}:\d{2}$/, "timeRequired"),
      organisations: uuidList,
      networks: uuidList,
      people: uuidList,
    })
    .transform((value, ctx) => {
      const deadline = helsinkiLocalToUtc(`${value.deadlineDate}T${value.deadlineTime}`);
      if (!deadline) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["deadlineDate"],
          message: "deadlineInvalid",
        });
        return z.NEVER;
      }
      const lead = new Date(deadline).getTime() - now.getTime();
      if (lead < minimumLeadMs) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["deadlineDate"],
          message: "deadlineTooSoon",
        });
      } else if (lead > maximumLeadMs) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["deadlineDate"],
          message: "deadlineTooLate",
        });
      }
      const organisations = [...new Set(value.organisations)];
      const networks = [...new Set(value.networks)];
      const people = [...new Set(value.people)];
      const invited = organisations.length + networks.length + people.length;
      if (invited === 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["invitees"],
          message: "inviteesRequired",
        });
      } else if (invited > maxRoundInvitees) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["invitees"],
          message: "inviteesTooMany",
        });
      }
      return {
        title: value.title,
        instructions: value.instructions,
        deadline,
        organisations,
        networks,
        people,
      };
    });
}

export type OpenRoundInput = z.output<ReturnType<typeof openRoundSchema>>;

export type ParseResult<Output, Field extends string> =
  | { success: true; data: Output }
  | { success: false; fieldErrors: Partial<Record<Field, RoundErrorKey>> };

function fieldErrorsOf<Field extends string>(
  issues: z.ZodIssue[],
  fields: readonly Field[],
  fallback: Field,
): Partial<Record<Field, RoundErrorKey>> {
  const errors: Partial<Record<Field, RoundErrorKey>> = {};
  for (const issue of issues) {
    const path = String(issue.path[0] ?? "");
    // Invitee lists are one field on the page.
    const named = ["organisations", "networks", "people"].includes(path) ? "invitees" : path;
    const field = (fields as readonly string[]).includes(named) ? (named as Field) : fallback;
    if (errors[field]) continue;
    errors[field] = isRoundErrorKey(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

export function parseOpenRound(
  input: Record<string, unknown>,
  now: Date,
): ParseResult<OpenRoundInput, OpenRoundField> {
  const parsed = openRoundSchema(now).safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    fieldErrors: fieldErrorsOf(parsed.error.issues, openRoundFields, "title"),
  };
}

/** The fields of the open-round form, as posted, to show again after a refusal. */
export interface OpenRoundValues {
  title: string;
  instructions: string;
  deadlineDate: string;
  deadlineTime: string;
  organisations: string[];
  networks: string[];
  people: string[];
  personSearch: string;
}

export const openRoundListFields = ["organisations", "networks", "people"] as const;

export function postedOpenRoundValues(values: Record<string, unknown>): OpenRoundValues {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const list = (key: string) =>
    Array.isArray(values[key])
      ? (values[key] as unknown[]).filter((item): item is string => typeof item === "string")
      : [];
  return {
    title: text("title"),
    instructions: text("instructions"),
    deadlineDate: text("deadlineDate"),
    deadlineTime: text("deadlineTime"),
    organisations: list("organisations"),
    networks: list("networks"),
    people: list("people"),
    personSearch: text("personSearch").trim().slice(0, 200),
  };
}

// Responding -----------------------------------------------------------------------------------

/** The form field of paragraph `index`'s comment. */
export function paragraphField(index: number): string {
  return `paragraph-${index}`;
}

export interface ResponseItem {
  paragraph_index: number | null;
  paragraph_text: string | null;
  comment: string;
}

export type RespondField = "invitee" | "general" | "comments" | `paragraph-${number}`;

export interface ResponseValues {
  invitee: string;
  general: string;
  /** Comments by paragraph index, as typed. */
  paragraphs: Record<number, string>;
}

/**
 * The posted response: the party answered for, and the filled comments in reading order (the
 * general one first) with the text of the paragraph each is about.
 */
export function parseResponse(
  values: Record<string, unknown>,
  paragraphs: { index: number; text: string }[],
  invitees: string[],
):
  | { success: true; inviteeId: string; items: ResponseItem[]; values: ResponseValues }
  | {
      success: false;
      fieldErrors: Partial<Record<RespondField, RoundErrorKey>>;
      values: ResponseValues;
    } {
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const posted: ResponseValues = {
    invitee: text("invitee") || (invitees.length === 1 ? (invitees[0] ?? "") : ""),
    general: text("general"),
    paragraphs: Object.fromEntries(
      paragraphs
        .map((paragraph) => [paragraph.index, text(paragraphField(paragraph.index))] as const)
        .filter(([, comment]) => comment !== ""),
    ),
  };
  const fieldErrors: Partial<Record<RespondField, RoundErrorKey>> = {};
  if (!invitees.includes(posted.invitee)) fieldErrors.invitee = "partyRequired";
  const items: ResponseItem[] = [];
  if (posted.general.trim() !== "") {
    if (posted.general.trim().length > roundCommentMaxLength)
      fieldErrors.general = "commentTooLong";
    items.push({ paragraph_index: null, paragraph_text: null, comment: posted.general.trim() });
  }
  for (const paragraph of paragraphs) {
    const comment = (posted.paragraphs[paragraph.index] ?? "").trim();
    if (comment === "") continue;
    if (comment.length > roundCommentMaxLength) {
      fieldErrors[paragraphField(paragraph.index) as RespondField] = "commentTooLong";
    }
    items.push({
      paragraph_index: paragraph.index,
      paragraph_text: paragraph.text.slice(0, 2000),
      comment,
    });
  }
  if (items.length === 0) fieldErrors.comments = "commentsRequired";
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors, values: posted };
  return { success: true, inviteeId: posted.invitee, items, values: posted };
}

// Handling and closing -------------------------------------------------------------------------

export const roundItemHandlings = [
  "pending",
  "accepted",
  "partly_accepted",
  "not_accepted",
  "noted",
] as const;
export type RoundItemHandling = (typeof roundItemHandlings)[number];

export const handleItemSchema = z.object({
  itemId: z.string().regex(uuidPattern, "invalid"),
  handling: z.enum(roundItemHandlings, { errorMap: () => ({ message: "invalid" }) }),
  note: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(roundCommentMaxLength, "noteTooLong")),
});

export function parseHandleItem(
  input: Record<string, unknown>,
): ParseResult<z.output<typeof handleItemSchema>, "handling" | "note"> {
  const parsed = handleItemSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    fieldErrors: fieldErrorsOf(parsed.error.issues, ["handling", "note"] as const, "handling"),
  };
}
