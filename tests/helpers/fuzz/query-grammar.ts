/**
 * PostgREST's query-string grammar (select, filters, logical trees, order, limits) as
 * fast-check arbitraries, built twice from one definition: well-formed (real columns and
 * operators, hostile text only where the grammar allows free text, so it reaches the SQL
 * builder) and chaotic (hostile text anywhere, mostly stopped by the parser).
 */
import fc from "fast-check";
import { operators as filterOperators } from "../../../server/embedded/rest/parse-filters";
import { injectionMarker as marker } from "../statement-guard";
import {
  around,
  awkwardText,
  BigText,
  hostileText,
  longText,
  quotableHostileText,
  randomText,
  type Text,
} from "./text";

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

/** The API's own operators, plus the modifier forms (text-search configs, quantifiers). */
export const operators = [
  ...filterOperators,
  "fts(simple)",
  "plfts(english)",
  "wfts(finnish)",
  "eq(any)",
  "like(all)",
  "ilike(any)",
] as const;

/** Values as people write them after `op.`, hostile ones included: these are bound parameters. */
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
      "not_null",
      "2024-01-01",
      "2024-01-01T00:00:00Z",
      "2024-13-45T99:99",
      "infinity",
      "{a,b}",
      "{aamu}",
      '{"a":1}',
      "[1,2]",
      "[1,5)",
      "(1,2,3)",
      '("a,b",c)',
      "*a*",
      "*ä*",
      "a%_",
      "Hyvää*",
      "ryhmä",
      "aamu & ohje",
      "!ohje | :*",
      "'aamu' & !",
      "^[a-z]+$",
      "(a+)+$",
      "[[:alpha:]",
    ),
  },
  { weight: 3, arbitrary: hostileText },
  { weight: 1, arbitrary: awkwardText },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const listOf = (item: fc.Arbitrary<string>, open: string, close: string) =>
  fc.array(item, { maxLength: 4 }).map((items) => `${open}${items.join(",")}${close}`);

const smallValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: atom },
  { weight: 2, arbitrary: listOf(atom, "(", ")") },
  { weight: 1, arbitrary: listOf(atom, "{", "}") },
);

/** A filter's right-hand side, now and then far too big. */
const filterValue: fc.Arbitrary<Text> = fc.oneof(
  { weight: 12, arbitrary: smallValue },
  { weight: 1, arbitrary: longText },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1_000, 5_000, 50_000)
      .map((n) => new BigText(["(", ["1,", n], "1)"])),
  },
);

/** Inside `or=(…)` a value with `,` or `)` must be double-quoted, as PostgREST documents. */
const treeValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: smallValue },
  {
    weight: 3,
    arbitrary: atom.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`),
  },
);

/** The parts of the grammar that decide whether a request is well-formed or chaotic. */
interface Pieces {
  column: fc.Arbitrary<string>;
  operator: fc.Arbitrary<string>;
  alias: fc.Arbitrary<string>;
  jsonKey: fc.Arbitrary<string>;
  cast: fc.Arbitrary<string>;
  embed: fc.Arbitrary<string>;
  hint: fc.Arbitrary<string>;
  groupOperator: fc.Arbitrary<string>;
  direction: fc.Arbitrary<string>;
  count: fc.Arbitrary<string>;
  /** Whole values of `select`, `or`, `order` that are no grammar at all. */
  junk: fc.Arbitrary<Text>;
}

const quotedHostile = quotableHostileText.map((text) => `"${text}"`);

const wellFormed: Pieces = {
  column: fc.constantFrom(...tableColumns),
  operator: fc.constantFrom(...operators),
  alias: fc.oneof(fc.constantFrom("alias", "Nimi", "ä_ö", "x1"), quotedHostile),
  jsonKey: fc.oneof(
    fc.constantFrom("a", "b", "n", "0", "-1", "path", "to", "deep", "x"),
    quotedHostile,
  ),
  cast: fc.constantFrom("text", "int", "int8", "numeric", "json", "jsonb", "bool", "date"),
  embed: fc.constantFrom("fuzz_groups", "fuzz_items"),
  hint: fc.constantFrom("", "", "!inner", "!left", "!group_id", "!fuzz_items_group_id_fkey"),
  groupOperator: fc.constantFrom("or", "and", "not.or", "not.and"),
  direction: fc.constantFrom("", ".asc", ".desc", ".asc.nullsfirst", ".desc.nullslast"),
  count: fc.oneof(
    fc.constantFrom("0", "1", "2", "5", "100"),
    fc.integer({ min: 0, max: 50 }).map(String),
  ),
  junk: fc.constantFrom(""),
};

const chaotic: Pieces = {
  column: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tableColumns) },
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
        "fuzz_groups",
        "*",
      ),
    },
    { weight: 1, arbitrary: awkwardText },
    { weight: 1, arbitrary: randomText },
  ),
  operator: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...operators) },
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
    { weight: 1, arbitrary: quotableHostileText.map((text) => `fts(${text})`) },
    { weight: 1, arbitrary: randomText },
  ),
  alias: fc.oneof(hostileText, awkwardText, randomText),
  jsonKey: fc.oneof(hostileText, awkwardText, randomText),
  cast: fc.oneof(
    fc.constantFrom("regclass", "text[]", "pg_catalog.text", "tsvector", "unknowntype", ""),
    fc.constantFrom(
      `text); select ${marker}; --`,
      `text' ${marker}`,
      `"text" ${marker} "`,
      `text -- ${marker}`,
    ),
  ),
  embed: fc.oneof(
    fc.constantFrom("canary", "users", "auth.users", "pg_class", "fuzz_items_in_group"),
    hostileText,
  ),
  hint: fc.oneof(
    fc.constantFrom("!fuzz_items_group_id_fkey!inner", "!nonexistent", "!", "!!"),
    hostileText.map((text) => `!${text}`),
  ),
  groupOperator: fc.constantFrom("OR", "xor", "or.", "not", ""),
  direction: fc.constantFrom(".ASC", ".sideways", ".nullsmiddle", ".desc.desc", "."),
  count: fc.oneof(
    fc.constantFrom(
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
    hostileText,
    fc.integer().map(String),
  ),
  junk: fc.oneof(
    hostileText,
    awkwardText,
    longText,
    fc.constantFrom("(", ")", "((id.eq.1)", "(id.eq.1))", "(,)", "(id.eq.1,)", "()"),
  ),
};

/** A query-string key and value; the value may be big. */
export type QueryPair = readonly [string, Text];

function grammar(p: Pieces) {
  const filterExpression: fc.Arbitrary<Text> = fc
    .tuple(fc.boolean(), p.operator, filterValue)
    .map(([negated, op, value]) => around(`${negated ? "not." : ""}${op}.`, value));

  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth: 5, withCrossShrink: true },
      tie("condition"),
      tie("group"),
    ),
    condition: fc
      .tuple(p.column, fc.boolean(), p.operator, treeValue)
      .map(([column, negated, op, value]) => `${column}.${negated ? "not." : ""}${op}.${value}`),
    group: fc
      .tuple(p.groupOperator, fc.array(tie("tree"), { minLength: 1, maxLength: 4 }))
      .map(([op, items]) => `${op}(${items.join(",")})`),
  }));

  // Valid syntax, absurd depth: a recursive parser or SQL builder runs out of stack.
  const deepLogic = fc
    .tuple(fc.constantFrom(100, 1_000, 5_000, 20_000), fc.constantFrom("or", "and", "not.or"))
    .map(([depth, op]) => new BigText(["(", [`${op}(`, depth], "id.eq.1", [")", depth + 1]]));

  const logicValue: fc.Arbitrary<Text> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(tree, { minLength: 1, maxLength: 4 }).map((xs) => `(${xs.join(",")})`),
    },
    { weight: 1, arbitrary: deepLogic },
    { weight: 1, arbitrary: p.junk },
  );

  const jsonPath = fc
    .array(fc.tuple(fc.constantFrom("->", "->>"), p.jsonKey), { minLength: 1, maxLength: 4 })
    .map((steps) => steps.map(([arrow, key]) => `${arrow}${key}`).join(""));

  const { list: selectList } = fc.letrec((tie) => ({
    list: fc.array(tie("item"), { maxLength: 4 }).map((items) => items.join(",")),
    item: fc.oneof(
      { depthSize: "small", maxDepth: 4, withCrossShrink: true },
      { weight: 5, arbitrary: p.column },
      { weight: 1, arbitrary: fc.constant("*") },
      {
        weight: 2,
        arbitrary: fc.tuple(p.alias, p.column).map(([alias, column]) => `${alias}:${column}`),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(p.column, p.cast).map(([column, cast]) => `${column}::${cast}`),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom("data", "data", "tags", "title"), jsonPath, fc.boolean())
          .map(([column, path, aliased]) => `${aliased ? "polku:" : ""}${column}${path}`),
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
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.option(p.alias, { nil: undefined, freq: 3 }),
            fc.constantFrom("", "", "..."),
            p.embed,
            p.hint,
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

  const selectValue: fc.Arbitrary<Text> = fc.oneof(
    { weight: 10, arbitrary: selectList },
    { weight: 1, arbitrary: deepEmbedding },
    { weight: 1, arbitrary: p.junk },
  );

  const orderTerm = fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: p.column },
        { weight: 2, arbitrary: jsonPath.map((path) => `data${path}`) },
        { weight: 1, arbitrary: p.embed.map((embed) => `${embed}(id)`) },
      ),
      p.direction,
    )
    .map(([term, direction]) => `${term}${direction}`);

  const orderValue: fc.Arbitrary<Text> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(orderTerm, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(",")),
    },
    { weight: 1, arbitrary: p.junk },
  );

  const filterPair: fc.Arbitrary<QueryPair> = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(p.column, filterExpression) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(p.groupOperator, logicValue)
        .map(([key, value]): QueryPair => [key, value]),
    },
  );

  const pair: fc.Arbitrary<QueryPair> = fc.oneof(
    { weight: 3, arbitrary: selectValue.map((value): QueryPair => ["select", value]) },
    { weight: 7, arbitrary: filterPair },
    { weight: 2, arbitrary: orderValue.map((value): QueryPair => ["order", value]) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("limit", "offset"), p.count)
        .map(([key, value]): QueryPair => [key, value]),
    },
    {
      weight: 1,
      // PostgREST wants the embedded resource in `select` too (PGRST108 otherwise).
      arbitrary: fc
        .tuple(p.embed, p.column, filterExpression)
        .map(([embed, column, expression]): QueryPair => [`${embed}.${column}`, expression]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          p.embed,
          fc.constantFrom("order", "limit", "offset", "or"),
          fc.oneof(orderValue, p.count, logicValue),
        )
        .map(([embed, key, value]): QueryPair => [`${embed}.${key}`, value]),
    },
  );

  const columnList = fc.array(p.column, { maxLength: 4 }).map((names) => names.join(","));

  return { filterPair, pair, selectValue, columnList };
}

export const wellFormedQuery = grammar(wellFormed);
export const chaoticQuery = grammar(chaotic);

/** Query-string keys no grammar expects. */
const strayPair: fc.Arbitrary<QueryPair> = fc
  .tuple(fc.oneof(randomText, hostileText, awkwardText), fc.oneof(randomText, atom))
  .map(([key, value]): QueryPair => [key, value]);

export const anyPair: fc.Arbitrary<QueryPair> = fc.oneof(
  { weight: 3, arbitrary: wellFormedQuery.pair },
  { weight: 2, arbitrary: chaoticQuery.pair },
  { weight: 1, arbitrary: strayPair },
);

/** Mostly well-formed query strings, so most requests get as far as a statement. */
export const queryPairs: fc.Arbitrary<QueryPair[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(wellFormedQuery.pair, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(anyPair, { maxLength: 6 }) },
);

/** Filters only (what DELETE and PATCH take), well-formed or not. */
export const filterPairs: fc.Arbitrary<QueryPair[]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(wellFormedQuery.filterPair, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(wellFormedQuery.filterPair, chaoticQuery.filterPair, anyPair), {
      maxLength: 4,
    }),
  },
);

/** `columns=` and `on_conflict=` of an insert or upsert. */
export const writeOptionPairs: fc.Arbitrary<QueryPair[]> = fc.array(
  fc.oneof(
    {
      weight: 3,
      arbitrary: wellFormedQuery.selectValue.map((value): QueryPair => ["select", value]),
    },
    {
      weight: 2,
      arbitrary: wellFormedQuery.columnList.map((list): QueryPair => ["columns", list]),
    },
    { weight: 1, arbitrary: chaoticQuery.columnList.map((list): QueryPair => ["columns", list]) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom("id", "id", "title", "id,title", "")
        .map((list): QueryPair => ["on_conflict", list]),
    },
    {
      weight: 1,
      arbitrary: chaoticQuery.columnList.map((list): QueryPair => ["on_conflict", list]),
    },
    { weight: 1, arbitrary: anyPair },
  ),
  { maxLength: 3 },
);

/**
 * `strict` encodes as URLSearchParams (and supabase-js) do; `loose` only the characters that
 * would split the query string, leaving `( ) , . : ! * "` as people type them.
 */
export type QueryEncoding = "strict" | "loose";
export const queryEncoding = fc.constantFrom<QueryEncoding>("strict", "loose");

function looseEncode(text: string): string {
  return text.replace(/[%&#+=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodeQuery(pairs: readonly QueryPair[], encoding: QueryEncoding): string {
  if (encoding === "strict") {
    // A lone surrogate becomes U+FFFD on the way, as in any URL a browser would send.
    return new URLSearchParams(pairs.map(([key, value]) => [key, String(value)])).toString();
  }
  return pairs.map(([key, value]) => `${looseEncode(key)}=${looseEncode(String(value))}`).join("&");
}
