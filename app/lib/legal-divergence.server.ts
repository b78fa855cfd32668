/**
 * The divergence view of one section: what each organisation has published about it (the
 * database decides which documents the reader may read) and the sparring questions about it in
 * the reader's own networks.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { type DocumentKind, documentKinds } from "./document";
import type { Locale } from "./i18n";
import type { Day } from "./library";
import { dateTimeFormat, type Moment, moment } from "./moment";

export interface DivergenceEntry {
  documentId: string;
  slug: string;
  title: string;
  kind: DocumentKind;
  language: string;
  version: number;
  published: Day;
  issuingBody: string | null;
  validFrom: Day | null;
  validTo: Day | null;
  supersededBySlug: string | null;
  excerpt: string;
}

/** One organisation's column; documents without an owning organisation share one. */
export interface DivergenceColumn {
  organisationId: string | null;
  organisationName: string | null;
  entries: DivergenceEntry[];
}

export interface SectionQuestion {
  id: string;
  networkSlug: string;
  title: string;
  status: "open" | "answered" | "resolved";
  created: Moment;
}

const divergenceRow = z.object({
  document_id: z.string(),
  slug: z.string(),
  title: z.string(),
  kind: z.enum(documentKinds),
  language: z.string(),
  latest_version: z.number(),
  published_at: z.string(),
  organisation_id: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  issuing_body: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  superseded_by_slug: z.string().nullable(),
  excerpt: z.string().nullable(),
});

const questionRow = z.object({
  question_id: z.string(),
  network_slug: z.string(),
  title: z.string(),
  status: z.enum(["open", "answered", "resolved"]),
  created_at: z.string(),
});

function dayFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone,
  });
}

/** Read at UTC midnight and shown in UTC, so a calendar date never moves a day. */
function calendarDay(date: string | null, locale: Locale): Day | null {
  if (!date) return null;
  return { iso: date, text: dayFormat(locale, "UTC").format(new Date(`${date}T00:00:00Z`)) };
}

export async function loadSectionDivergence(
  client: SupabaseClient,
  sectionId: string,
  locale: Locale,
): Promise<{ columns: DivergenceColumn[]; questions: SectionQuestion[] }> {
  const [published, asked] = await Promise.all([
    client.rpc("legal_section_divergence", { section_id: sectionId }),
    client.rpc("legal_section_questions", { section_id: sectionId }),
  ]);
  if (published.error) {
    throw new Error(
      `Loading the section's documents failed: ${published.error.code} ${published.error.message}`,
    );
  }
  if (asked.error) {
    throw new Error(
      `Loading the section's questions failed: ${asked.error.code} ${asked.error.message}`,
    );
  }
  const helsinkiDay = dayFormat(locale, "Europe/Helsinki");
  const columns = new Map<string, DivergenceColumn>();
  for (const row of z.array(divergenceRow).parse(published.data ?? [])) {
    const key = row.organisation_id ?? "";
    const column = columns.get(key) ?? {
      organisationId: row.organisation_id,
      organisationName:
        locale === "sv" && row.organisation_name_sv
          ? row.organisation_name_sv
          : row.organisation_name_fi,
      entries: [],
    };
    column.entries.push({
      documentId: row.document_id,
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      language: row.language,
      version: row.latest_version,
      published: {
        iso: row.published_at,
        text: helsinkiDay.format(new Date(row.published_at)),
      },
      issuingBody: row.issuing_body,
      validFrom: calendarDay(row.valid_from, locale),
      validTo: calendarDay(row.valid_to, locale),
      supersededBySlug: row.superseded_by_slug,
      excerpt: row.excerpt ?? "",
    });
    columns.set(key, column);
  }
  const format = dateTimeFormat(locale);
  const questions = z
    .array(questionRow)
    .parse(asked.data ?? [])
    .map((row) => ({
      id: row.question_id,
      networkSlug: row.network_slug,
      title: row.title,
      status: row.status,
      created: moment(row.created_at, format),
    }));
  return { columns: [...columns.values()], questions };
}
