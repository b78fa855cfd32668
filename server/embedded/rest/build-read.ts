/**
 * SELECT statements in PostgREST's shape: the response body is built in SQL with json_agg over
 * a subquery, and embedded resources are lateral subqueries, so output is the same on every
 * Postgres.
 */
import { ApiError, closest, parseError } from "./errors";
import { type Condition, type FilterNode, parseList, splitTopLevel, unquote } from "./parse-filters";
import type { OrderTerm } from "./parse-order";
import type { FieldRef, SelectItem } from "./parse-select";
import type { LevelModifiers } from "./query-params";
import type { Relation, Relationship, SchemaCache } from "./schema-cache";
import { type Params, arrayLiteral, qualified, quoteIdent } from "./sql";

export interface BuildContext {
  cache: SchemaCache;
  schema: string;
  params: Params;
  levels: Map<string, LevelModifiers>;
  /** Embedding paths that appear in `select`, to reject filters on anything else (PGRST108). */
  embedPaths: Set<string>;
  aliasCounter: number;
}

interface Join {
  sql: string;
  /** Inner joins and joins a filter refers to must also be part of the count. */
  neededForCount: boolean;
}

interface EmbedInfo {
  name: string;
  outputName: string;
  lateral: string;
  relationship: Relationship;
  toOne: boolean;
  join: Join;
}

export interface Level {
  selectList: string[];
  outputNames: string[];
  joins: Join[];
  where: string[];
  orderBy: string[];
  limit?: number;
  offset?: number;
}

const comparison: Record<string, string> = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "like",
  ilike: "ilike",
  match: "~",
  imatch: "~*",
  cs: "@>",
  cd: "<@",
  ov: "&&",
  sl: "<<",
  sr: ">>",
  nxr: "&<",
  nxl: "&>",
  adj: "-|-",
};

const textSearchFunctions: Record<string, string> = {
  fts: "to_tsquery",
  plfts: "plainto_tsquery",
  phfts: "phraseto_tsquery",
  wfts: "websearch_to_tsquery",
};

export function newContext(
  cache: SchemaCache,
  schema: string,
  params: Params,
  levels: Map<string, LevelModifiers>,
): BuildContext {
  return { cache, schema, params, levels, embedPaths: new Set(), aliasCounter: 0 };
}

export function columnError(relation: Relation, name: string): ApiError {
  const suggestion = closest(name, relation.columns.keys());
  return new ApiError(
    400,
    "42703",
    `column ${relation.name}.${name} does not exist`,
    null,
    suggestion ? `Perhaps you meant to reference the column "${relation.name}.${suggestion}".` : null,
  );
}

export function fieldSql(ctx: BuildContext, relation: Relation, alias: string, field: FieldRef): string {
  if (!relation.columns.has(field.name)) throw columnError(relation, field.name);
  let sql = `${quoteIdent(alias)}.${quoteIdent(field.name)}`;
  for (const step of field.path) {
    const key = /^-?\d+$/.test(step.key)
      ? `${ctx.params.add(step.key)}::int`
      : `${ctx.params.add(step.key)}::text`;
    sql = `${sql}${step.arrow}${key}`;
  }
  return sql;
}

function listValues(value: string): string[] {
  const trimmed = value.trim();
  if (/^[({].*[)}]$/s.test(trimmed)) {
    const inner = trimmed.slice(1, -1);
    return inner.trim() === "" ? [] : splitTopLevel(inner).map((item) => unquote(item.trim()));
  }
  return [unquote(trimmed)];
}

function conditionSql(ctx: BuildContext, relation: Relation, alias: string, condition: Condition): string {
  const column = relation.columns.get(condition.field.name);
  const lhs = fieldSql(ctx, relation, alias, condition.field);
  const { operator } = condition;
  const isLike = operator === "like" || operator === "ilike";
  let sql: string;
  if (operator === "in") {
    sql = `${lhs} = any(${ctx.params.add(arrayLiteral(parseList(condition.value)))})`;
  } else if (operator === "is") {
    const value = condition.value.toLowerCase();
    sql = `${lhs} is ${value === "not_null" ? "not null" : value}`;
  } else if (operator === "isdistinct") {
    sql = `${lhs} is distinct from ${ctx.params.add(condition.value)}`;
  } else if (operator in textSearchFunctions) {
    const config = condition.config ? `${ctx.params.add(condition.config)}::regconfig, ` : "";
    const isVector = column?.type === "tsvector" && condition.field.path.length === 0;
    const vector = isVector ? lhs : `to_tsvector(${config}${lhs})`;
    sql = `${vector} @@ ${textSearchFunctions[operator]}(${config}${ctx.params.add(condition.value)})`;
  } else if (condition.quantifier) {
    let values = listValues(condition.value);
    if (isLike) values = values.map((value) => value.replaceAll("*", "%"));
    sql = `${lhs} ${comparison[operator]} ${condition.quantifier}(${ctx.params.add(arrayLiteral(values))})`;
  } else {
    let value = condition.value;
    if (isLike) value = value.replaceAll("*", "%");
    // PostgREST accepts `ov.(1,2)` for arrays as well as the `{1,2}` literal.
    if ((operator === "ov" || operator === "cs" || operator === "cd") && /^\(.*\)$/s.test(value)) {
      value = arrayLiteral(parseList(value));
    }
    sql = `${lhs} ${comparison[operator]} ${ctx.params.add(value)}`;
  }
  return condition.negate ? `not (${sql})` : sql;
}

function filterSql(
  ctx: BuildContext,
  relation: Relation,
  alias: string,
  node: FilterNode,
  embeds: EmbedInfo[],
): string {
  if (node.kind === "logic") {
    const children = node.children.map((child) => filterSql(ctx, relation, alias, child, embeds));
    const sql = `(${children.join(` ${node.operator} `)})`;
    return node.negate ? `not ${sql}` : sql;
  }
  const embed =
    node.field.path.length === 0 && !relation.columns.has(node.field.name)
      ? embeds.find((candidate) => candidate.outputName === node.field.name)
      : undefined;
  if (embed) {
    const value = node.value.toLowerCase();
    if (node.operator !== "is" || (value !== "null" && value !== "not_null")) {
      throw new ApiError(
        400,
        "PGRST120",
        `Bad operator on the '${embed.outputName}' embedded resource`,
        "Only is null or not is null filters are allowed on embedded resources",
      );
    }
    embed.join.neededForCount = true;
    const isNull = (value === "null") !== node.negate;
    return `${quoteIdent(embed.lateral)}.body is ${isNull ? "" : "not "}null`;
  }
  return conditionSql(ctx, relation, alias, node);
}

/** The WHERE conditions of one level (its own filters only). */
export function whereSql(
  ctx: BuildContext,
  relation: Relation,
  alias: string,
  filters: FilterNode[],
  embeds: EmbedInfo[] = [],
): string[] {
  return filters.map((node) => filterSql(ctx, relation, alias, node, embeds));
}

export function resolveRelationship(
  ctx: BuildContext,
  source: Relation,
  name: string,
  hint: string | undefined,
): Relationship {
  const all = ctx.cache.relationshipsFrom(source).filter((r) => r.target.name === name);
  let candidates = all;
  if (hint !== undefined) {
    const single = (columns: string[]) => columns.length === 1 && columns[0] === hint;
    const byName = all.filter(
      (r) =>
        r.constraint === hint ||
        r.junction?.relation.name === hint ||
        r.junction?.sourceConstraint === hint ||
        r.junction?.targetConstraint === hint,
    );
    const bySource = all.filter((r) => !r.junction && single(r.sourceColumns));
    const byTarget = all.filter((r) => !r.junction && single(r.targetColumns));
    candidates = byName.length > 0 ? byName : bySource.length > 0 ? bySource : byTarget;
  }
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  if (candidates.length === 0) {
    const suggestion = closest(
      name,
      ctx.cache.relationshipsFrom(source).map((r) => r.target.name),
    );
    throw new ApiError(
      400,
      "PGRST200",
      `Could not find a relationship between '${source.name}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${source.name}' and '${name}'${
        hint === undefined ? "" : ` using the hint '${hint}'`
      } in the schema '${ctx.schema}', but no matches were found.`,
      suggestion
        ? `Perhaps you meant '${suggestion}' instead of '${name}'.`
        : null,
    );
  }
  throw new ApiError(
    300,
    "PGRST201",
    `Could not embed because more than one relationship was found for '${source.name}' and '${name}'`,
    candidates.map((r) => ({
      cardinality: r.cardinality,
      embedding: `${source.name} with ${name}`,
      relationship: r.junction
        ? `${r.junction.relation.name} using ${r.junction.sourceConstraint} and ${r.junction.targetConstraint}`
        : `${r.constraint} using ${source.name}(${r.sourceColumns.join(", ")}) and ${name}(${r.targetColumns.join(", ")})`,
    })),
    `Try changing '${name}' to one of the following: ${candidates
      .map((r) => `'${name}!${r.junction ? r.junction.relation.name : r.constraint}'`)
      .join(", ")}. Find the desired relationship in the 'details' key.`,
  );
}

function isToOne(relationship: Relationship): boolean {
  return relationship.cardinality === "many-to-one" || relationship.cardinality === "one-to-one";
}

function buildEmbed(
  ctx: BuildContext,
  parent: Relation,
  parentAlias: string,
  item: Extract<SelectItem, { kind: "embed" }>,
  path: string,
): { embed: EmbedInfo; selectList: string[]; outputNames: string[] } {
  const relationship = resolveRelationship(ctx, parent, item.name, item.hint);
  const outputName = item.alias ?? item.name;
  const childPath = path ? `${path}.${outputName}` : outputName;
  ctx.embedPaths.add(childPath);
  ctx.aliasCounter += 1;
  const childAlias = `pgrst_${ctx.aliasCounter}`;
  const lateral = `pgrst_l${ctx.aliasCounter}`;
  const child = buildLevel(ctx, relationship.target, childAlias, item.items, childPath);
  const toOne = isToOne(relationship);
  if (item.spread && !toOne) {
    throw new ApiError(
      400,
      "PGRST119",
      `A spread operation on '${item.name}' is not possible`,
      `'${parent.name}' and '${item.name}' do not form a many-to-one or one-to-one relationship`,
    );
  }
  const conditions: string[] = [];
  let junctionJoin = "";
  const junction = relationship.junction;
  if (junction) {
    const junctionAlias = `${childAlias}_j`;
    const on = junction.junctionTargetColumns.map(
      (column, index) =>
        `${quoteIdent(junctionAlias)}.${quoteIdent(column)} = ${quoteIdent(childAlias)}.${quoteIdent(relationship.targetColumns[index] ?? "")}`,
    );
    junctionJoin = ` join ${qualified(junction.relation.schema, junction.relation.name)} as ${quoteIdent(junctionAlias)} on ${on.join(" and ")}`;
    junction.junctionSourceColumns.forEach((column, index) => {
      conditions.push(
        `${quoteIdent(junctionAlias)}.${quoteIdent(column)} = ${quoteIdent(parentAlias)}.${quoteIdent(relationship.sourceColumns[index] ?? "")}`,
      );
    });
  } else {
    relationship.sourceColumns.forEach((column, index) => {
      conditions.push(
        `${quoteIdent(childAlias)}.${quoteIdent(relationship.targetColumns[index] ?? "")} = ${quoteIdent(parentAlias)}.${quoteIdent(column)}`,
      );
    });
  }
  const inner = selectSql({
    selectList: child.selectList,
    from: `${qualified(relationship.target.schema, relationship.target.name)} as ${quoteIdent(childAlias)}${junctionJoin}`,
    joins: child.joins.map((join) => join.sql),
    where: [...conditions, ...child.where],
    orderBy: child.orderBy,
    limit: child.limit,
    offset: child.offset,
    params: ctx.params,
  });
  const aggregate = toOne ? "row_to_json(pgrst_x)" : "json_agg(pgrst_x)";
  const isInner = item.joinType === "inner";
  const on = isInner && !toOne ? `${quoteIdent(lateral)}.body is not null` : "true";
  const join: Join = {
    sql: `${isInner ? "inner" : "left"} join lateral (select ${aggregate} as body from (${inner}) as pgrst_x) as ${quoteIdent(lateral)} on ${on}`,
    neededForCount: isInner,
  };
  const embed: EmbedInfo = { name: item.name, outputName, lateral, relationship, toOne, join };
  if (item.spread) {
    return {
      embed,
      selectList: child.outputNames.map(
        (name) => `${quoteIdent(lateral)}.body -> ${ctx.params.add(name)}::text as ${quoteIdent(name)}`,
      ),
      outputNames: child.outputNames,
    };
  }
  // An empty embed (`projects!inner()`) only filters; PostgREST leaves it out of the output.
  if (item.items.length === 0) return { embed, selectList: [], outputNames: [] };
  const value = toOne
    ? `${quoteIdent(lateral)}.body`
    : `coalesce(${quoteIdent(lateral)}.body, '[]'::json)`;
  return { embed, selectList: [`${value} as ${quoteIdent(outputName)}`], outputNames: [outputName] };
}

function orderSql(
  ctx: BuildContext,
  relation: Relation,
  alias: string,
  term: OrderTerm,
  embeds: EmbedInfo[],
): string {
  let expression: string;
  if (term.relation !== undefined) {
    const relationName = term.relation;
    const embed = embeds.find((candidate) => candidate.outputName === relationName);
    const relationship = embed?.relationship ?? resolveRelationship(ctx, relation, relationName, undefined);
    if (!isToOne(relationship)) {
      throw new ApiError(
        400,
        "PGRST118",
        `A related order on '${relationName}' is not possible`,
        `'${relation.name}' and '${relationName}' do not form a many-to-one or one-to-one relationship`,
      );
    }
    ctx.aliasCounter += 1;
    const orderAlias = `pgrst_o${ctx.aliasCounter}`;
    const column = fieldSql(ctx, relationship.target, orderAlias, term.field);
    const join = relationship.sourceColumns.map(
      (source, index) =>
        `${quoteIdent(orderAlias)}.${quoteIdent(relationship.targetColumns[index] ?? "")} = ${quoteIdent(alias)}.${quoteIdent(source)}`,
    );
    expression = `(select ${column} from ${qualified(relationship.target.schema, relationship.target.name)} as ${quoteIdent(orderAlias)} where ${join.join(" and ")})`;
  } else {
    expression = fieldSql(ctx, relation, alias, term.field);
  }
  const direction = term.direction ? ` ${term.direction}` : "";
  const nulls = term.nulls ? ` nulls ${term.nulls}` : "";
  return `${expression}${direction}${nulls}`;
}

/** Builds one level of a read: its select list, embedded joins, filters, order and range. */
export function buildLevel(
  ctx: BuildContext,
  relation: Relation,
  alias: string,
  items: SelectItem[],
  path: string,
  options: { ownModifiers?: boolean } = {},
): Level {
  const selectList: string[] = [];
  const outputNames: string[] = [];
  const embeds: EmbedInfo[] = [];
  for (const item of items) {
    if (item.kind === "star") {
      selectList.push(`${quoteIdent(alias)}.*`);
      outputNames.push(...relation.columnList.map((column) => column.name));
    } else if (item.kind === "field") {
      let sql = fieldSql(ctx, relation, alias, item.field);
      if (item.cast) sql = `(${sql})::${item.cast}`;
      const lastKey = item.field.path[item.field.path.length - 1]?.key;
      const name = item.alias ?? lastKey ?? item.field.name;
      selectList.push(`${sql} as ${quoteIdent(name)}`);
      outputNames.push(name);
    } else {
      const built = buildEmbed(ctx, relation, alias, item, path);
      embeds.push(built.embed);
      selectList.push(...built.selectList);
      outputNames.push(...built.outputNames);
    }
  }
  const level: Level = {
    selectList,
    outputNames,
    joins: embeds.map((embed) => embed.join),
    where: [],
    orderBy: [],
  };
  if (options.ownModifiers === false) return level;
  const modifiers = ctx.levels.get(path);
  if (modifiers) {
    level.where = whereSql(ctx, relation, alias, modifiers.filters, embeds);
    level.orderBy = modifiers.order.map((term) => orderSql(ctx, relation, alias, term, embeds));
    level.limit = modifiers.limit;
    level.offset = modifiers.offset;
  }
  return level;
}

export function selectSql(parts: {
  selectList: string[];
  from: string;
  joins: string[];
  where: string[];
  orderBy?: string[];
  limit?: number;
  offset?: number;
  params: Params;
}): string {
  let sql = `select ${parts.selectList.length > 0 ? parts.selectList.join(", ") : ""} from ${parts.from}`;
  if (parts.joins.length > 0) sql += ` ${parts.joins.join(" ")}`;
  if (parts.where.length > 0) sql += ` where ${parts.where.join(" and ")}`;
  if (parts.orderBy && parts.orderBy.length > 0) sql += ` order by ${parts.orderBy.join(", ")}`;
  if (parts.limit !== undefined) sql += ` limit ${parts.params.add(String(parts.limit))}::bigint`;
  if (parts.offset !== undefined && parts.offset > 0) {
    sql += ` offset ${parts.params.add(String(parts.offset))}::bigint`;
  }
  return sql;
}

/** Rejects filters and modifiers for embedded resources that `select` does not name. */
export function checkEmbedPaths(ctx: BuildContext): void {
  for (const path of ctx.levels.keys()) {
    if (path !== "" && !ctx.embedPaths.has(path)) {
      throw new ApiError(
        400,
        "PGRST108",
        `'${path}' is not an embedded resource in this request`,
        null,
        `Verify that '${path}' is included in the 'select' query parameter.`,
      );
    }
  }
}

export type ResponseShape = "array" | "object";

export interface RootRead {
  /** FROM item of the top level, e.g. `"public"."tasks" as "tasks"`. */
  from: string;
  /** A WITH clause the statement starts with (RPC results, mutation results). */
  withSql?: string;
  relation: Relation;
  alias: string;
  items: SelectItem[];
  count: boolean;
  shape: ResponseShape;
  stripNulls: boolean;
  /** Range from the Range header, intersected with limit/offset. */
  range?: { offset: number; limit?: number };
  /** False for mutation results: their filters were applied by the mutation itself. */
  ownModifiers?: boolean;
  /** Ignore limit, offset and range (for the planner's estimate of all matching rows). */
  unlimited?: boolean;
}

export interface BuiltRead {
  sql: string;
  /** `select 1 …` over the same rows without range, for `count=planned` (EXPLAIN). */
  countableSql: string;
  offset: number;
}

/** The whole statement: total count (when asked), page size and the JSON body in one row. */
export function buildRootRead(ctx: BuildContext, read: RootRead): BuiltRead {
  const level = buildLevel(ctx, read.relation, read.alias, read.items, "", {
    ownModifiers: read.ownModifiers,
  });
  checkEmbedPaths(ctx);
  let offset = read.unlimited ? 0 : (level.offset ?? 0);
  let limit = read.unlimited ? undefined : level.limit;
  if (read.range && !read.unlimited) {
    const upper = limit === undefined ? undefined : offset + limit;
    const rangeUpper = read.range.limit === undefined ? undefined : read.range.offset + read.range.limit;
    offset = Math.max(offset, read.range.offset);
    const end = upper === undefined ? rangeUpper : rangeUpper === undefined ? upper : Math.min(upper, rangeUpper);
    limit = end === undefined ? undefined : Math.max(0, end - offset);
  }
  const countJoins = level.joins.filter((join) => join.neededForCount).map((join) => join.sql);
  const countableSql = selectSql({
    selectList: ["1"],
    from: read.from,
    joins: countJoins,
    where: level.where,
    params: ctx.params,
  });
  const page = selectSql({
    selectList: level.selectList,
    from: read.from,
    joins: level.joins.map((join) => join.sql),
    where: level.where,
    orderBy: level.orderBy,
    limit,
    offset,
    params: ctx.params,
  });
  let body =
    read.shape === "object"
      ? "(json_agg(pgrst_t) -> 0)"
      : "coalesce(json_agg(pgrst_t), '[]'::json)";
  if (read.stripNulls) body = `json_strip_nulls(${body})`;
  const total = read.count ? `(select count(*) from (${countableSql}) as pgrst_c)` : "null::bigint";
  const prefix = read.withSql ? `${read.withSql} ` : "";
  return {
    sql: `${prefix}select ${total} as total, count(*) as page, ${body}::text as body from (${page}) as pgrst_t`,
    countableSql: `${prefix}${countableSql}`,
    offset,
  };
}

export function unknownRelationError(ctx: BuildContext, name: string): ApiError {
  const suggestion = closest(name, ctx.cache.relationNames(ctx.schema));
  return new ApiError(
    404,
    "PGRST205",
    `Could not find the table '${ctx.schema}.${name}' in the schema cache`,
    null,
    suggestion ? `Perhaps you meant the table '${ctx.schema}.${suggestion}'` : null,
  );
}

export { parseError };
