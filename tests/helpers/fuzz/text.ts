/** The hostile and awkward strings every part of a fuzzed request draws from. */
import fc from "fast-check";
import { injectionMarker as marker } from "../statement-guard";

/**
 * A text too long to print: it expands when sent (and in JSON.stringify) but shows up in a
 * counterexample as the recipe that builds it.
 */
export class BigText {
  constructor(readonly parts: readonly (string | readonly [string, number])[]) {}

  toString(): string {
    return this.parts
      .map((part) => (typeof part === "string" ? part : part[0].repeat(part[1])))
      .join("");
  }

  toJSON(): string {
    return this.toString();
  }

  [fc.toStringMethod](): string {
    const recipe = this.parts.map((part) =>
      typeof part === "string" ? JSON.stringify(part) : `${JSON.stringify(part[0])} × ${part[1]}`,
    );
    return `big(${recipe.join(" + ")})`;
  }

  around(prefix: string, suffix = ""): BigText {
    return new BigText([prefix, ...this.parts, suffix]);
  }
}

/** What goes into a query string or a JSON value: plain, or big and printed as a recipe. */
export type Text = string | BigText;

export function around(prefix: string, text: Text, suffix = ""): Text {
  return typeof text === "string" ? `${prefix}${text}${suffix}` : text.around(prefix, suffix);
}

/**
 * Each tries to close the quote, parenthesis or statement around it and then names the marker,
 * so an escape that works leaves the marker outside any quote, where the statement guard sees it.
 */
export const breakouts: readonly string[] = [
  `'; drop table public.canary; select '${marker}`,
  `' ${marker} '`,
  `'||${marker}||'`,
  `" ${marker} "`,
  `"; delete from public.canary; select "${marker}`,
  `") ${marker} --`,
  `') ${marker} --`,
  `')) or true; select ${marker}; --`,
  `1) or (1=1); select ${marker} --`,
  `$$ ${marker} $$`,
  `$fuzz$ ${marker} $fuzz$`,
  `\\' ${marker} --`,
  `*/ ${marker} /*`,
  `-- ${marker}`,
  `; ${marker}`,
  `1; delete from public.canary; -- ${marker}`,
  `1 union select secret from public.canary -- ${marker}`,
  `(select ${marker})`,
  `x' or ${marker} is null or 'x`,
  `E'\\' ${marker}`,
];

/**
 * Breakouts PostgREST's grammar lets through inside a double-quoted name (`data->"…"`,
 * `"…":id`): no double quote, comma or parenthesis. These reach the SQL builder.
 */
export const quotableBreakouts: readonly string[] = breakouts.filter(
  (text) => !/[",()]/.test(text),
);

/** Inputs that are not injections but break naive parsers, decoders and size assumptions. */
export const awkward: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e",
  "ä",
  "😀",
  "Ω中文",
  "\\",
  "\\\\",
  "%",
  "%00",
  "%zz",
  "%E9",
  "%C3%28",
  "'",
  "''",
  '"',
  '""',
  "(",
  ")",
  "()",
  "((",
  "{",
  "}",
  "{}",
  "[",
  "]",
  ",",
  ".",
  "..",
  ":",
  "::",
  "->",
  "->>",
  "!",
  "*",
  "&",
  "=",
  "+",
  "#",
  "?",
  "/",
  "\t",
];

export const hostileText = fc.constantFrom(...breakouts);
export const quotableHostileText = fc.constantFrom(...quotableBreakouts);
export const awkwardText = fc.constantFrom(...awkward);
export const randomText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);
export const longText = fc.constantFrom(1_000, 20_000, 100_000).map((n) => new BigText([["ä", n]]));

/** Any string a client could put where the API expects free text. */
export const anyText: fc.Arbitrary<Text> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: awkwardText },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: longText },
);

/** Header values must be bytes a real HTTP request could carry. */
export const headerSafe = (text: string) => /^[\x20-\x7e\x80-\xff]*$/.test(text);
export const printableChar = fc
  .integer({ min: 0x20, max: 0x7e })
  .map((code) => String.fromCharCode(code));
export const printableText = fc.string({ unit: printableChar, maxLength: 30 });
export const hostileHeaderText = hostileText.filter(headerSafe);
