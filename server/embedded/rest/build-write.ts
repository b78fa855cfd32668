/** INSERT (and upsert), UPDATE and DELETE, wrapped so the response comes back in one statement. */
import { ApiError, bodyError } from "./errors";
import { type BuildContext, type BuiltRead, buildRootRead, columnError, whereSql } from "./build-read";
import type { SelectItem } from "./parse-select";
import type { Relation } from "./schema-cache";
import { qualified, quoteIdent } from "./sql";

export type ReturnMode = "minimal" | "representation" | "headers-only";

type Row = Record<string, unknown>;

/** Validates an insert payload and decides the target columns, as PostgREST does. */
export function insertColumns(relation: Relation, rows: Row[], columnsParam: string[] | undefined): string[] {
  if (columnsParam) {
    for (const name of columnsParam) {
      if (!relation.columns.has(name)) throw missingColumn(relation, name);
    }
    return columnsParam;
  }
  const first = rows[0] ?? {};
  const keys = Object.keys(first);
  for (const row of rows) {
    const rowKeys = Object.keys(row);
    if (rowKeys.length !== keys.length || !rowKeys.every((name) => name in first)) {
      throw bodyError("All object keys must match");
    }
  }
  for (const name of keys) {
    if (!relation.columns.has(name)) throw missingColumn(relation, name);
  }
  return keys;
}

function missingColumn(relation: Relation, name: string): ApiError {
  return new ApiError(
    400,
    "PGRST204",
    `Could not find the '${name}' column of '${relation.name}' in the schema cache`,
  );
}

/** The rows of a POST body: one object or an array of objects. */
export function payloadRows(body: unknown): Row[] {
  const isObject = (value: unknown): value is Row =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(body)) return [body];
  if (Array.isArray(body) && body.every(isObject)) return body;
  throw bodyError("Empty or invalid json", "The request body must be a JSON object or an array of objects");
}

export interface InsertOptions {
  rows: Row[];
  columns: string[];
  missingDefault: boolean;
  upsert?: { resolution: "merge-duplicates" | "ignore-duplicates"; onConflict?: string[] };
}

export function insertSql(ctx: BuildContext, relation: Relation, alias: string, options: InsertOptions): string {
  const table = qualified(relation.schema, relation.name);
  const names = options.columns.map(quoteIdent);
  const values = options.columns.map((name) => {
    const value = `pgrst_r.${quoteIdent(name)}`;
    if (!options.missingDefault) return value;
    const fallback = relation.columns.get(name)?.defaultSql ?? "null";
    return `case when pgrst_e.obj ? ${ctx.params.add(name)} then ${value} else ${fallback} end`;
  });
  let sql =
    `insert into ${table} as ${quoteIdent(alias)}${names.length > 0 ? ` (${names.join(", ")})` : ""} ` +
    `select ${values.join(", ")} from jsonb_array_elements(${ctx.params.add(JSON.stringify(options.rows))}::jsonb) with ordinality as pgrst_e(obj, ord) ` +
    `cross join lateral jsonb_populate_record(null::${table}, pgrst_e.obj) as pgrst_r order by pgrst_e.ord`;
  if (options.upsert) {
    const target = options.upsert.onConflict ?? relation.primaryKey;
    for (const name of target) {
      if (!relation.columns.has(name)) throw columnError(relation, name);
    }
    const conflict = target.length > 0 ? ` (${target.map(quoteIdent).join(", ")})` : "";
    const updates = options.columns.map((name) => `${quoteIdent(name)} = excluded.${quoteIdent(name)}`);
    if (options.upsert.resolution === "merge-duplicates" && updates.length > 0) {
      sql += ` on conflict${conflict} do update set ${updates.join(", ")}`;
    } else {
      sql += ` on conflict${conflict} do nothing`;
    }
  }
  return sql;
}

export function updateSql(ctx: BuildContext, relation: Relation, alias: string, body: Row): string | undefined {
  const names = Object.keys(body);
  for (const name of names) {
    if (!relation.columns.has(name)) throw missingColumn(relation, name);
  }
  if (names.length === 0) return undefined;
  const table = qualified(relation.schema, relation.name);
  const sets = names.map((name) => `${quoteIdent(name)} = pgrst_r.${quoteIdent(name)}`);
  const where = whereSql(ctx, relation, alias, ctx.levels.get("")?.filters ?? []);
  return (
    `update ${table} as ${quoteIdent(alias)} set ${sets.join(", ")} ` +
    `from jsonb_populate_record(null::${table}, ${ctx.params.add(JSON.stringify(body))}::jsonb) as pgrst_r` +
    (where.length > 0 ? ` where ${where.join(" and ")}` : "")
  );
}

export function deleteSql(ctx: BuildContext, relation: Relation, alias: string): string {
  const where = whereSql(ctx, relation, alias, ctx.levels.get("")?.filters ?? []);
  return (
    `delete from ${qualified(relation.schema, relation.name)} as ${quoteIdent(alias)}` +
    (where.length > 0 ? ` where ${where.join(" and ")}` : "")
  );
}

/**
 * `with pgrst_source as (mutation returning …)` and the response over it. With return=minimal
 * nothing is returned from the table, so a role without SELECT rights can still write.
 */
export function wrapMutation(
  ctx: BuildContext,
  mutation: string,
  relation: Relation,
  alias: string,
  mode: ReturnMode,
  items: SelectItem[],
  shape: "array" | "object",
  stripNulls: boolean,
): BuiltRead {
  if (mode === "minimal") {
    return {
      sql: `with pgrst_source as (${mutation} returning 1) select null::bigint as total, count(*) as page, null::text as body from pgrst_source`,
      countableSql: "",
      offset: 0,
    };
  }
  const keyItems: SelectItem[] = relation.primaryKey.map((name) => ({
    kind: "field",
    field: { name, path: [] },
  }));
  return buildRootRead(ctx, {
    withSql: `with pgrst_source as (${mutation} returning ${quoteIdent(alias)}.*)`,
    from: `pgrst_source as ${quoteIdent(alias)}`,
    relation,
    alias,
    items: mode === "headers-only" ? keyItems : items,
    count: false,
    shape: mode === "headers-only" ? "array" : shape,
    stripNulls,
    ownModifiers: false,
  });
}
