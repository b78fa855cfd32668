/**
 * The settings form of a network: the columns its coordinators may change (the database grants
 * update on exactly these and its policy decides who), and the yearly review's next date.
 */
import { z } from "zod";

export const maxTopics = 20;
const maxTopicLength = 60;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => value || null);

/** "työttömyysturva, kotoutuminen" → ["työttömyysturva", "kotoutuminen"], without repeats. */
export function parseTopics(value: string | undefined): string[] {
  const topics = (value ?? "")
    .split(",")
    .map((topic) => topic.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(topics)];
}

export const networkSettingsSchema = z.object({
  name_fi: z
    .string({ required_error: "nameRequired" })
    .trim()
    .min(1, "nameRequired")
    .max(200, "tooLong"),
  name_sv: optionalText(200),
  purpose_fi: z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .max(4000, "tooLong"),
  purpose_sv: optionalText(4000),
  visibility: z.enum(["signed_in", "members"], { message: "invalid" }),
  join_policy: z.enum(["open", "request", "invitation"], { message: "invalid" }),
  allow_guests: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  topics: z
    .string()
    .optional()
    .transform(parseTopics)
    .pipe(z.array(z.string().max(maxTopicLength, "tooLong")).max(maxTopics, "tooManyTags")),
});
export type NetworkSettings = z.output<typeof networkSettingsSchema>;
export const networkSettingsFields = [
  "name_fi",
  "name_sv",
  "purpose_fi",
  "purpose_sv",
  "visibility",
  "join_policy",
  "allow_guests",
  "topics",
] as const;

export const reviewSchema = z.object({
  next_review: z
    .string({ required_error: "required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid"),
});

export const settingsIntents = ["save", "markReviewed", "archive", "restore"] as const;
export type SettingsIntent = (typeof settingsIntents)[number];

export function isSettingsIntent(value: unknown): value is SettingsIntent {
  return (settingsIntents as readonly unknown[]).includes(value);
}

/** Whether the yearly review is overdue, due within 30 days, or later. */
export type ReviewState = "overdue" | "dueSoon" | "later";

/** Days are counted in Helsinki, where the coordinators work. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function reviewState(reviewDue: string, today: string): ReviewState {
  if (reviewDue < today) return "overdue";
  if (reviewDue <= addDays(today, 30)) return "dueSoon";
  return "later";
}
