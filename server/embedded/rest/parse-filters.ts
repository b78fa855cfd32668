/** Horizontal filters: `col=op.value`, `not.`, quantifiers, full-text search and `or`/`and` trees. */
import { parseError } from "./errors";
import { type FieldRef, parseFieldRef } from "./parse-select";

export const operators = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "like",
  "ilike",
  "match",
  "imatch",
  "in",
  "is",
  "isdistinct",
  "cs",
  "cd",
  "ov",
  "sl",
  "sr",
  "nxr",
  "nxl",
  "adj",
  "fts",
  "plfts",
  "phfts",
  "wfts",
] as const;

export type Operator = (typeof operators)[number];

export interface Condition {
  kind: "condition";
  field: FieldRef;
  negate: boolean;
  operator: Operator;
  /** `any`/`all` for `eq(any).{a,b}`-style filters. */
  quantifier?: "any" | "all";
  /** Text search configuration of `fts(english)`. */
  config?: string;
  value: string;
}

export interface Logic {
  kind: "logic";
  operator: "and" | "or";
  negate: boolean;
  children: FilterNode[];
}

export type FilterNode = Condition | Logic;

const quantifiable = new Set<string>(["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "match", "imatch"]);
const textSearch = new Set<string>(["fts", "plfts", "phfts", "wfts"]);

function isOperator(word: string): word is Operator {
  return (operators as readonly string[]).includes(word);
}

/**
 * Longest pattern for `match`/`imatch`. PostgREST sets none, but PGlite's regex engine returns
 * wrong results and then loops forever on patterns of about 14,000 characters (found by fuzzing),
 * blocking the whole process; no real search needs a pattern this long.
 */
export const maxRegexLength = 2000;

/**
 * Longest full-text query. PGlite's tsquery parser exhausts its WASM stack and answers
 * "bad buffer ID" from then on for queries of about 20,000 characters (found by fuzzing).
 */
export const maxTextSearchLength = 1024;

/**
 * Postgres keeps pending negations (`!` in to_tsquery, `-` in websearch_to_tsquery) on a
 * 32-slot stack and fails with an internal error past it; longer runs mean nothing anyway.
 */
const maxNegationRun = 16;
const negationRun = new RegExp(`(?:[!-][\\s()]*){${maxNegationRun + 1},}`);

/** `[not.]op[(modifier)].value` for one field. */
export function parseCondition(field: FieldRef, raw: string): Condition {
  let rest = raw;
  let negate = false;
  if (rest.startsWith("not.")) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf(".");
  if (dot < 0) throw invalidFilter(raw);
  const head = rest.slice(0, dot);
  const value = rest.slice(dot + 1);
  const match = /^([a-z]+)(?:\(([A-Za-z0-9_]+)\))?$/.exec(head);
  const operator = match?.[1] ?? "";
  if (!match || !isOperator(operator)) throw invalidFilter(raw);
  const modifier = match[2];
  const condition: Condition = { kind: "condition", field, negate, operator, value };
  if (modifier !== undefined) {
    if (textSearch.has(operator)) condition.config = modifier;
    else if (quantifiable.has(operator) && (modifier === "any" || modifier === "all")) {
      condition.quantifier = modifier;
    } else throw invalidFilter(raw);
  }
  if (operator === "is" && !/^(null|not_null|true|false|unknown)$/i.test(value)) {
    throw parseError(
      `"failed to parse filter (${raw})" (line 1, column ${raw.length})`,
      "unexpected value expecting null, not_null, true, false or unknown",
    );
  }
  if ((operator === "match" || operator === "imatch") && value.length > maxRegexLength) {
    throw parseError(
      `"failed to parse filter (${operator})": regular expression too long`,
      `A pattern may have at most ${maxRegexLength} characters`,
    );
  }
  if (textSearch.has(operator)) checkTextSearch(operator, value);
  if (operator === "in" && !/^\(.*\)$/s.test(value)) {
    throw parseError(`"failed to parse filter (${raw})" (line 1, column 4)`, 'expecting "("');
  }
  return condition;
}

function checkTextSearch(operator: string, value: string): void {
  if (value.length > maxTextSearchLength) {
    throw parseError(
      `"failed to parse filter (${operator})": text search query too long`,
      `A text search query may have at most ${maxTextSearchLength} characters`,
    );
  }
  if (negationRun.test(value)) {
    throw parseError(
      `"failed to parse filter (${operator})": too many negations in a row`,
      `A text search query may negate at most ${maxNegationRun} times in a row`,
    );
  }
}

function invalidFilter(raw: string): never {
  throw parseError(`"failed to parse filter (${raw})" (line 1, column 1)`, "unknown operator");
}

/** Splits at top-level commas, respecting parentheses and double-quoted strings. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (quoted) {
      current += char;
      if (char === "\\" && index + 1 < text.length) {
        current += text[index + 1];
        index += 1;
      } else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    if (depth < 0) throw parseError(`"failed to parse logic tree (${text})"`, 'unexpected ")"');
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (depth !== 0 || quoted) {
    throw parseError(`"failed to parse logic tree (${text})"`, "unbalanced parentheses or quotes");
  }
  parts.push(current);
  return parts;
}

/** Removes surrounding double quotes and backslash escapes from a value. */
export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}

/** The items of `in.(a,"b,c")`. */
export function parseList(value: string): string[] {
  const inner = value.trim().slice(1, -1);
  if (inner.trim() === "") return [];
  return splitTopLevel(inner).map((item) => unquote(item.trim()));
}

/** Deeper trees are refused (PGRST100) rather than recursed into without bound. */
export const maxNestingDepth = 32;

/** The value of `or=(…)`/`and=(…)` as a tree. */
export function parseLogic(operator: "and" | "or", negate: boolean, raw: string, depth = 0): Logic {
  if (depth > maxNestingDepth) {
    throw parseError(`"failed to parse logic tree" (nested more than ${maxNestingDepth} levels)`);
  }
  const text = raw.trim();
  if (!text.startsWith("(") || !text.endsWith(")")) {
    throw parseError(`"failed to parse logic tree (${raw})" (line 1, column 1)`, 'expecting "("');
  }
  const children = splitTopLevel(text.slice(1, -1)).map((part) =>
    parseLogicItem(part.trim(), raw, depth),
  );
  if (children.length === 0) throw parseError(`"failed to parse logic tree (${raw})"`);
  return { kind: "logic", operator, negate, children };
}

function parseLogicItem(item: string, whole: string, depth: number): FilterNode {
  const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
  if (nested) {
    return parseLogic(nested[2] as "and" | "or", nested[1] !== undefined, nested[3] ?? "", depth + 1);
  }
  const dot = item.indexOf(".");
  if (dot <= 0) throw parseError(`"failed to parse logic tree (${whole})"`, `invalid item ${item}`);
  const field = parseFieldRef(item.slice(0, dot), "logic tree");
  const condition = parseCondition(field, item.slice(dot + 1));
  if (condition.operator !== "in") condition.value = unquote(condition.value);
  return condition;
}
