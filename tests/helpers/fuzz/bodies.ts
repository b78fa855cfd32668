/**
 * JSON bodies for inserts, updates and rpc: rows whose values have the right type but hostile
 * content (they reach the statement), rows with wrong types and unknown keys, malformed JSON,
 * and bodies too deep or too large for naive code.
 */
import fc from "fast-check";
import { tableColumns } from "./query-grammar";
import {
  type Text,
  anyText,
  awkwardText,
  hostileText,
  longText,
  quotableBreakouts,
  randomText,
} from "./text";

/** A body, or a description of one too big to print in a counterexample. */
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

type Column = (typeof tableColumns)[number];

const jsonWithHostileKeys = fc.dictionary(
  fc.oneof(hostileText, awkwardText, fc.constantFrom("a", "n", "path")),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

/** Values of each column's own type, with hostile content wherever the type allows text. */
const typedValue: Record<Column, fc.Arbitrary<unknown>> = {
  id: fc.integer({ min: 1, max: 2_000 }),
  group_id: fc.constantFrom(1, 2, 3, null, 4),
  title: anyText,
  body: fc.option(anyText, { nil: null }),
  data: fc.oneof(jsonWithHostileKeys, fc.jsonValue({ maxDepth: 3 }), hostileText),
  tags: fc.array(fc.oneof(hostileText, awkwardText, randomText), { maxLength: 4 }),
  search: fc.constantFrom("'aamu'", null),
  created_at: fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom("2024-01-01", "infinity", "2024-02-30", "2024-01-01T00:00:00+99:00"),
  ),
  done: fc.boolean(),
  price: fc.oneof(
    fc.integer({ min: -999_999, max: 999_999 }),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.constantFrom("1.50", "1e400", "99999999999999999999999", "-0"),
  ),
};

/** Any JSON value where a column's value goes. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  anyText,
  fc.constantFrom("{a,b}", "{", "'a' & 'b'", "DEFAULT", "now()"),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.oneof(randomText, hostileText), { maxLength: 3 }),
);

const strayKey = fc.oneof(
  hostileText,
  awkwardText,
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "ctid",
    "secret",
    'note "zz_pwned" here',
    "title, secret",
    "title::text",
    "data->>a",
    "fuzz_groups",
  ),
);

function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // defineProperty keeps "__proto__" an ordinary key, as JSON.parse on the server sees it.
    Object.defineProperty(row, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return row;
}

const typedEntry = fc
  .constantFrom(...tableColumns)
  .chain((column) => typedValue[column].map((value) => [column, value] as const));

/** A row the table accepts in shape: known columns, values of their type, hostile content. */
export const wellFormedRow: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(anyText, fc.array(typedEntry, { maxLength: 5 }))
  .map(([title, entries]) => objectOf([["title", title], ...entries]));

/** A row of known columns with wrong types, plus keys no table has. */
export const chaoticRow: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...tableColumns), wrongValue), { maxLength: 4 }),
    fc.array(fc.tuple(strayKey, wrongValue), { maxLength: 2 }),
  )
  .map(([known, stray]) => objectOf([...known, ...stray]));

const malformed = fc.constantFrom(
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
);

export const jsonBody: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 6, arbitrary: wellFormedRow.map((row): BodySpec => ({ json: row })) },
  {
    weight: 3,
    arbitrary: fc.array(wellFormedRow, { maxLength: 4 }).map((rows): BodySpec => ({ json: rows })),
  },
  { weight: 2, arbitrary: chaoticRow.map((row): BodySpec => ({ json: row })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(wellFormedRow, chaoticRow), { maxLength: 4 })
      .map((rows): BodySpec => ({ json: rows })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json): BodySpec => ({ json })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(100, 1_000, 5_000, 20_000, 100_000)
      .map((nestedDepth): BodySpec => ({ nestedDepth })),
  },
  { weight: 1, arbitrary: fc.constantFrom(500, 3_000).map((manyRows): BodySpec => ({ manyRows })) },
  { weight: 2, arbitrary: malformed.map((text): BodySpec => ({ text })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes): BodySpec => ({ bytes })),
  },
);

/** A function of fuzz.sql with arguments of its own types (hostile where they are text). */
export interface FunctionCall {
  name: string;
  args: Record<string, unknown>;
}

const integerArg = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 10 }) },
  { weight: 1, arbitrary: fc.integer() },
);
const textArg: fc.Arbitrary<Text> = anyText;

const wellFormedCall: fc.Arbitrary<FunctionCall> = fc.oneof(
  fc
    .record({ a: integerArg, b: integerArg })
    .map((args): FunctionCall => ({ name: "fuzz_add", args })),
  fc
    .record({ group_id: integerArg })
    .map((args): FunctionCall => ({ name: "fuzz_items_in_group", args })),
  fc
    .record({ query: textArg, max_rows: integerArg }, { requiredKeys: ["query"] })
    .map((args): FunctionCall => ({ name: "fuzz_search", args })),
  fc
    .record({ value: textArg, 'odd "zz_pwned" arg': textArg }, { requiredKeys: ["value"] })
    .map((args): FunctionCall => ({ name: "fuzz_echo", args })),
  fc
    .record({ numbers: fc.array(integerArg, { maxLength: 5 }) })
    .map((args): FunctionCall => ({ name: "fuzz_sum", args })),
  jsonWithHostileKeys.map((args): FunctionCall => ({ name: "fuzz_whole_body", args })),
);

const functionName = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "fuzz_add",
      "fuzz_items_in_group",
      "fuzz_search",
      "fuzz_echo",
      "fuzz_sum",
      "fuzz_whole_body",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "pg_sleep",
      "set_config",
      "current_setting",
      "pg_read_file",
      "version",
      "restore_items",
      "fuzz_guard.restore_items",
      "pg_catalog.pg_sleep",
      "fuzz_items",
      "canary",
      "FUZZ_ADD",
      "fuzz_add()",
      "fuzz_add(1,2)",
      "fuzz_add%00",
    ),
  },
  { weight: 1, arbitrary: hostileText.map(encodeURIComponent) },
);

const argumentName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "a",
      "b",
      "group_id",
      "query",
      "max_rows",
      "value",
      'odd "zz_pwned" arg',
      "numbers",
      "seconds",
      "setting_name",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(hostileText, awkwardText, fc.constantFrom(...quotableBreakouts)),
  },
);

const chaoticCall: fc.Arbitrary<FunctionCall> = fc
  .tuple(
    functionName,
    fc.array(fc.tuple(argumentName, fc.oneof(wrongValue, longText)), { maxLength: 4 }),
  )
  .map(([name, entries]): FunctionCall => ({ name, args: objectOf(entries) }));

export const functionCall: fc.Arbitrary<FunctionCall> = fc.oneof(
  { weight: 3, arbitrary: wellFormedCall },
  { weight: 1, arbitrary: chaoticCall },
);
