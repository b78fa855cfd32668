/** Tables, views, columns, keys, relationships and functions of the exposed schemas, from pg_catalog. */
import type { Queryable } from "../db";

export interface Column {
  name: string;
  /** format_type() of the column, e.g. "integer", "text[]", "timestamp with time zone". */
  type: string;
  nullable: boolean;
  /** The default expression as SQL text from the catalog (trusted), or null. */
  defaultSql: string | null;
}

export interface Relation {
  schema: string;
  name: string;
  /** r table, p partitioned, v view, m materialised view, f foreign table, c composite type. */
  kind: string;
  columns: Map<string, Column>;
  columnList: Column[];
  primaryKey: string[];
  /** Column sets of the primary key and unique constraints. */
  uniqueKeys: string[][];
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export type Cardinality = "many-to-one" | "one-to-many" | "one-to-one" | "many-to-many";

/** How `source` reaches `target`: column pairs `source.sourceColumns[i] = target.targetColumns[i]`. */
export interface Relationship {
  cardinality: Cardinality;
  source: Relation;
  target: Relation;
  constraint: string;
  sourceColumns: string[];
  targetColumns: string[];
  /** For many-to-many: source → junction (via sourceColumns = junctionSource) and junction → target. */
  junction?: {
    relation: Relation;
    sourceConstraint: string;
    targetConstraint: string;
    junctionSourceColumns: string[];
    junctionTargetColumns: string[];
  };
}

export interface FunctionArgument {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface FunctionInfo {
  schema: string;
  name: string;
  /** Input arguments in order; unnamed arguments have an empty name. */
  args: FunctionArgument[];
  returnType: string;
  returnsSet: boolean;
  returnsVoid: boolean;
  /** Columns of a composite result (a table's row type, a composite type, OUT/TABLE columns). */
  resultRelation?: Relation;
  volatility: "immutable" | "stable" | "volatile";
}

export interface SchemaCache {
  relation(schema: string, name: string): Relation | undefined;
  relationNames(schema: string): string[];
  relationshipsFrom(source: Relation): Relationship[];
  functions(schema: string, name: string): FunctionInfo[];
  functionNames(schema: string): string[];
}

const relationsSql = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind,
  coalesce(json_agg(json_build_object(
    'name', a.attname,
    'type', format_type(a.atttypid, a.atttypmod),
    'nullable', not a.attnotnull,
    'default', case when a.attidentity in ('a', 'd')
      then format('nextval(%L::regclass)', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
      else pg_get_expr(d.adbin, d.adrelid) end
  ) order by a.attnum) filter (where a.attname is not null), '[]')::text as columns
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
group by n.nspname, c.relname, c.relkind`;

const constraintsSql = `
select con.conname as name, con.contype::text as type, n.nspname as schema, c.relname as table,
  array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as columns,
  fn.nspname as ref_schema, fc.relname as ref_table,
  array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord) as ref_columns
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = con.confrelid
left join pg_namespace fn on fn.oid = fc.relnamespace
where con.contype in ('p', 'u', 'f') and n.nspname = any($1::text[])
order by con.conname`;

const functionsSql = `
select n.nspname as schema, p.proname as name, p.provolatile::text as volatility,
  p.proretset as returns_set, format_type(p.prorettype, null) as return_type,
  p.prorettype = 'void'::regtype as returns_void,
  rn.nspname as result_schema, rc.relname as result_relation,
  p.pronargdefaults as default_count,
  coalesce(p.proargnames, array[]::text[])::text[] as arg_names,
  coalesce(p.proargmodes::text[], array[]::text[]) as arg_modes,
  array(select format_type(t.oid, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
        with ordinality u(oid, ord) join pg_type t on t.oid = u.oid order by u.ord) as arg_types
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
left join pg_class rc on rc.oid = rt.typrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1::text[]) and p.prokind = 'f'`;

interface RelationRow {
  schema: string;
  name: string;
  kind: string;
  columns: string;
}

interface ConstraintRow {
  name: string;
  type: string;
  schema: string;
  table: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
}

interface FunctionRow {
  schema: string;
  name: string;
  volatility: string;
  returns_set: boolean;
  return_type: string;
  returns_void: boolean;
  result_schema: string | null;
  result_relation: string | null;
  default_count: number;
  arg_names: string[];
  arg_modes: string[];
  arg_types: string[];
}

const key = (schema: string, name: string) => `${schema}\u0000${name}`;

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

export async function loadSchemaCache(db: Queryable, schemas: string[]): Promise<SchemaCache> {
  const [relationRows, constraintRows, functionRows] = [
    (await db.query<RelationRow>(relationsSql, [schemas])).rows,
    (await db.query<ConstraintRow>(constraintsSql, [schemas])).rows,
    (await db.query<FunctionRow>(functionsSql, [schemas])).rows,
  ];

  const relations = new Map<string, Relation>();
  for (const row of relationRows) {
    const columnList = (
      JSON.parse(row.columns) as {
        name: string;
        type: string;
        nullable: boolean;
        default: string | null;
      }[]
    ).map((column) => ({
      name: column.name,
      type: column.type,
      nullable: column.nullable,
      defaultSql: column.default,
    }));
    relations.set(key(row.schema, row.name), {
      schema: row.schema,
      name: row.name,
      kind: row.kind,
      columns: new Map(columnList.map((column) => [column.name, column])),
      columnList,
      primaryKey: [],
      uniqueKeys: [],
    });
  }

  const foreignKeys: ForeignKey[] = [];
  for (const row of constraintRows) {
    const relation = relations.get(key(row.schema, row.table));
    if (!relation) continue;
    if (row.type === "p") relation.primaryKey = row.columns;
    if (row.type === "p" || row.type === "u") relation.uniqueKeys.push(row.columns);
    if (row.type === "f" && row.ref_schema && row.ref_table) {
      foreignKeys.push({
        name: row.name,
        schema: row.schema,
        table: row.table,
        columns: row.columns,
        refSchema: row.ref_schema,
        refTable: row.ref_table,
        refColumns: row.ref_columns,
      });
    }
  }

  const relationships = new Map<string, Relationship[]>();
  const addRelationship = (relationship: Relationship) => {
    const from = key(relationship.source.schema, relationship.source.name);
    const list = relationships.get(from) ?? [];
    list.push(relationship);
    relationships.set(from, list);
  };
  for (const fk of foreignKeys) {
    const child = relations.get(key(fk.schema, fk.table));
    const parent = relations.get(key(fk.refSchema, fk.refTable));
    if (!child || !parent) continue;
    const unique = child.uniqueKeys.some((columns) => sameColumns(columns, fk.columns));
    addRelationship({
      cardinality: unique ? "one-to-one" : "many-to-one",
      source: child,
      target: parent,
      constraint: fk.name,
      sourceColumns: fk.columns,
      targetColumns: fk.refColumns,
    });
    addRelationship({
      cardinality: unique ? "one-to-one" : "one-to-many",
      source: parent,
      target: child,
      constraint: fk.name,
      sourceColumns: fk.refColumns,
      targetColumns: fk.columns,
    });
  }
  // A junction table: two foreign keys whose columns are all part of its primary key.
  const byTable = new Map<string, ForeignKey[]>();
  for (const fk of foreignKeys) {
    const list = byTable.get(key(fk.schema, fk.table)) ?? [];
    list.push(fk);
    byTable.set(key(fk.schema, fk.table), list);
  }
  for (const [tableKey, fks] of byTable) {
    const junction = relations.get(tableKey);
    if (!junction || junction.primaryKey.length === 0) continue;
    const inKey = fks.filter((fk) => fk.columns.every((c) => junction.primaryKey.includes(c)));
    for (const first of inKey) {
      for (const second of inKey) {
        if (first === second) continue;
        const source = relations.get(key(first.refSchema, first.refTable));
        const target = relations.get(key(second.refSchema, second.refTable));
        if (!source || !target) continue;
        addRelationship({
          cardinality: "many-to-many",
          source,
          target,
          constraint: `${first.name},${second.name}`,
          sourceColumns: first.refColumns,
          targetColumns: second.refColumns,
          junction: {
            relation: junction,
            sourceConstraint: first.name,
            targetConstraint: second.name,
            junctionSourceColumns: first.columns,
            junctionTargetColumns: second.columns,
          },
        });
      }
    }
  }

  const functions = new Map<string, FunctionInfo[]>();
  for (const row of functionRows) {
    const modes = row.arg_modes.length > 0 ? row.arg_modes : row.arg_types.map(() => "i");
    const inputs: FunctionArgument[] = [];
    const outputs: Column[] = [];
    modes.forEach((mode, index) => {
      const name = row.arg_names[index] ?? "";
      const type = row.arg_types[index] ?? "unknown";
      if (mode === "i" || mode === "b" || mode === "v") {
        inputs.push({ name, type, hasDefault: false });
      }
      if (mode === "o" || mode === "b" || mode === "t") {
        outputs.push({ name, type, nullable: true, defaultSql: null });
      }
    });
    inputs.forEach((argument, index) => {
      argument.hasDefault = index >= inputs.length - row.default_count;
    });
    let resultRelation: Relation | undefined;
    if (row.result_schema && row.result_relation) {
      resultRelation = relations.get(key(row.result_schema, row.result_relation));
    } else if (outputs.length > 0 && row.return_type === "record") {
      resultRelation = {
        schema: row.schema,
        name: row.name,
        kind: "c",
        columns: new Map(outputs.map((column) => [column.name, column])),
        columnList: outputs,
        primaryKey: [],
        uniqueKeys: [],
      };
    }
    const info: FunctionInfo = {
      schema: row.schema,
      name: row.name,
      args: inputs,
      returnType: row.return_type,
      returnsSet: row.returns_set,
      returnsVoid: row.returns_void,
      resultRelation,
      volatility:
        row.volatility === "i" ? "immutable" : row.volatility === "s" ? "stable" : "volatile",
    };
    const list = functions.get(key(row.schema, row.name)) ?? [];
    list.push(info);
    functions.set(key(row.schema, row.name), list);
  }

  return {
    relation: (schema, name) => {
      const relation = relations.get(key(schema, name));
      return relation && relation.kind !== "c" ? relation : undefined;
    },
    relationNames: (schema) =>
      [...relations.values()]
        .filter((relation) => relation.schema === schema && relation.kind !== "c")
        .map((relation) => relation.name),
    relationshipsFrom: (source) => relationships.get(key(source.schema, source.name)) ?? [],
    functions: (schema, name) => functions.get(key(schema, name)) ?? [],
    functionNames: (schema) =>
      [...functions.values()].flat().filter((fn) => fn.schema === schema).map((fn) => fn.name),
  };
}
