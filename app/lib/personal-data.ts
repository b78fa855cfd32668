/**
 * Finds personal data that must never be written into sparring questions, answers or
 * interpretations: Finnish personal identity codes (henkilötunnus), phone numbers and e-mail
 * addresses. Runs in the browser (as the person types) and on the server; the database applies
 * the same rules with the same patterns (private.personal_data_kinds in
 * supabase/migrations/20251124101350_personal_data_guard.sql), so keep the two in step —
 * tests/fixtures/personal-data-cases.ts runs through both.
 *
 * The patterns below avoid syntax that differs between JavaScript and PostgreSQL's ARE regexes
 * (no \b, \w or \s; only bracket classes, {m,n}, lookahead and lookbehind).
 */

export type PersonalDataKind = "identity_code" | "phone" | "email";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

/** Letters and digits, Nordic letters included: what may not touch a code or a number. */
const word = "0-9A-Za-z_À-ÖØ-öø-ÿ";
/** Between a phone number's digit groups: space, no-break space or hyphen. */
const separator = "[ \\u00a0-]";

/** DDMMYY, century sign, individual number, check character. */
const identityShape = `(?<![${word}])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z](?![${word}])`;

/** Starts only where a run of address characters starts, so a long word is scanned once. */
const email =
  "(?<![A-Za-z0-9ÅÄÖåäö._%+-])[A-Za-z0-9ÅÄÖåäö._%+-]+@[A-Za-z0-9ÅÄÖåäö-]+(?:[.][A-Za-z0-9ÅÄÖåäö-]+)*[.][A-Za-z]{2,}";

/*
 * Not after a letter or digit, nor after a digit and a separator: "1 000 000 €", "2025-01-05"
 * and "TEM/123/00.04.01" contain digit runs that start with 0 but are no phone numbers. Nor
 * joined by a hyphen to a word: "TE-0123456" and the groups of a UUID are codes.
 */
const phoneBefore = `(?<![${word}+/@])(?<![0-9][ \\u00a0.,/])(?<![0-9A-Za-z]-)`;
const phoneAfter = `(?![${word}])(?![.,/][0-9])(?!-[0-9A-Za-z])`;
/** A business id (Y-tunnus, "0201256-6") and a date written "05-01-2025" are not phones. */
const notBusinessIdOrDate = "(?![0-9]{7}-[0-9](?![0-9])|[0-3][0-9]-[01][0-9]-[0-9]{4}(?![0-9]))";
/** 040 123 4567, (09) 310 1234, 0295-020 500: 0, then 6–11 more digits. */
const finnishPhone = `${notBusinessIdOrDate}[(]?0[1-9](?:[)]?${separator}?[0-9]){5,10}`;
/** +358 40 123 4567, +358 (0)9 310 1234, 00358 40 1234567, +1 (555) 123-4567: 7–15 digits. */
const internationalPhone = `(?:[+]|00)[1-9](?:${separator}?[(]?[0-9][)]?){6,14}`;
const phone = `${phoneBefore}(?:${finnishPhone}|${internationalPhone})${phoneAfter}`;

/** The patterns, exported so the SQL test can prove the migration uses the same text. */
export const personalDataPatterns = { identityShape, email, phone } as const;

const checkCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const centuries: Record<string, number> = {
  "+": 1800,
  "-": 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

/**
 * Whether `code` is a henkilötunnus: DDMMYY, a century sign, an individual number 002–999 and
 * the right check character, on a date that exists. Lower case is accepted, since people type it.
 */
export function isValidIdentityCode(code: string): boolean {
  const match = /^([0-9]{2})([0-9]{2})([0-9]{2})([-+A-FU-Y])([0-9]{3})([0-9A-Y])$/.exec(
    code.trim().toUpperCase(),
  );
  if (!match) return false;
  const [, dd = "", mm = "", yy = "", sign = "", individual = "", check = ""] = match;
  const century = centuries[sign];
  if (century === undefined) return false;
  const day = Number(dd);
  const month = Number(mm);
  const year = century + Number(yy);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return false;
  }
  if (Number(individual) < 2) return false;
  return checkCharacters[Number(`${dd}${mm}${yy}${individual}`) % 31] === check;
}

function matches(pattern: string, text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(new RegExp(pattern, "g"))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}

/** Covers what was found, keeping positions, so a later pattern cannot match inside it. */
function mask(text: string, spans: { start: number; end: number }[]): string {
  let masked = text;
  for (const { start, end } of spans) {
    masked = masked.slice(0, start) + "#".repeat(end - start) + masked.slice(end);
  }
  return masked;
}

/**
 * The identity codes, phone numbers and e-mail addresses in `text`, ordered by position and
 * never overlapping.
 *
 * Something shaped like an identity code whose check character is wrong is not reported: it is
 * far more likely a reference or case number than a mistyped identity code, and refusing it would
 * stop people writing such numbers at all. It is not taken for a phone number either.
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];

  const shapes = matches(identityShape, text);
  for (const shape of shapes) {
    if (isValidIdentityCode(shape.text)) findings.push({ kind: "identity_code", ...shape });
  }
  let masked = mask(text, shapes);

  const emails = matches(email, masked);
  for (const found of emails) {
    findings.push({ kind: "email", ...found, text: text.slice(found.start, found.end) });
  }
  masked = mask(masked, emails);

  for (const found of matches(phone, masked)) {
    findings.push({ kind: "phone", ...found, text: text.slice(found.start, found.end) });
  }

  return findings.sort((a, b) => a.start - b.start);
}

/** The kinds found in `text`, each once, sorted: what the database reports in its error detail. */
export function personalDataKinds(text: string): PersonalDataKind[] {
  return [...new Set(findPersonalData(text).map((finding) => finding.kind))].sort();
}

/** Common first names in Finland (Finnish and Finland-Swedish), for the soft name warning. */
const commonFirstNames = [
  "Aino",
  "Aleksi",
  "Anders",
  "Anna",
  "Anne",
  "Annika",
  "Antti",
  "Ari",
  "Eeva",
  "Eero",
  "Elina",
  "Ella",
  "Emilia",
  "Emma",
  "Erik",
  "Hanna",
  "Hannu",
  "Heikki",
  "Helena",
  "Jani",
  "Janne",
  "Jari",
  "Johan",
  "Johanna",
  "Johannes",
  "Juha",
  "Juho",
  "Jukka",
  "Jussi",
  "Kaarina",
  "Kari",
  "Karin",
  "Katja",
  "Kristiina",
  "Lars",
  "Laura",
  "Lauri",
  "Leena",
  "Liisa",
  "Linnea",
  "Maria",
  "Marja",
  "Marjatta",
  "Markku",
  "Matti",
  "Mika",
  "Mikael",
  "Mikko",
  "Minna",
  "Päivi",
  "Pekka",
  "Petri",
  "Pirjo",
  "Riitta",
  "Ritva",
  "Sami",
  "Sanna",
  "Sari",
  "Sofia",
  "Tiina",
  "Timo",
  "Tuomas",
  "Tuula",
  "Ulla",
  "Veikko",
  "Ville",
];

const namePattern = new RegExp(
  `(?<!\\p{L})(?:${commonFirstNames.join("|")})[ \\u00a0]+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?!\\p{L})`,
  "gu",
);

/**
 * Possible personal names ("Matti Virtanen"): a common first name followed by a capitalised word.
 * Only a warning — names of officials, authors of laws and place names look the same — so the
 * form mentions them but never refuses.
 */
export function findPossibleNames(text: string): string[] {
  return [...new Set([...text.matchAll(namePattern)].map((match) => match[0]))];
}
