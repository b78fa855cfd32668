/**
 * Interpretation fields and legal references: the document's "Lakiviittaukset" tab, and what the
 * library's reading pages and list show about them. Everything is asked as the signed-in person:
 * document_interpretation, save_interpretation, set_document_legal_references and the library
 * functions decide who reads and changes what; this module asks, reports the answer and shapes it.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { citedSection, citedSections, sectionJson } from "./cited-sections";
import { dbErrorKey, statusForDbError } from "./db-errors";
import { type DocumentKind, documentKinds } from "./document";
import { formValues } from "./form-errors";
import type { Locale } from "./i18n";
import {
  type InterpretationFieldErrors,
  type InterpretationFieldsValues,
  type LegalActionResult,
  type LegalFormErrorKey,
  type LegalIntent,
  parseInterpretationFields,
  parseLegalReferences,
  postedInterpretationFields,
} from "./interpretation-fields-form";
import {
  type CitedSection,
  citableUrl,
  type DocumentLegalView,
  type InterpretationOption,
  type PublishedInterpretation,
  refusedPersonalData,
  type VersionLegalDetails,
} from "./interpretations";
import type { Day, LibraryListItem } from "./library";
import { failLoading } from "./load-failure";
import { helsinkiToday } from "./publishing.server";

const timeZone = "Europe/Helsinki";

function dayFormat(locale: Locale, zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone: zone,
  });
}

/** A calendar date (YYYY-MM-DD) read and shown at UTC, so it never moves a day. */
function calendarDay(date: string | null, locale: Locale): Day | null {
  if (!date) return null;
  return { iso: date, text: dayFormat(locale, "UTC").format(new Date(`${date}T00:00:00Z`)) };
}

// Sections -----------------------------------------------------------------------------------------

/** Labels for section ids (a published version's references), in the acts' order. */
export async function loadCitedSections(
  client: SupabaseClient,
  ids: string[],
  locale: Locale,
): Promise<CitedSection[]> {
  if (ids.length === 0) return [];
  const { data, error } = await client
    .from("legal_sections")
    .select("id, act_id, chapter, section, heading_fi, heading_sv, heading_en, position")
    .in("id", ids)
    .order("act_id")
    .order("position");
  if (error) failLoading("the cited sections", error);
  return z
    .array(sectionJson)
    .parse(data ?? [])
    .map((row) => citedSection(row, locale));
}

// The document's tab ------------------------------------------------------------------------------

const documentInterpretationRow = z.object({
  is_interpretation: z.boolean(),
  issuing_body: z.string().nullable(),
  justification: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  supersedes: z.string().nullable(),
  supersedes_title: z.string().nullable(),
  question_link: z.string().nullable(),
  sections: z.unknown(),
  can_edit: z.boolean(),
});

const optionRow = z.object({ document_id: z.string(), title: z.string() });

/** Published interpretations the reader may read, to choose the one a draft supersedes. */
/** The published interpretations the reader may cite or supersede, except `exceptId`. */
export async function loadInterpretationOptions(
  client: SupabaseClient,
  exceptId?: string,
): Promise<InterpretationOption[]> {
  const { data, error } = await client.rpc("library_documents", {
    kind: "interpretation",
    max_rows: 200,
    skip: 0,
  });
  if (error) failLoading("the published interpretations", error);
  return z
    .array(optionRow)
    .parse(data ?? [])
    .filter((row) => row.document_id !== exceptId)
    .map((row) => ({ id: row.document_id, title: row.title }));
}

export async function loadDocumentLegal(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<DocumentLegalView | null> {
  const { data, error } = await client
    .rpc("document_interpretation", { document_id: documentId })
    .maybeSingle();
  if (error) failLoading("the document's legal references", error);
  if (!data) return null;
  const row = documentInterpretationRow.parse(data);
  const hasRecord = row.issuing_body !== null;
  const supersedeOptions =
    row.is_interpretation && row.can_edit
      ? await loadInterpretationOptions(client, documentId)
      : [];
  // The saved choice stays selectable even if it has since left the library's list.
  if (row.supersedes && !supersedeOptions.some((option) => option.id === row.supersedes)) {
    supersedeOptions.unshift({ id: row.supersedes, title: row.supersedes_title ?? row.supersedes });
  }
  return {
    documentId,
    isInterpretation: row.is_interpretation,
    hasRecord,
    canEdit: row.can_edit,
    fields: {
      issuingBody: row.issuing_body ?? "",
      justification: row.justification ?? "",
      validFrom: row.valid_from ?? helsinkiToday(),
      validTo: row.valid_to ?? "",
      supersedes: row.supersedes ?? "",
      supersedesTitle: row.supersedes_title,
    },
    validFrom: calendarDay(row.valid_from, locale),
    validTo: calendarDay(row.valid_to, locale),
    questionLink: row.question_link,
    sections: citedSections(row.sections, locale),
    supersedeOptions,
  };
}

interface RefusalLike {
  code?: string | null;
  message?: string | null;
  details?: string | null;
  hint?: string | null;
}

const guardedFields: Record<string, keyof InterpretationFieldErrors> = {
  issuing_body: "issuingBody",
  justification: "justification",
};

/** The database's refusal in the tab's words; the guard's names the field and what it found. */
function refusal(
  intent: LegalIntent,
  values: InterpretationFieldsValues,
  sectionIds: string[],
  error: RefusalLike,
): Extract<LegalActionResult, { ok: false }> {
  const found = refusedPersonalData(error);
  if (found) {
    const column = /^personal data in (\w+)/.exec(error.message ?? "")?.[1] ?? "";
    const field = guardedFields[column];
    return {
      ok: false,
      status: 400,
      intent,
      values,
      sectionIds,
      fieldErrors: field ? { [field]: "personalData" } : {},
      formError: "personalData",
      personalData: found,
    };
  }
  const key = dbErrorKey(error);
  if (key === "unavailable") console.error("Saving legal references failed", error);
  const formError: LegalFormErrorKey =
    key === "forbidden" || key === "needsSecondFactor"
      ? "forbidden"
      : key === "notFound" || key === "invalidState" || key === "invalidValue"
        ? key
        : key === "duplicate"
          ? "invalidValue"
          : "unavailable";
  return {
    ok: false,
    status: statusForDbError[key],
    intent,
    values,
    sectionIds,
    fieldErrors: {},
    formError,
    personalData: [],
  };
}

/** The tab's two forms: the interpretation fields, and the act sections the document cites. */
export async function performLegalAction(
  client: SupabaseClient,
  documentId: string,
  form: FormData,
): Promise<LegalActionResult> {
  const input = formValues(form, ["sectionIds"]);
  const intent: LegalIntent = input.intent === "fields" ? "fields" : "sections";
  const values = postedInterpretationFields(input);
  if (intent === "fields") {
    const parsed = parseInterpretationFields(input);
    if (!parsed.success) {
      return {
        ok: false,
        status: 400,
        intent,
        values,
        sectionIds: [],
        fieldErrors: parsed.fieldErrors,
        formError: parsed.personalData.length > 0 ? "personalData" : null,
        personalData: parsed.personalData,
      };
    }
    const { error } = await client.rpc("save_interpretation", {
      document_id: documentId,
      issuing_body: parsed.data.issuingBody,
      justification: parsed.data.justification,
      valid_from: parsed.data.validFrom,
      valid_to: parsed.data.validTo,
      supersedes: parsed.data.supersedes,
    });
    return error ? refusal(intent, values, [], error) : { ok: true, intent };
  }
  const sections = parseLegalReferences(input);
  if (!sections.success) {
    return {
      ok: false,
      status: 400,
      intent,
      values,
      sectionIds: [],
      fieldErrors: { sectionIds: "invalid" },
      formError: null,
      personalData: [],
    };
  }
  const { error } = await client.rpc("set_document_legal_references", {
    document_id: documentId,
    section_ids: sections.data,
  });
  return error ? refusal(intent, values, sections.data, error) : { ok: true, intent };
}

// The library ---------------------------------------------------------------------------------------

const libraryInterpretationRow = z.object({
  number: z.number(),
  issuing_body: z.string(),
  justification: z.string(),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  sections: z.unknown(),
  question_link: z.string().nullable(),
  supersedes_slug: z.string().nullable(),
  supersedes_title: z.string().nullable(),
  superseded_by_slug: z.string().nullable(),
  superseded_by_title: z.string().nullable(),
});

async function loadPublishedInterpretation(
  client: SupabaseClient,
  slug: string,
  number: number,
  locale: Locale,
): Promise<PublishedInterpretation | null> {
  const { data, error } = await client
    .rpc("library_interpretation", { slug, version: number })
    .maybeSingle();
  if (error) failLoading("the published interpretation", error);
  if (!data) return null;
  const row = libraryInterpretationRow.parse(data);
  return {
    number: row.number,
    issuingBody: row.issuing_body,
    justification: row.justification,
    validFrom: calendarDay(row.valid_from, locale) ?? { iso: row.valid_from, text: row.valid_from },
    validTo: calendarDay(row.valid_to, locale),
    sections: citedSections(row.sections, locale),
    questionLink: row.question_link,
    supersedes: row.supersedes_slug
      ? { slug: row.supersedes_slug, title: row.supersedes_title ?? row.supersedes_slug }
      : null,
    supersededBy: row.superseded_by_slug
      ? { slug: row.superseded_by_slug, title: row.superseded_by_title ?? row.superseded_by_slug }
      : null,
  };
}

/**
 * What a reading page shows for legal readers about version `number`: its citable address, the
 * sections it refers to as published, and for an interpretation the record the board approved.
 */
export async function loadVersionLegalDetails(
  client: SupabaseClient,
  document: { documentId: string; slug: string; kind: DocumentKind },
  number: number,
  origin: string,
  locale: Locale,
): Promise<VersionLegalDetails> {
  const interpretation =
    document.kind === "interpretation"
      ? await loadPublishedInterpretation(client, document.slug, number, locale)
      : null;
  let sections = interpretation?.sections ?? null;
  if (sections === null) {
    const { data, error } = await client
      .from("published_versions")
      .select("legal_section_ids")
      .eq("document_id", document.documentId)
      .eq("number", number)
      .maybeSingle<{ legal_section_ids: string[] | null }>();
    if (error) failLoading("the version's legal references", error);
    sections = await loadCitedSections(client, data?.legal_section_ids ?? [], locale);
  }
  return {
    citableUrl: citableUrl(origin, document.slug, number),
    sections,
    interpretation,
  };
}

const sectionListRow = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.enum(documentKinds),
  language: z.string(),
  latest_version: z.number(),
  published_at: z.string(),
  owner_organisation_name_fi: z.string().nullable(),
  owner_organisation_name_sv: z.string().nullable(),
  outdated: z.boolean(),
  superseded: z.boolean(),
});

export interface SectionLibraryItem extends LibraryListItem {
  superseded: boolean;
}

/** The most the database lists for one section (library_documents_for_section caps it). */
const sectionListLimit = 200;

/**
 * Published documents whose latest version refers to a section, newest first, narrowed to a
 * kind; one page of them. The database gives the readable ones; the kind is only a narrowing.
 */
export async function listLibraryForSection(
  client: SupabaseClient,
  filters: { section: string; kind: DocumentKind | "all"; page: number; perPage: number },
  locale: Locale,
): Promise<{ items: SectionLibraryItem[]; hasNext: boolean }> {
  const { data, error } = await client.rpc("library_documents_for_section", {
    section_id: filters.section,
    max_rows: sectionListLimit,
    skip: 0,
  });
  if (error) failLoading("the library by section", error);
  const helsinkiDay = dayFormat(locale, timeZone);
  const rows = z
    .array(sectionListRow)
    .parse(data ?? [])
    .filter((row) => filters.kind === "all" || row.kind === filters.kind);
  const start = (filters.page - 1) * filters.perPage;
  return {
    items: rows.slice(start, start + filters.perPage).map((row) => ({
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      language: row.language,
      version: row.latest_version,
      published: { iso: row.published_at, text: helsinkiDay.format(new Date(row.published_at)) },
      ownerOrganisation:
        locale === "sv" && row.owner_organisation_name_sv
          ? row.owner_organisation_name_sv
          : row.owner_organisation_name_fi,
      outdated: row.outdated,
      superseded: row.superseded,
    })),
    hasNext: rows.length > start + filters.perPage,
  };
}
