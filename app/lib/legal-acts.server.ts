/**
 * The acts and their sections, read as the signed-in person (RLS lets every active user read
 * them). Several loaders of one request need them, so each request's client reads them once.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import type { LegalAct, LegalSection } from "./legal-acts";

const actRow = z.object({
  id: z.string(),
  title_fi: z.string(),
  title_sv: z.string(),
  title_en: z.string(),
  short_title_fi: z.string().nullable(),
  short_title_sv: z.string().nullable(),
  short_title_en: z.string().nullable(),
});

const sectionRow = z.object({
  id: z.string(),
  act_id: z.string(),
  chapter: z.string().nullable(),
  section: z.string(),
  heading_fi: z.string(),
  heading_sv: z.string().nullable(),
  heading_en: z.string().nullable(),
  position: z.number(),
});

const loaded = new WeakMap<SupabaseClient, Promise<LegalAct[]>>();

/** Every act the reader may read, in their order, each with its sections in order. */
export function loadLegalActs(client: SupabaseClient): Promise<LegalAct[]> {
  const existing = loaded.get(client);
  if (existing) return existing;
  const acts = readLegalActs(client);
  loaded.set(client, acts);
  // A failed read is not kept: the next loader asks again.
  acts.catch(() => loaded.delete(client));
  return acts;
}

async function readLegalActs(client: SupabaseClient): Promise<LegalAct[]> {
  const [acts, sections] = await Promise.all([
    client
      .from("legal_acts")
      .select("id, title_fi, title_sv, title_en, short_title_fi, short_title_sv, short_title_en")
      .order("position")
      .order("id"),
    client
      .from("legal_sections")
      .select("id, act_id, chapter, section, heading_fi, heading_sv, heading_en, position")
      .order("act_id")
      .order("position"),
  ]);
  if (acts.error)
    throw new Error(`Loading the acts failed: ${acts.error.code} ${acts.error.message}`);
  if (sections.error) {
    throw new Error(
      `Loading the sections failed: ${sections.error.code} ${sections.error.message}`,
    );
  }
  const byAct = new Map<string, LegalSection[]>();
  for (const row of z.array(sectionRow).parse(sections.data ?? [])) {
    const list = byAct.get(row.act_id) ?? [];
    list.push({
      id: row.id,
      actId: row.act_id,
      chapter: row.chapter,
      section: row.section,
      headingFi: row.heading_fi,
      headingSv: row.heading_sv,
      headingEn: row.heading_en,
      position: row.position,
    });
    byAct.set(row.act_id, list);
  }
  return z
    .array(actRow)
    .parse(acts.data ?? [])
    .map((row) => ({
      id: row.id,
      titleFi: row.title_fi,
      titleSv: row.title_sv,
      titleEn: row.title_en,
      shortTitleFi: row.short_title_fi,
      shortTitleSv: row.short_title_sv,
      shortTitleEn: row.short_title_en,
      sections: byAct.get(row.id) ?? [],
    }));
}
