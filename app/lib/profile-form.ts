/** The profile form: who a person is to the people they work with. */
import { z } from "zod";
import { supportedLocales } from "./i18n";

/** Languages a person can tick as ones they work in (ISO 639-1; `se` is Northern Sami). */
export const workingLanguages = ["fi", "sv", "en", "se", "ru", "et", "so", "ar"] as const;
export type WorkingLanguage = (typeof workingLanguages)[number];

export const maxExpertiseTags = 20;
const maxTagLength = 60;

/**
 * "työttömyysturva, 380/2023,  kotoutuminen" → the tags, trimmed, without empties or repeats
 * (case-insensitively, the first spelling kept).
 */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = part.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(tag.toLocaleLowerCase("fi"))) continue;
    seen.add(tag.toLocaleLowerCase("fi"));
    tags.push(tag);
  }
  return tags;
}

export const profileSchema = z.object({
  displayName: z
    .string({ required_error: "nameRequired", invalid_type_error: "nameRequired" })
    .trim()
    .min(1, "nameRequired")
    .max(200, "tooLong"),
  title: z
    .string({ invalid_type_error: "invalid" })
    .trim()
    .max(200, "tooLong")
    .optional()
    .transform((value) => (value ? value : null)),
  languages: z
    .array(z.enum(workingLanguages, { message: "invalid" }))
    .default([])
    .transform((values) => [...new Set(values)]),
  expertise: z
    .string({ invalid_type_error: "invalid" })
    .optional()
    .transform((value) => parseTags(value ?? ""))
    .pipe(z.array(z.string().max(maxTagLength, "tooLong")).max(maxExpertiseTags, "tooManyTags")),
  preferredLocale: z.enum(supportedLocales, { message: "localeInvalid" }),
});

export type ProfileInput = z.infer<typeof profileSchema>;
