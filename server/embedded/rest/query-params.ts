/** Sorts the query string into `select`, and filters/order/limit/offset per embedding level. */
import { parseError } from "./errors";
import { type FilterNode, parseCondition, parseLogic } from "./parse-filters";
import { type OrderTerm, parseOrder } from "./parse-order";
import { parseFieldRef } from "./parse-select";

export interface LevelModifiers {
  filters: FilterNode[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface QueryParams {
  select: string | null;
  /** Keyed by the embedding path joined with "." ("" is the top level). */
  levels: Map<string, LevelModifiers>;
  columns?: string[];
  onConflict?: string[];
}

const reserved = new Set(["select", "columns", "on_conflict"]);

export function level(levels: Map<string, LevelModifiers>, path: string): LevelModifiers {
  let found = levels.get(path);
  if (!found) {
    found = { filters: [], order: [] };
    levels.set(path, found);
  }
  return found;
}

function parseCount(name: string, value: string): number {
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw parseError(`"failed to parse ${name} parameter (${value})" (line 1, column 1)`, "expecting a non-negative integer");
  }
  return Number(value.trim());
}

/** `"a","b"` or `a,b` → ["a", "b"]. */
export function parseColumnList(value: string): string[] {
  return value
    .split(",")
    .map((name) => name.trim())
    .map((name) => (name.startsWith('"') && name.endsWith('"') && name.length >= 2 ? name.slice(1, -1) : name))
    .filter((name) => name !== "");
}

/** `skip` names parameters that are not filters (RPC arguments on GET). */
export function parseQueryParams(search: URLSearchParams, skip: ReadonlySet<string> = new Set()): QueryParams {
  const result: QueryParams = { select: search.get("select"), levels: new Map() };
  level(result.levels, "");
  for (const [key, value] of search) {
    if (skip.has(key)) continue;
    if (key === "columns") {
      result.columns = parseColumnList(value);
      continue;
    }
    if (key === "on_conflict") {
      result.onConflict = parseColumnList(value);
      continue;
    }
    if (reserved.has(key)) continue;
    const segments = key.split(".");
    const last = segments.pop() ?? "";
    let negate = false;
    if ((last === "or" || last === "and") && segments[segments.length - 1] === "not") {
      segments.pop();
      negate = true;
    }
    const path = segments.join(".");
    const modifiers = level(result.levels, path);
    if (last === "order") modifiers.order.push(...parseOrder(value));
    else if (last === "limit") modifiers.limit = parseCount("limit", value);
    else if (last === "offset") modifiers.offset = parseCount("offset", value);
    else if (last === "or" || last === "and") modifiers.filters.push(parseLogic(last, negate, value));
    else {
      if (last === "") throw parseError(`"failed to parse filter (${key})"`, "empty column name");
      // A column name may itself contain "->" JSON paths; dots only separate embedding levels.
      const field = parseFieldRef(last, "filter");
      modifiers.filters.push(parseCondition(field, value));
    }
  }
  return result;
}
