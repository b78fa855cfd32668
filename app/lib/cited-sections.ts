/**
 * The act sections the legal functions return as jsonb ([{id, act_id, chapter, section,
 * heading_fi, heading_sv, heading_en}]), parsed and given the heading in the reader's language.
 */
import { z } from "zod";
import type { Locale } from "./i18n";

export const sectionJson = z.object({
  id: z.string(),
  act_id: z.string(),
  chapter: z.string().nullable(),
  section: z.string(),
  heading_fi: z.string().nullable().optional(),
  heading_sv: z.string().nullable().optional(),
  heading_en: z.string().nullable().optional(),
});
export type SectionJson = z.infer<typeof sectionJson>;

export interface CitedSection {
  id: string;
  actId: string;
  chapter: string | null;
  section: string;
  heading: string | null;
}

export function citedSection(row: SectionJson, locale: Locale): CitedSection {
  const translated = locale === "sv" ? row.heading_sv : locale === "en" ? row.heading_en : null;
  return {
    id: row.id,
    actId: row.act_id,
    chapter: row.chapter,
    section: row.section,
    heading: translated ?? row.heading_fi ?? null,
  };
}

export function citedSections(value: unknown, locale: Locale): CitedSection[] {
  return z
    .array(sectionJson)
    .parse(value ?? [])
    .map((row) => citedSection(row, locale));
}
