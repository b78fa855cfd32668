/** Calls of `/rpc/fn`: choosing the function by its argument names, then the call's statement. */
import { ApiError } from "./errors";
import { type BuildContext, type BuiltRead, buildRootRead } from "./build-read";
import type { SelectItem } from "./parse-select";
import type { FunctionInfo } from "./schema-cache";
import { qualified, quoteIdent } from "./sql";

export interface RpcCall {
  fn: FunctionInfo;
  /** Named arguments as JSON values, or the whole body for a single json/jsonb parameter. */
  args: Record<string, unknown>;
  singleObject: boolean;
}

function isJsonType(type: string): boolean {
  return type === "json" || type === "jsonb";
}

/** The overload whose argument names fit `names`, per PostgREST's rules; PGRST202/203 otherwise. */
export function chooseFunction(
  ctx: BuildContext,
  name: string,
  names: string[],
  options: { singleObject: boolean; get: boolean },
): { fn: FunctionInfo; singleObject: boolean } {
  const overloads = ctx.cache.functions(ctx.schema, name);
  const fits = overloads.filter((fn) => {
    const inputNames = fn.args.map((arg) => arg.name);
    return (
      names.every((argName) => inputNames.includes(argName)) &&
      fn.args.every((arg) => arg.hasDefault || names.includes(arg.name))
    );
  });
  const single = overloads.filter((fn) => fn.args.length === 1 && isJsonType(fn.args[0]?.type ?? ""));
  if (options.singleObject || (fits.length === 0 && !options.get)) {
    const unnamed = options.singleObject ? single : single.filter((fn) => fn.args[0]?.name === "");
    if (unnamed.length === 1 && unnamed[0]) return { fn: unnamed[0], singleObject: true };
  }
  if (fits.length === 1 && fits[0]) return { fn: fits[0], singleObject: false };
  const signature = `${ctx.schema}.${name}(${[...names].sort().join(", ")})`;
  if (fits.length > 1) {
    throw new ApiError(
      300,
      "PGRST203",
      `Could not choose the best candidate function between: ${fits
        .map((fn) => `${ctx.schema}.${fn.name}(${fn.args.map((arg) => `${arg.name} => ${arg.type}`).join(", ")})`)
        .join(", ")}`,
      null,
      "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    );
  }
  const similar = overloads.length > 0 ? overloads[0] : undefined;
  throw new ApiError(
    404,
    "PGRST202",
    `Could not find the function ${signature} in the schema cache`,
    `Searched for the function ${ctx.schema}.${name} with parameter${names.length === 1 ? "" : "s"} ${
      names.length > 0 ? names.sort().join(", ") : "(none)"
    } or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    similar
      ? `Perhaps you meant to call the function ${ctx.schema}.${similar.name}(${similar.args.map((arg) => arg.name).join(", ")})`
      : null,
  );
}

/** `fn(a := pgrst_args.a, …)` and the FROM items that provide the typed arguments. */
function callSql(ctx: BuildContext, call: RpcCall): { call: string; argsFrom?: string } {
  const name = qualified(call.fn.schema, call.fn.name);
  if (call.singleObject) {
    const type = call.fn.args[0]?.type ?? "json";
    return { call: `${name}(${ctx.params.add(JSON.stringify(call.args))}::${type})` };
  }
  const given = call.fn.args.filter((arg) => arg.name in call.args);
  if (given.length === 0) return { call: `${name}()` };
  const columns = given.map((arg) => `${quoteIdent(arg.name)} ${arg.type}`);
  const named = given.map((arg) => `${quoteIdent(arg.name)} := pgrst_args.${quoteIdent(arg.name)}`);
  // jsonb_to_record gives every argument its declared type, arrays and json included.
  return {
    call: `${name}(${named.join(", ")})`,
    argsFrom: `jsonb_to_record(${ctx.params.add(JSON.stringify(call.args))}::jsonb) as pgrst_args(${columns.join(", ")})`,
  };
}

export interface RpcOptions {
  items: SelectItem[];
  count: boolean;
  shape: "array" | "object";
  stripNulls: boolean;
  range?: { offset: number; limit?: number };
}

export function buildRpc(ctx: BuildContext, call: RpcCall, options: RpcOptions): BuiltRead & { scalar: boolean } {
  const { fn } = call;
  const { call: callExpression, argsFrom } = callSql(ctx, call);
  const from = argsFrom ? ` from ${argsFrom}` : "";
  if (fn.returnsVoid) {
    return {
      sql: `select null::bigint as total, count(*) as page, null::text as body from (select ${callExpression}${from}) as pgrst_t`,
      countableSql: "",
      offset: 0,
      scalar: true,
    };
  }
  if (fn.resultRelation) {
    const alias = fn.name;
    const source = argsFrom
      ? `${argsFrom} cross join lateral ${callExpression} as pgrst_call`
      : `${callExpression} as pgrst_call`;
    // The result is computed once (a CTE), so a count does not call the function again.
    const read = buildRootRead(ctx, {
      withSql: `with pgrst_source as (select pgrst_call.* from ${source})`,
      from: `pgrst_source as ${quoteIdent(alias)}`,
      relation: fn.resultRelation,
      alias,
      items: options.items,
      count: options.count,
      shape: fn.returnsSet ? options.shape : "object",
      stripNulls: options.stripNulls,
      range: options.range,
    });
    return { ...read, scalar: !fn.returnsSet };
  }
  if (fn.returnsSet) {
    const source = argsFrom
      ? `${argsFrom} cross join lateral ${callExpression} as pgrst_call(value)`
      : `${callExpression} as pgrst_call(value)`;
    const total = options.count ? "(select count(*) from pgrst_source)" : "null::bigint";
    return {
      sql: `with pgrst_source as (select pgrst_call.value from ${source}) select ${total} as total, count(*) as page, coalesce(json_agg(pgrst_t.value), '[]'::json)::text as body from pgrst_source as pgrst_t`,
      countableSql: "",
      offset: 0,
      scalar: false,
    };
  }
  return {
    sql: `select null::bigint as total, 1 as page, to_json(${callExpression})::text as body${from}`,
    countableSql: "",
    offset: 0,
    scalar: true,
  };
}
