/**
 * Acts and their sections as questions, answers and interpretations cite them: one label format
 * per language, the act's address in URLs, and the type-ahead match of the section picker.
 */
import type { Locale } from "./i18n";

/** What a citation names: "1290/2002 2 a luku 13 §" is act 1290/2002, chapter "2 a", section "13". */
export interface LegalSectionRef {
  actId: string;
  chapter: string | null;
  section: string;
}

export interface LegalSection extends LegalSectionRef {
  id: string;
  headingFi: string;
  headingSv: string | null;
  headingEn: string | null;
  position: number;
}

export interface LegalAct {
  id: string;
  titleFi: string;
  titleSv: string;
  titleEn: string;
  shortTitleFi: string | null;
  shortTitleSv: string | null;
  shortTitleEn: string | null;
  sections: LegalSection[];
}

/**
 * Finnish and Swedish follow how statutes are cited in each language ("2 a luku 13 §",
 * "2 a kap. 13 §"); English spells the parts out, as Finlex's translations do.
 */
export function sectionLabel(ref: LegalSectionRef, locale: Locale): string {
  if (locale === "en") {
    return ref.chapter
      ? `${ref.actId} chapter ${ref.chapter}, section ${ref.section}`
      : `${ref.actId} section ${ref.section}`;
  }
  const chapter = ref.chapter ? `${ref.chapter} ${locale === "sv" ? "kap." : "luku"} ` : "";
  return `${ref.actId} ${chapter}${ref.section} §`;
}

/** A section's heading in the reader's language; Finnish when it has not been translated. */
export function sectionHeading(section: LegalSection, locale: Locale): string {
  if (locale === "sv" && section.headingSv) return section.headingSv;
  if (locale === "en" && section.headingEn) return section.headingEn;
  return section.headingFi;
}

/** The label and the heading: "380/2023 3 § Määritelmät". */
export function sectionTitle(section: LegalSection, locale: Locale): string {
  return `${sectionLabel(section, locale)} ${sectionHeading(section, locale)}`;
}

export function actTitle(act: LegalAct, locale: Locale): string {
  if (locale === "sv") return act.titleSv;
  if (locale === "en") return act.titleEn;
  return act.titleFi;
}

const actIdPattern = /^(\d{1,4})\/(\d{4})$/;
const actSlugPattern = /^(\d{1,4})-(\d{4})$/;

/** '380/2023' → '380-2023': a slash cannot stand in one URL segment. */
export function actSlug(actId: string): string {
  const match = actIdPattern.exec(actId);
  if (!match) throw new Error(`Not an act number: ${actId}`);
  return `${match[1]}-${match[2]}`;
}

/** '380-2023' → '380/2023'; null for anything that is not an act's address. */
export function actIdFromSlug(slug: string): string | null {
  const match = actSlugPattern.exec(slug);
  return match ? `${match[1]}/${match[2]}` : null;
}

/** The fragment of a section on its act's page. */
export function sectionAnchor(sectionId: string): string {
  return `s-${sectionId}`;
}

export function actPath(actId: string): string {
  return `/legal/${actSlug(actId)}`;
}

/** The divergence view of a section: what each organisation has published about it. */
export function sectionPath(section: { actId: string; id: string }): string {
  return `${actPath(section.actId)}/${section.id}`;
}

/** Every section of every act, in the acts' order, for look-ups by id. */
export function sectionsById(acts: LegalAct[]): Map<string, LegalSection> {
  return new Map(acts.flatMap((act) => act.sections.map((section) => [section.id, section])));
}

/**
 * The picker's type-ahead: "12" finds section 12 (and 12 a), "2 a 4" finds chapter 2 a section 4,
 * "13 §" the same as "13", and words find headings in any of the three languages ("kuule").
 */
export function matchesSectionQuery(section: LegalSection, query: string): boolean {
  const words = query
    .toLocaleLowerCase("fi")
    .replaceAll("§", " ")
    .split(/\s+/)
    .filter((word) => word.length > 0 && word !== "luku" && word !== "kap.");
  if (words.length === 0) return true;
  const numbers = [section.chapter ?? "", section.section].join(" ").split(" ").filter(Boolean);
  const headings = [section.headingFi, section.headingSv ?? "", section.headingEn ?? ""]
    .join(" ")
    .toLocaleLowerCase("fi");
  const numberWords = words.filter((word) => /^\d+$|^[a-z]$/.test(word));
  if (numberWords.length === words.length) {
    // Numbers only: they must be the section's own numbers in order, the last one the section.
    const wanted = numberWords.join(" ");
    const own = numbers.join(" ");
    return own === wanted || own.endsWith(` ${wanted}`) || section.section.startsWith(wanted);
  }
  return words.every((word) => headings.includes(word) || numbers.includes(word));
}
