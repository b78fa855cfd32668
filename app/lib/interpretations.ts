/**
 * Interpretation records and legal references as pages show them: the shapes the loaders return
 * and the components render, and the few pure rules about them. Shared by the server and the
 * browser.
 */

/** A cited act section, labelled in the reader's language. */
import type { CitedSection } from "./cited-sections";
import type { Day } from "./library";
import type { PersonalDataKind } from "./personal-data";
import { isUuid } from "./uuid";

export type { CitedSection };

/** A published interpretation a draft may supersede. */
export interface InterpretationOption {
  id: string;
  title: string;
}

/** The interpretation fields of a document's draft; null fields when none are saved yet. */
export interface InterpretationFields {
  issuingBody: string;
  justification: string;
  validFrom: string;
  validTo: string;
  supersedes: string;
  supersedesTitle: string | null;
}

/** The "Lakiviittaukset" tab: what the database returned, and what the editor may choose from. */
export interface DocumentLegalView {
  documentId: string;
  isInterpretation: boolean;
  /** Whether the saved record exists (an interpretation written from scratch has none yet). */
  hasRecord: boolean;
  canEdit: boolean;
  fields: InterpretationFields;
  validFrom: Day | null;
  validTo: Day | null;
  questionLink: string | null;
  sections: CitedSection[];
  supersedeOptions: InterpretationOption[];
}

/** An interpretation as one published version records it, for the library's reading pages. */
export interface PublishedInterpretation {
  number: number;
  issuingBody: string;
  justification: string;
  validFrom: Day;
  validTo: Day | null;
  sections: CitedSection[];
  questionLink: string | null;
  supersedes: { slug: string; title: string } | null;
  supersededBy: { slug: string; title: string } | null;
}

/** What a reading page adds for legal readers: the citable address and the legal references. */
export interface VersionLegalDetails {
  citableUrl: string;
  sections: CitedSection[];
  interpretation: PublishedInterpretation | null;
}

/** The version's address for ever, absolute, so it can be pasted into a decision or an e-mail. */
export function citableUrl(origin: string, slug: string, number: number): string {
  return `${origin.replace(/\/+$/, "")}/library/${slug}/v/${number}`;
}

/** In the order messages name them. */
export const personalDataKindOrder: readonly PersonalDataKind[] = [
  "identity_code",
  "phone",
  "email",
];

/**
 * The kinds of personal data the database's guard found, from its refusal (SQLSTATE 23514,
 * message "personal data in <field>", detail "identity_code,phone"); null for any other refusal,
 * such as a check constraint that is also 23514.
 */
export function refusedPersonalData(error: {
  code?: string | null;
  message?: string | null;
  details?: string | null;
}): PersonalDataKind[] | null {
  if (error.code !== "23514" || !/^personal data in /.test(error.message ?? "")) return null;
  const kinds = (error.details ?? "")
    .split(",")
    .map((kind) => kind.trim())
    .filter((kind): kind is PersonalDataKind =>
      (personalDataKindOrder as readonly string[]).includes(kind),
    );
  return kinds.length > 0 ? [...new Set(kinds)] : [...personalDataKindOrder];
}

/** ?section=<uuid> of the library's list; null when missing or not an id. */
export function sectionFilterOf(params: URLSearchParams): string | null {
  const value = params.get("section")?.trim() ?? "";
  return isUuid(value) ? value.toLowerCase() : null;
}

/** The library's list URL with both filters and a page. */
export function librarySectionUrl(
  filters: { kind: string; section: string | null },
  page = 1,
): string {
  const search = new URLSearchParams();
  if (filters.kind !== "all") search.set("kind", filters.kind);
  if (filters.section) search.set("section", filters.section);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return `/library${text ? `?${text}` : ""}`;
}
