/**
 * fast-check arbitraries for PostgREST requests: the query-string grammar (select, filters,
 * logical trees, order, limits), headers and JSON bodies, each mixing valid pieces with hostile
 * ones. Generators stay small and structured so a failure shrinks to a readable request.
 */
import fc from "fast-check";
import type { ForgedToken } from "./forged-tokens";
import { injectionMarker as marker } from "./statement-guard";

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

function around(prefix: string, text: Text, suffix = ""): Text {
  return typeof text === "string" ? `${prefix}${text}${suffix}` : text.around(prefix, suffix);
}

/** Each tries to close the quote, parenthesis or statement around it, then names the marker. */
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

/** Inputs that are not injections but break naive parsers, decoders and size assumptions. */
const awkward: readonly string[] = [
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

const longStrings = fc.constantFrom(1_000, 20_000, 100_000).map((n) => new BigText([["ä", n]]));

const hostileText = fc.constantFrom(...breakouts);
const awkwardText = fc.constantFrom(...awkward);
const randomText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

export const tableColumns = [
  "id",
  "group_id",
  "title",
  "body",
  "data",
  "tags",
  "search",
  "created_at",
  "done",
  "price",
] as const;

/** A name where PostgREST expects a column: mostly real, sometimes hostile or nonsense. */
export const columnName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...tableColumns) },
  { weight: 2, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "ID",
      "id ",
      "canary",
      "secret",
      "public.canary",
      "pg_catalog.pg_class",
      "ctid",
      "xmin",
      "oid",
      "name",
      "fuzz_groups",
      "*",
    ),
  },
  { weight: 1, arbitrary: awkwardText },
  { weight: 1, arbitrary: randomText },
);

const atom: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "1",
      "0",
      "-1",
      "7",
      "3.14",
      "1e308",
      "-1e400",
      "99999999999999999999999999",
      "NaN",
      "Infinity",
      "null",
      "true",
      "false",
      "unknown",
      "2024-01-01",
      "2024-01-01T00:00:00Z",
      "2024-13-45T99:99",
      "infinity",
      "{a,b}",
      '{"a":1}',
      "[1,2]",
      "(1,2,3)",
      '("a,b",c)',
      "*a*",
      "*ä*",
      "a%_",
      "ryhmä",
      "aamu & ohje",
      "!ohje | :*",
      "'aamu' & !",
      "^[a-z]+$",
      "(a+)+$",
      "[[:alpha:]",
    ),
  },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: awkwardText },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A filter's right-hand side: one atom or a list. */
const smallFilterValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: atom },
  { weight: 2, arbitrary: fc.array(atom, { maxLength: 4 }).map((xs) => `(${xs.join(",")})`) },
  { weight: 1, arbitrary: fc.array(atom, { maxLength: 4 }).map((xs) => `{${xs.join(",")}}`) },
);

/** A filter's right-hand side, sometimes huge. */
export const filterValue: fc.Arbitrary<Text> = fc.oneof(
  { weight: 9, arbitrary: smallFilterValue },
  { weight: 1, arbitrary: longStrings },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1_000, 5_000, 50_000)
      .map((n) => new BigText(["(", ["1,", n], "1)"])),
  },
);

const operators = [
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
  "nxl",
  "nxr",
  "adj",
  "fts",
  "plfts",
  "phfts",
  "wfts",
  "fts(simple)",
  "plfts(english)",
  "eq(any)",
  "like(all)",
  "ilike(any)",
];

export const operator: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...operators) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      "eq;",
      "EQ",
      "=",
      "not",
      "not.not",
      "eq(any",
      "eq(none)",
      "fts(",
      "fts()",
      "fts(simple')",
      `fts(simple'); select ${marker}; --)`,
      `fts(${marker}")`,
      `eq(${marker}')`,
    ),
  },
  { weight: 1, arbitrary: randomText },
);

/** `[not.]op.value`, as it stands after `column=`. */
export const filterExpression: fc.Arbitrary<Text> = fc
  .tuple(fc.boolean(), operator, filterValue)
  .map(([negated, op, value]) => around(`${negated ? "not." : ""}${op}.`, value));

const smallFilterExpression: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), operator, smallFilterValue)
  .map(([negated, op, value]) => `${negated ? "not." : ""}${op}.${value}`);

/** `or=(…)` trees, some of them nested far deeper than anyone would write. */
const { tree: logicTree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", maxDepth: 5, withCrossShrink: true },
    tie("condition"),
    tie("group"),
  ),
  condition: fc
    .tuple(columnName, smallFilterExpression)
    .map(([column, expression]) => `${column}.${expression}`),
  group: fc
    .tuple(
      fc.constantFrom("or", "and", "not.or", "not.and", "OR", "xor"),
      fc.array(tie("tree"), { maxLength: 4 }),
    )
    .map(([op, items]) => `${op}(${items.join(",")})`),
}));

const deepLogic = fc
  .tuple(fc.constantFrom(100, 1_000, 5_000, 20_000), fc.constantFrom("or", "and", "not.or"))
  .map(([depth, op]) => new BigText(["(", [`${op}(`, depth], "id.eq.1", [")", depth + 1]]));

export const logicValue: fc.Arbitrary<Text> = fc.oneof(
  { weight: 6, arbitrary: fc.array(logicTree, { maxLength: 4 }).map((xs) => `(${xs.join(",")})`) },
  { weight: 1, arbitrary: deepLogic },
  { weight: 1, arbitrary: fc.oneof(hostileText, awkwardText) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("(", ")", "((id.eq.1)", "(id.eq.1))", "(,)", "(id.eq.1,)", "()"),
  },
);

const jsonPathKey = fc.oneof(
  fc.constantFrom("a", "b", "n", "0", "-1", "path", "to", "deep", "x"),
  hostileText,
  awkwardText,
);

const jsonPath = fc
  .array(fc.tuple(fc.constantFrom("->", "->>"), jsonPathKey), { minLength: 1, maxLength: 4 })
  .map((steps) => steps.map(([arrow, key]) => `${arrow}${key}`).join(""));

const castName = fc.oneof(
  fc.constantFrom(
    "text",
    "int",
    "int8",
    "numeric",
    "json",
    "jsonb",
    "bool",
    "date",
    "regclass",
    "text[]",
    "pg_catalog.text",
    "tsvector",
    "unknowntype",
  ),
  fc.constantFrom(
    `text); select ${marker}; --`,
    `text' ${marker}`,
    `"text" ${marker} "`,
    `text -- ${marker}`,
  ),
);

const aliasName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("alias", "Nimi", "ä_ö", "id", "x1") },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: awkwardText },
);

const embedName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("fuzz_groups", "fuzz_items") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "canary",
      "users",
      "auth.users",
      "pg_class",
      "fuzz_items_in_group",
      "Fuzz_Groups",
    ),
  },
  { weight: 1, arbitrary: hostileText },
);

const embedHint = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "!inner",
      "!left",
      "!group_id",
      "!fuzz_items_group_id_fkey",
      "!fuzz_items_group_id_fkey!inner",
      "!nonexistent",
      "!",
      "!!",
    ),
  },
  { weight: 1, arbitrary: hostileText.map((text) => `!${text}`) },
);

/** Select lists: columns, aliases, casts, JSON paths, aggregates and nested embeddings. */
const { list: selectTree } = fc.letrec((tie) => ({
  list: fc.array(tie("item"), { maxLength: 4 }).map((items) => items.join(",")),
  item: fc.oneof(
    { depthSize: "small", maxDepth: 4, withCrossShrink: true },
    { weight: 5, arbitrary: columnName },
    { weight: 1, arbitrary: fc.constant("*") },
    {
      weight: 2,
      arbitrary: fc.tuple(aliasName, columnName).map(([alias, column]) => `${alias}:${column}`),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(columnName, castName).map(([column, cast]) => `${column}::${cast}`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("data", "tags", "title", "id"), jsonPath)
        .map(([column, path]) => `${column}${path}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "count()",
        "id.count()",
        "price.sum()",
        "price.avg()::int",
        "id.max()",
        "title.min()",
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: "grapheme", maxLength: 8 }))
        .map(([name]) => `"${name}"`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.option(aliasName, { nil: undefined }),
          fc.constantFrom("", "..."),
          embedName,
          embedHint,
          tie("list"),
        )
        .map(
          ([alias, spread, name, hint, inner]) =>
            `${alias ? `${alias}:` : ""}${spread}${name}${hint}(${inner})`,
        ),
    },
  ),
}));

const deepEmbedding = fc
  .constantFrom(8, 40)
  .map((depth) => `id,${"fuzz_groups(id,fuzz_items(id,".repeat(depth)}id${"))".repeat(depth)}`);

export const selectValue: fc.Arbitrary<Text> = fc.oneof(
  { weight: 8, arbitrary: selectTree },
  { weight: 1, arbitrary: deepEmbedding },
  { weight: 1, arbitrary: fc.oneof(hostileText, awkwardText, longStrings) },
);

const orderTerm = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: columnName },
      { weight: 1, arbitrary: jsonPath.map((path) => `data${path}`) },
      { weight: 1, arbitrary: fc.constantFrom("fuzz_groups(name)", "fuzz_groups(id)") },
      { weight: 1, arbitrary: fc.constantFrom("random()", "1", "(select 1)", "id desc") },
    ),
    fc.constantFrom("", ".asc", ".desc", ".ASC", ".sideways"),
    fc.constantFrom("", ".nullsfirst", ".nullslast", ".nullsmiddle"),
  )
  .map(([term, direction, nulls]) => `${term}${direction}${nulls}`);

export const orderValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(orderTerm, { maxLength: 3 }).map((xs) => xs.join(",")) },
  { weight: 1, arbitrary: fc.oneof(hostileText, awkwardText) },
);

export const countValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "0",
      "1",
      "5",
      "-1",
      "1.5",
      "1e3",
      "abc",
      "",
      "9223372036854775807",
      "9223372036854775808",
      "99999999999999999999999",
      "0x10",
      " 1",
    ),
  },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

export type QueryPair = readonly [string, Text];

const embeddedName = fc.oneof(fc.constantFrom("fuzz_groups", "fuzz_items"), embedName);

/** One `key=value` pair of a table request's query string. */
export const queryPair: fc.Arbitrary<QueryPair> = fc.oneof(
  { weight: 3, arbitrary: selectValue.map((v): QueryPair => ["select", v]) },
  { weight: 5, arbitrary: fc.tuple(columnName, filterExpression) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("or", "and", "not.or", "not.and"), logicValue)
      .map(([key, value]): QueryPair => [key, value]),
  },
  { weight: 2, arbitrary: orderValue.map((v): QueryPair => ["order", v]) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("limit", "offset"), countValue)
      .map(([key, value]): QueryPair => [key, value]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(embeddedName, columnName, filterExpression)
      .map(([embed, column, expression]): QueryPair => [`${embed}.${column}`, expression]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        embeddedName,
        fc.constantFrom("order", "limit", "offset", "or", "and", "select"),
        fc.oneof(orderValue, countValue, logicValue),
      )
      .map(([embed, key, value]): QueryPair => [`${embed}.${key}`, value]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("columns", "on_conflict"), fc.oneof(columnName, hostileText))
      .map(([key, value]): QueryPair => [key, value]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(randomText, hostileText, awkwardText), fc.oneof(randomText, atom))
      .map(([key, value]): QueryPair => [key, value]),
  },
);

export const queryPairs = fc.array(queryPair, { maxLength: 6 });

/**
 * `strict` encodes every reserved character as URLSearchParams would; `loose` only the ones
 * that would split the query string, leaving `( ) , . : ! * "` as people type them.
 */
export type QueryEncoding = "strict" | "loose";
export const queryEncoding = fc.constantFrom<QueryEncoding>("strict", "loose");

function looseEncode(text: string): string {
  return text.replace(/[%&#+=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodeQuery(pairs: readonly QueryPair[], encoding: QueryEncoding): string {
  if (encoding === "strict") {
    // As supabase-js builds its URLs; a lone surrogate becomes U+FFFD on the way.
    return new URLSearchParams(pairs.map(([key, value]) => [key, String(value)])).toString();
  }
  return pairs.map(([key, value]) => `${looseEncode(key)}=${looseEncode(String(value))}`).join("&");
}

/** Header values must be bytes a real HTTP request could carry. */
const headerSafe = (text: string) => /^[\x20-\x7e\x80-\xff]*$/.test(text);
const hostileHeaderText = hostileText.filter(headerSafe);
const printableChar = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const printableText = fc.string({ unit: printableChar, maxLength: 30 });

const preferences = [
  "count=exact",
  "count=planned",
  "count=estimated",
  "count=none",
  "return=minimal",
  "return=representation",
  "return=headers-only",
  "return=everything",
  "resolution=merge-duplicates",
  "resolution=ignore-duplicates",
  "resolution=",
  "missing=default",
  "missing=null",
  "handling=strict",
  "handling=lenient",
  "tx=commit",
  "tx=rollback",
  "params=single-object",
  "max-affected=1",
  "max-affected=-1",
  "max-affected=abc",
  "timezone=Europe/Helsinki",
  "timezone=Mars/Olympus",
  "plurality=singular",
  "=",
  ",",
];

export const preferHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom(...preferences), hostileHeaderText), { maxLength: 4 }),
        fc.constantFrom(", ", ",", "; "),
      )
      .map(([items, separator]) => items.join(separator)),
  },
  {
    weight: 1,
    arbitrary: hostileHeaderText.map((text) => `timezone=${text}`),
  },
  { weight: 1, arbitrary: printableText },
);

export const rangeHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "0-9",
      "0-0",
      "5-",
      "3-1",
      "-1",
      "-",
      "0--1",
      "items=0-9",
      "0-9,10-19",
      "1e9-2e9",
      "99999999999999999999-",
      "0-99999999999999999999",
      "abc",
      "",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 }))
      .map(([from, to]) => `${from}-${to}`),
  },
  { weight: 1, arbitrary: hostileHeaderText },
);

export const acceptHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "application/json",
      "application/vnd.pgrst.object+json",
      "application/vnd.pgrst.object+json;nulls=stripped",
      "application/vnd.pgrst.array+json;nulls=stripped",
      "application/vnd.pgrst.plan+json",
      "text/csv",
      "text/plain",
      "application/octet-stream",
      "application/geo+json",
      "*/*",
      "application/*",
      "text/html, application/json;q=0.9",
      "",
    ),
  },
  { weight: 1, arbitrary: printableText },
);

export const profileHeader: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("public", "auth", "pg_catalog", "fuzz_guard", "embedded", "Public", ""),
  hostileHeaderText,
);

export const contentTypeHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "text/csv",
      "application/x-www-form-urlencoded",
      "text/plain",
      "application/octet-stream",
      "application/vnd.pgrst.object+json",
      "application/json; charset=latin1",
      "multipart/form-data; boundary=x",
      ";;;",
      "",
    ),
  },
  { weight: 1, arbitrary: printableText },
);

/** Optional request headers of a PostgREST request, other than credentials. */
export const restHeaders = fc.record(
  {
    prefer: preferHeader,
    range: rangeHeader,
    accept: acceptHeader,
    "accept-profile": profileHeader,
    "content-profile": profileHeader,
  },
  { requiredKeys: [] },
);

/** A JSON body, or a description of one too big to print in a counterexample. */
export type BodySpec =
  | { json: unknown }
  | { text: string }
  | { nestedDepth: number }
  | { manyRows: number }
  | { bytes: Uint8Array<ArrayBuffer> };

export function materializeBody(body: BodySpec): string | Uint8Array<ArrayBuffer> {
  if ("json" in body) return JSON.stringify(body.json) ?? "";
  if ("text" in body) return body.text;
  if ("bytes" in body) return body.bytes;
  if ("nestedDepth" in body) {
    const depth = body.nestedDepth;
    return `{"title":"syvä","data":${"[".repeat(depth)}${"]".repeat(depth)}}`;
  }
  return JSON.stringify(
    Array.from({ length: body.manyRows }, (_, i) => ({
      title: `rivi ${i}`,
      group_id: 1 + (i % 3),
    })),
  );
}

const hostileKey = fc.oneof(
  hostileText,
  awkwardText,
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "search",
    "ctid",
    "secret",
    'note "zz_pwned" here',
    "title, secret",
    "title::text",
    "data->>a",
    "fuzz_groups",
  ),
);

const columnValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 3, arbitrary: fc.oneof(randomText, hostileText, awkwardText) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "1",
      "1e400",
      "-0",
      "99999999999999999999999",
      "2024-02-30",
      "2024-01-01T00:00:00+99:00",
      "{a,b}",
      "{",
      "'a' & 'b'",
      "DEFAULT",
      "now()",
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(randomText, hostileText), { maxLength: 3 }) },
  { weight: 1, arbitrary: longStrings },
);

/** A would-be row: known columns with values of any type, plus keys no table has. */
export const rowObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...tableColumns), columnValue), { maxLength: 5 }),
    fc.array(fc.tuple(hostileKey, columnValue), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([known, unknown, withTitle]) => {
    const row: Record<string, unknown> = withTitle ? { title: "otsikko" } : {};
    for (const [key, value] of [...known, ...unknown]) {
      Object.defineProperty(row, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return row;
  });

export const jsonBody: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 5, arbitrary: rowObject.map((row): BodySpec => ({ json: row })) },
  {
    weight: 3,
    arbitrary: fc.array(rowObject, { maxLength: 4 }).map((rows): BodySpec => ({ json: rows })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json): BodySpec => ({ json })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(100, 1_000, 5_000, 20_000, 100_000)
      .map((nestedDepth): BodySpec => ({ nestedDepth })),
  },
  { weight: 1, arbitrary: fc.constantFrom(500, 3_000).map((manyRows): BodySpec => ({ manyRows })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "",
        " ",
        "{",
        "[",
        '{"title": }',
        '{"title": "a",}',
        "[{},",
        "NaN",
        "undefined",
        "null",
        "1",
        '"merkkijono"',
        "[]",
        "[[]]",
        "[1, 2]",
        "[{}, 1]",
        '{"title": "a\\u0000b"}',
        '{"title": "\\ud800"}',
        '{"data": {"k": "\\u0000"}}',
        '{"title": "a", "title": "b"}',
        '{"__proto__": {"title": "x"}, "title": "y"}',
        '{"constructor": {"prototype": {"title": "x"}}}',
        "\ufeff{}",
        "title=x",
        "title\nx",
      )
      .map((text): BodySpec => ({ text })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes): BodySpec => ({ bytes })),
  },
);

/** Whoever sends the request; tokens are filled in when it is sent. */
export type Caller = "anon" | "authenticated" | "service_role";
export const caller = fc.constantFrom<Caller>("anon", "authenticated", "service_role");

const roleClaim = fc.constantFrom<unknown>(
  "anon",
  "authenticated",
  "service_role",
  "postgres",
  "supabase_admin",
  "authenticator",
  "pg_read_server_files",
  "pg_signal_backend",
  "",
  "Anon",
  "anon ",
  `anon"; set role postgres; -- ${marker}`,
  42,
  null,
  ["service_role"],
  { role: "service_role" },
);
const stringRole = fc.constantFrom("anon", "authenticated", "service_role", "postgres");

export const forgedToken: fc.Arbitrary<ForgedToken> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("genuine" as const),
      alg: fc.constantFrom("HS256" as const, "HS384" as const, "HS512" as const),
      role: roleClaim,
      exp: fc.oneof(
        fc.constantFrom("valid" as const, "expired" as const, "missing" as const),
        fc
          .constantFrom<unknown>("tomorrow", null, -1, 1e20, { at: 1 }, [1])
          .map((junk) => ({ junk })),
      ),
      extraClaims: fc.dictionary(
        fc.constantFrom("sub", "aud", "email", "iss", "nbf", "app_metadata", "session_id"),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText),
        { maxKeys: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("wrong-secret" as const), role: stringRole }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("unsigned" as const),
      role: stringRole,
      alg: fc.constantFrom("none" as const, "None" as const, "NONE" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("mislabelled" as const),
      role: stringRole,
      alg: fc.constantFrom("RS256", "ES256", "PS256", "EdDSA", "hs256", "HS256 ", "", "HS999"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("tampered" as const), role: stringRole }),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ unit: printableChar, minLength: 1, maxLength: 60 }),
        fc
          .array(fc.base64String({ maxLength: 20 }), { minLength: 1, maxLength: 5 })
          .map((parts) => parts.join(".")),
        fc.constantFrom("null", "undefined", "..", "a.b.c", "eyJ.eyJ.", "Bearer x", `${marker}'`),
      )
      .map((text) => text.trim())
      .filter((text) => text !== "" && headerSafe(text))
      .map((text) => ({ kind: "junk" as const, text })),
  },
);
