/** The `select` query parameter: columns, aliases, casts, JSON paths and embedded resources. */
import { parseError } from "./errors";

export interface JsonPathStep {
  arrow: "->" | "->>";
  key: string;
}

export interface FieldRef {
  name: string;
  path: JsonPathStep[];
}

export type SelectItem =
  | { kind: "star" }
  | { kind: "field"; field: FieldRef; alias?: string; cast?: string }
  | {
      kind: "embed";
      name: string;
      alias?: string;
      /** Foreign key or column names that disambiguate the relationship. */
      hint?: string;
      joinType: "left" | "inner";
      spread: boolean;
      items: SelectItem[];
    };

/** A type name for `::type`: one word (or a known multi-word name), optionally an array. */
const castPattern =
  /^(?:[A-Za-z_][A-Za-z0-9_]*|double precision|character varying|timestamp with(?:out)? time zone|time with(?:out)? time zone)(?:\[\])?$/;

/** Embedding deeper than this is refused (PGRST100) rather than recursed into without bound. */
const maxEmbedDepth = 32;

class Cursor {
  position = 0;
  depth = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text[this.position + offset] ?? "";
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.position);
  }

  expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`"${token}"`);
    this.position += token.length;
  }

  skipSpaces(): void {
    while (this.peek() === " ") this.position += 1;
  }

  fail(expected: string): never {
    throw parseError(
      `"failed to parse select parameter (${this.text})" (line 1, column ${this.position + 1})`,
      `unexpected ${this.done ? "end of input" : `"${this.peek()}"`} expecting ${expected}`,
    );
  }
}

/** A name: a double-quoted identifier, or characters up to the next delimiter. */
export function readName(cursor: Cursor, what = "field name"): string {
  cursor.skipSpaces();
  if (cursor.peek() === '"') {
    cursor.position += 1;
    let name = "";
    while (!cursor.done && cursor.peek() !== '"') {
      if (cursor.peek() === "\\" && cursor.peek(1)) cursor.position += 1;
      name += cursor.peek();
      cursor.position += 1;
    }
    cursor.expect('"');
    return name;
  }
  const start = cursor.position;
  while (!cursor.done) {
    const char = cursor.peek();
    if (",:()!.\"".includes(char)) break;
    if (char === "-" && cursor.peek(1) === ">") break;
    cursor.position += 1;
  }
  const name = cursor.text.slice(start, cursor.position).trim();
  if (!name) cursor.fail(what);
  return name;
}

function readJsonPath(cursor: Cursor): JsonPathStep[] {
  const path: JsonPathStep[] = [];
  while (cursor.startsWith("->")) {
    const arrow = cursor.startsWith("->>") ? "->>" : "->";
    cursor.position += arrow.length;
    path.push({ arrow, key: readName(cursor, "json key") });
  }
  return path;
}

function readCast(cursor: Cursor): string | undefined {
  if (!cursor.startsWith("::")) return undefined;
  cursor.position += 2;
  const start = cursor.position;
  while (!cursor.done && !",()".includes(cursor.peek())) cursor.position += 1;
  const cast = cursor.text.slice(start, cursor.position).trim();
  if (!castPattern.test(cast)) cursor.fail("a type name");
  return cast;
}

function readItem(cursor: Cursor): SelectItem {
  cursor.skipSpaces();
  if (cursor.peek() === "*") {
    cursor.position += 1;
    return { kind: "star" };
  }
  let spread = false;
  if (cursor.startsWith("...")) {
    spread = true;
    cursor.position += 3;
  }
  let alias: string | undefined;
  let name = readName(cursor);
  // `alias:name`, but not the `::` of a cast.
  if (cursor.peek() === ":" && cursor.peek(1) !== ":") {
    cursor.position += 1;
    alias = name;
    name = readName(cursor);
  }
  let hint: string | undefined;
  let joinType: "left" | "inner" = "left";
  while (cursor.peek() === "!") {
    cursor.position += 1;
    const word = readName(cursor, "a hint");
    if (word === "inner" || word === "left") joinType = word;
    else if (hint === undefined) hint = word;
    else cursor.fail('"(" after one hint');
  }
  cursor.skipSpaces();
  if (cursor.peek() === "(") {
    cursor.position += 1;
    cursor.depth += 1;
    if (cursor.depth > maxEmbedDepth) cursor.fail(`at most ${maxEmbedDepth} levels of embedding`);
    cursor.skipSpaces();
    const items = cursor.peek() === ")" ? [] : readList(cursor);
    cursor.expect(")");
    cursor.depth -= 1;
    return { kind: "embed", name, alias, hint, joinType, spread, items };
  }
  if (spread || hint !== undefined || joinType !== "left") cursor.fail('"("');
  const path = readJsonPath(cursor);
  const cast = readCast(cursor);
  cursor.skipSpaces();
  return { kind: "field", field: { name, path }, alias, cast };
}

function readList(cursor: Cursor): SelectItem[] {
  const items = [readItem(cursor)];
  cursor.skipSpaces();
  while (cursor.peek() === ",") {
    cursor.position += 1;
    items.push(readItem(cursor));
    cursor.skipSpaces();
  }
  return items;
}

export function parseSelect(text: string | null): SelectItem[] {
  if (text === null || text.trim() === "") return [{ kind: "star" }];
  const cursor = new Cursor(text);
  const items = readList(cursor);
  if (!cursor.done) cursor.fail('"," or end of input');
  return items;
}

/** A column reference with an optional JSON path, as used by filters and `order`. */
export function parseFieldRef(text: string, context: string): FieldRef {
  const cursor = new Cursor(text);
  try {
    const name = readName(cursor);
    const path = readJsonPath(cursor);
    if (!cursor.done) cursor.fail("end of field");
    return { name, path };
  } catch {
    throw parseError(`"failed to parse ${context} (${text})" (line 1, column 1)`);
  }
}

export { Cursor };
