/**
 * The form that creates a network: the settings form's fields (shared with the settings page,
 * which edits the same columns) plus what is chosen only once: the address, the kind and the
 * first review date.
 */
import { z } from "zod";
import { networkKinds } from "./network";
import {
  addDays,
  helsinkiToday,
  networkSettingsFields,
  networkSettingsSchema,
} from "./network-settings-form";

export { networkSettingsFields, networkSettingsSchema, parseTopics } from "./network-settings-form";

export const maxSlugLength = 80;

const finnishLetters: Record<string, string> = { ä: "a", ö: "o", å: "a", ü: "u", ß: "ss" };

/** "Työttömyysturvan verkosto 2025" → "tyottomyysturvan-verkosto-2025", as the database accepts. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöåüß]/g, (letter) => finnishLetters[letter] ?? letter)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxSlugLength)
    .replace(/-+$/g, "");
  // 'new' is the creation page's own address.
  return slug === "new" ? "new-network" : slug;
}

export const networkCreateSchema = networkSettingsSchema.extend({
  slug: z
    .string({ required_error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(maxSlugLength, "tooLong")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "invalid")
    .refine((value) => value !== "new", "invalid"),
  kind: z.enum(networkKinds, { message: "invalid" }),
  review_due: z
    .string({ required_error: "required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "invalid"),
});
export type NetworkCreate = z.output<typeof networkCreateSchema>;

export const networkCreateFields = [
  "slug",
  "kind",
  ...networkSettingsFields,
  "review_due",
] as const;
export type NetworkCreateField = (typeof networkCreateFields)[number];

/** The first review falls a year from today unless the creator chooses otherwise. */
export function defaultReviewDate(today = helsinkiToday()): string {
  return addDays(today, 365);
}
