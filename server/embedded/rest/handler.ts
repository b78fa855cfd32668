/** One request under /rest/v1: authenticate, plan from the schema cache, run one statement. */
import type { Claims, Database, Queryable } from "../db";
import { BodyError } from "../http";
import type { ClaimsResolver } from "./auth";
import {
  type BuildContext,
  type BuiltRead,
  buildRootRead,
  newContext,
  unknownRelationError,
} from "./build-read";
import { buildRpc, chooseFunction } from "./build-rpc";
import {
  type ReturnMode,
  deleteSql,
  insertColumns,
  insertSql,
  payloadRows,
  updateSql,
  wrapMutation,
} from "./build-write";
import { ApiError, bodyError, fromDatabaseError, parseError } from "./errors";
import { type MediaChoice, negotiate, toCsv } from "./media";
import { parseSelect } from "./parse-select";
import { type Preferences, applyPreference, parsePrefer } from "./prefer";
import { type QueryParams, parseQueryParams } from "./query-params";
import type { Relation, SchemaCache } from "./schema-cache";
import { Params, qualified, quoteIdent } from "./sql";

export interface HandlerDeps {
  db: Database;
  schemas: string[];
  cache(): SchemaCache;
  claims: ClaimsResolver;
}

interface ResultRow {
  total: string | number | bigint | null;
  page: string | number | bigint;
  body: string | null;
}

interface Outcome {
  row: ResultRow;
  total?: number;
}

interface RequestState {
  deps: HandlerDeps;
  request: Request;
  url: URL;
  method: string;
  claims: Claims;
  schema: string;
  prefs: Preferences;
  path: string;
}

class Rollback extends Error {
  constructor(readonly outcome: Outcome) {
    super("rollback requested with Prefer: tx=rollback");
  }
}

export async function handleRequest(deps: HandlerDeps, request: Request, path: string): Promise<Response> {
  let role = "anon";
  try {
    const claims = await deps.claims.resolve(request);
    role = claims.role;
    return await route(deps, request, path, claims);
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse();
    const mapped = fromDatabaseError(error, role);
    if (mapped) return mapped.toResponse();
    throw error;
  }
}

function decodeSegments(path: string): string[] {
  try {
    return path
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    throw parseError("Invalid path specified in request URL");
  }
}

function chooseSchema(request: Request, method: string, schemas: string[]): string {
  const header =
    method === "GET" || method === "HEAD"
      ? request.headers.get("accept-profile")
      : request.headers.get("content-profile");
  const fallback = schemas[0] ?? "public";
  if (!header) return fallback;
  if (!schemas.includes(header)) {
    throw new ApiError(406, "PGRST106", `The schema must be one of the following: ${schemas.join(", ")}`);
  }
  return header;
}

async function route(deps: HandlerDeps, request: Request, path: string, claims: Claims): Promise<Response> {
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  const segments = decodeSegments(path);
  const schema = chooseSchema(request, method, deps.schemas);
  const state: RequestState = {
    deps,
    request,
    url,
    method,
    claims,
    schema,
    prefs: parsePrefer(request.headers),
    path,
  };
  if (segments.length === 0) return rootDocument(state);
  if (segments[0] === "rpc" && segments.length === 2 && segments[1]) return callFunction(state, segments[1]);
  if (segments.length === 1 && segments[0]) return relationRequest(state, segments[0]);
  throw new ApiError(404, "PGRST125", `Invalid path specified in request URL`);
}

function rootDocument(state: RequestState): Response {
  if (state.method !== "GET" && state.method !== "HEAD") throw unsupportedMethod(state.method);
  negotiate(state.request.headers.get("accept"), true);
  const paths: Record<string, object> = { "/": {} };
  for (const name of state.deps.cache().relationNames(state.schema)) paths[`/${name}`] = {};
  for (const name of state.deps.cache().functionNames(state.schema)) paths[`/rpc/${name}`] = {};
  const body = JSON.stringify({
    swagger: "2.0",
    info: { title: "Verkko embedded REST API", version: "1" },
    basePath: "/",
    paths,
  });
  return new Response(state.method === "HEAD" ? null : body, {
    status: 200,
    headers: { "content-type": "application/openapi+json; charset=utf-8" },
  });
}

function unsupportedMethod(method: string): ApiError {
  return new ApiError(405, "PGRST117", `Unsupported HTTP method: ${method}`);
}

async function relationRequest(state: RequestState, name: string): Promise<Response> {
  const cache = state.deps.cache();
  const params = new Params();
  const relation = cache.relation(state.schema, name);
  if (!relation) throw unknownRelationError(newContext(cache, state.schema, params, new Map()), name);
  switch (state.method) {
    case "GET":
    case "HEAD":
      return readRelation(state, relation);
    case "POST":
      return insertRows(state, relation);
    case "PATCH":
    case "DELETE":
      return updateOrDelete(state, relation);
    default:
      throw unsupportedMethod(state.method);
  }
}

function parseRangeHeader(request: Request): { offset: number; limit?: number } | undefined {
  const header = request.headers.get("range");
  if (!header) return undefined;
  const match = /^(?:items=)?\s*(\d{1,15})-(\d{0,15})\s*$/.exec(header);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  if (to !== undefined && to < from) {
    throw new ApiError(416, "PGRST103", "Requested range not satisfiable", null, null, {
      "content-range": "*/*",
    });
  }
  return { offset: from, limit: to === undefined ? undefined : to - from + 1 };
}

function requestSettings(state: RequestState, readOnly: boolean): Record<string, string> {
  const settings: Record<string, string> = {
    "request.method": state.method,
    "request.path": state.path,
    "request.headers": JSON.stringify(Object.fromEntries(state.request.headers)),
  };
  // PostgREST runs GET and HEAD read-only: a function that writes fails with 25006 (405).
  if (readOnly) settings.transaction_read_only = "on";
  return settings;
}

async function run(
  state: RequestState,
  readOnly: boolean,
  work: (tx: Queryable) => Promise<Outcome>,
): Promise<Outcome> {
  const rollback = state.prefs.tx === "rollback";
  if (state.prefs.tx) applyPreference(state.prefs, "tx");
  try {
    return await state.deps.db.transaction(
      state.claims,
      async (tx) => {
        const outcome = await work(tx);
        if (rollback) throw new Rollback(outcome);
        return outcome;
      },
      requestSettings(state, readOnly),
    );
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

function toNumber(value: string | number | bigint | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function singularCheck(media: MediaChoice, page: number): void {
  if (media.kind === "object" && page !== 1) {
    throw new ApiError(
      406,
      "PGRST116",
      "Cannot coerce the result to a single JSON object",
      `The result contains ${page} rows`,
    );
  }
}

async function runRead(
  state: RequestState,
  tx: Queryable,
  built: BuiltRead,
  params: Params,
  media: MediaChoice,
  planned?: () => { sql: string; params: Params },
): Promise<Outcome> {
  const result = await tx.query<ResultRow>(built.sql, params.values);
  const row = result.rows[0] ?? { total: null, page: 0, body: null };
  singularCheck(media, Number(row.page));
  let total = toNumber(row.total);
  if (planned && state.prefs.count === "planned") {
    const plan = planned();
    const explained = await tx.query<{ "QUERY PLAN": unknown }>(`explain (format json) ${plan.sql}`, plan.params.values);
    total = plannedRows(explained.rows[0]?.["QUERY PLAN"]);
  }
  return { row, total };
}

/** The planner's row estimate for the rows under the top aggregate. */
function plannedRows(plan: unknown): number | undefined {
  const document = (typeof plan === "string" ? JSON.parse(plan) : plan) as
    | { Plan?: { "Plan Rows"?: number; Plans?: { "Plan Rows"?: number }[] } }[]
    | undefined;
  const top = document?.[0]?.Plan;
  const rows = top?.Plans?.[0]?.["Plan Rows"] ?? top?.["Plan Rows"];
  return rows === undefined ? undefined : Math.round(rows);
}

function contentRange(offset: number, page: number, total: number | undefined): string {
  const upper = offset + page - 1;
  const range = total !== 0 && page > 0 ? `${offset}-${upper}` : "*";
  return `${range}/${total ?? "*"}`;
}

function readResponse(
  state: RequestState,
  media: MediaChoice,
  outcome: Outcome,
  offset: number,
  options: { ranged: boolean },
): Response {
  const page = Number(outcome.row.page);
  const total = outcome.total;
  const headers: Record<string, string> = { "content-type": contentType(media) };
  let status = 200;
  if (options.ranged) {
    headers["content-range"] = contentRange(offset, page, total);
    if (total !== undefined) {
      if (offset > total) {
        throw new ApiError(
          416,
          "PGRST103",
          "Requested range not satisfiable",
          `An offset of ${offset} was requested, but there are only ${total} rows.`,
          null,
          { "content-range": `*/${total}` },
        );
      }
      if (page < total) status = 206;
    }
  }
  if (state.prefs.count) applyPreference(state.prefs, "count");
  if (state.prefs.applied.length > 0) headers["preference-applied"] = state.prefs.applied.join(", ");
  const body = state.method === "HEAD" ? null : renderBody(media, outcome.row.body);
  return new Response(body, { status, headers });
}

function contentType(media: MediaChoice): string {
  if (media.kind === "csv") return "text/csv; charset=utf-8";
  if (media.kind === "object") return "application/vnd.pgrst.object+json; charset=utf-8";
  return "application/json; charset=utf-8";
}

function renderBody(media: MediaChoice, body: string | null): string {
  const json = body ?? "null";
  return media.kind === "csv" ? toCsv(json) : json;
}

async function readRelation(state: RequestState, relation: Relation): Promise<Response> {
  const media = negotiate(state.request.headers.get("accept"));
  const query = parseQueryParams(state.url.searchParams);
  const items = parseSelect(query.select);
  const range = parseRangeHeader(state.request);
  const count = state.prefs.count === "exact" || state.prefs.count === "estimated";
  const build = (params: Params, forPlan: boolean) =>
    buildRootRead(context(state, params, query), {
      from: `${qualified(relation.schema, relation.name)} as ${quoteIdent(relation.name)}`,
      relation,
      alias: relation.name,
      items,
      count: count && !forPlan,
      shape: media.kind === "object" ? "object" : "array",
      stripNulls: media.stripNulls,
      range,
      unlimited: forPlan,
    });
  const params = new Params();
  const built = build(params, false);
  const planned = () => {
    const planParams = new Params();
    return { sql: build(planParams, true).sql, params: planParams };
  };
  const outcome = await run(state, true, (tx) => runRead(state, tx, built, params, media, planned));
  return readResponse(state, media, outcome, built.offset, { ranged: true });
}

function context(state: RequestState, params: Params, query: QueryParams): BuildContext {
  return newContext(state.deps.cache(), state.schema, params, query.levels);
}

/**
 * Deeper JSON is refused as a bad body: neither JSON.stringify nor Postgres' JSON parser would
 * survive thousands of levels, and no real payload comes near this.
 */
const maxJsonDepth = 256;

/** Nesting depth of a JSON text, counted without recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92) index += 1;
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 93 || char === 125) depth -= 1;
  }
  return deepest;
}

async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  if (jsonDepth(text) > limit) throw new BodyError(`JSON is nested more than ${limit} levels deep`);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("Request body is not valid JSON");
  }
}

async function readBody(request: Request): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "application/json").split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(await request.text()));
  }
  if (type !== "application/json" && type !== "" && type !== "application/vnd.pgrst.object+json") {
    throw new ApiError(415, "PGRST107", `Content-Type not acceptable: ${type}`);
  }
  try {
    return await readJsonBody(request, maxJsonDepth);
  } catch (error) {
    if (error instanceof BodyError) {
      throw bodyError("Empty or invalid json", error.message);
    }
    throw error;
  }
}

function returnMode(state: RequestState): ReturnMode {
  const mode = state.prefs.return ?? "minimal";
  if (state.prefs.return) applyPreference(state.prefs, "return");
  return mode;
}

function writeHeaders(state: RequestState, media: MediaChoice, range: string): Record<string, string> {
  if (state.prefs.count) applyPreference(state.prefs, "count");
  const headers: Record<string, string> = { "content-range": range };
  if (state.prefs.applied.length > 0) headers["preference-applied"] = state.prefs.applied.join(", ");
  headers["content-type"] = contentType(media);
  return headers;
}

async function insertRows(state: RequestState, relation: Relation): Promise<Response> {
  const media = negotiate(state.request.headers.get("accept"));
  const query = parseQueryParams(state.url.searchParams);
  const items = parseSelect(query.select);
  const body = await readBody(state.request);
  if (body === undefined) throw bodyError("Empty or invalid json", "The request body is empty");
  const rows = payloadRows(body);
  const columns = insertColumns(relation, rows, query.columns);
  const params = new Params();
  const ctx = context(state, params, query);
  const mode = returnMode(state);
  const missingDefault = state.prefs.missing === "default";
  if (missingDefault) applyPreference(state.prefs, "missing");
  const resolution = state.prefs.resolution;
  if (resolution) applyPreference(state.prefs, "resolution");
  const mutation = insertSql(ctx, relation, relation.name, {
    rows,
    columns,
    missingDefault,
    upsert: resolution ? { resolution, onConflict: query.onConflict } : undefined,
  });
  const built = wrapMutation(
    ctx,
    mutation,
    relation,
    relation.name,
    mode,
    items,
    media.kind === "object" ? "object" : "array",
    media.stripNulls,
  );
  const outcome = await run(state, false, async (tx) => {
    const result = await tx.query<ResultRow>(built.sql, params.values);
    const row = result.rows[0] ?? { total: null, page: 0, body: null };
    if (mode === "representation") singularCheck(media, Number(row.page));
    return { row };
  });
  const page = Number(outcome.row.page);
  const headers = writeHeaders(state, media, `*/${state.prefs.count ? page : "*"}`);
  if (mode === "headers-only") {
    const location = locationOf(relation, outcome.row.body);
    if (location) headers.location = location;
  }
  const responseBody = mode === "representation" && state.method !== "HEAD" ? renderBody(media, outcome.row.body) : null;
  if (responseBody === null) delete headers["content-type"];
  return new Response(responseBody, { status: 201, headers });
}

function locationOf(relation: Relation, body: string | null): string | undefined {
  if (!body || relation.primaryKey.length === 0) return undefined;
  const rows = JSON.parse(body) as Record<string, unknown>[];
  const first = rows[0];
  if (!first) return undefined;
  const query = relation.primaryKey
    .map((column) => `${encodeURIComponent(column)}=eq.${encodeURIComponent(String(first[column]))}`)
    .join("&");
  return `/${encodeURIComponent(relation.name)}?${query}`;
}

async function updateOrDelete(state: RequestState, relation: Relation): Promise<Response> {
  const media = negotiate(state.request.headers.get("accept"));
  const query = parseQueryParams(state.url.searchParams);
  const items = parseSelect(query.select);
  const params = new Params();
  const ctx = context(state, params, query);
  const mode = returnMode(state);
  let mutation: string | undefined;
  if (state.method === "PATCH") {
    const body = await readBody(state.request);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw bodyError("Empty or invalid json", "The request body must be a JSON object");
    }
    mutation = updateSql(ctx, relation, relation.name, body as Record<string, unknown>);
  } else {
    mutation = deleteSql(ctx, relation, relation.name);
  }
  let outcome: Outcome = { row: { total: null, page: 0, body: "[]" } };
  if (mutation !== undefined) {
    const built = wrapMutation(
      ctx,
      mutation,
      relation,
      relation.name,
      mode === "headers-only" ? "minimal" : mode,
      items,
      media.kind === "object" ? "object" : "array",
      media.stripNulls,
    );
    outcome = await run(state, false, async (tx) => {
      const result = await tx.query<ResultRow>(built.sql, params.values);
      const row = result.rows[0] ?? { total: null, page: 0, body: null };
      singularCheck(mode === "representation" ? media : { kind: "json", stripNulls: false }, Number(row.page));
      const limit = state.prefs.maxAffected;
      if (state.prefs.handling === "strict" && limit !== undefined && Number(row.page) > limit) {
        throw new ApiError(
          400,
          "PGRST124",
          "Query result exceeds max-affected preference constraint",
          `The query affects ${Number(row.page)} rows`,
        );
      }
      return { row };
    });
  }
  const page = Number(outcome.row.page);
  const headers = writeHeaders(state, media, contentRange(0, page, state.prefs.count ? page : undefined));
  if (mode === "representation") {
    return new Response(renderBody(media, outcome.row.body), { status: 200, headers });
  }
  delete headers["content-type"];
  return new Response(null, { status: 204, headers });
}

async function callFunction(state: RequestState, name: string): Promise<Response> {
  const { method } = state;
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    throw new ApiError(405, "PGRST101", "Only GET, HEAD and POST are allowed for functions");
  }
  const cache = state.deps.cache();
  const media = negotiate(state.request.headers.get("accept"));
  const params = new Params();
  let args: Record<string, unknown> = {};
  let query: QueryParams;
  const singleObject = state.prefs.params === "single-object";
  if (singleObject) applyPreference(state.prefs, "params");
  if (method === "POST") {
    query = parseQueryParams(state.url.searchParams);
    const body = await readBody(state.request);
    if (body !== undefined) {
      if (typeof body !== "object" || body === null || (Array.isArray(body) && !singleObject)) {
        throw bodyError("Empty or invalid json", "The arguments must be a JSON object");
      }
      args = body as Record<string, unknown>;
    }
  } else {
    const argumentNames = new Set(
      cache
        .functions(state.schema, name)
        .flatMap((fn) => fn.args.map((arg) => arg.name))
        .filter((argName) => argName !== ""),
    );
    for (const [key, value] of state.url.searchParams) {
      if (argumentNames.has(key)) args[key] = value;
    }
    query = parseQueryParams(state.url.searchParams, argumentNames);
  }
  const ctx = context(state, params, query);
  const chosen = chooseFunction(ctx, name, Array.isArray(args) ? [] : Object.keys(args), {
    singleObject,
    get: method !== "POST",
  });
  const items = parseSelect(query.select);
  const range = method === "POST" ? undefined : parseRangeHeader(state.request);
  const built = buildRpc(
    ctx,
    { fn: chosen.fn, args, singleObject: chosen.singleObject },
    {
      items,
      count: state.prefs.count !== undefined,
      shape: media.kind === "object" ? "object" : "array",
      stripNulls: media.stripNulls,
      range,
    },
  );
  const outcome = await run(state, method !== "POST", async (tx) => {
    const result = await tx.query<ResultRow>(built.sql, params.values);
    const row = result.rows[0] ?? { total: null, page: 0, body: null };
    if (!built.scalar) singularCheck(media, Number(row.page));
    return { row, total: toNumber(row.total) };
  });
  if (chosen.fn.returnsVoid) {
    const headers = writeHeaders(state, media, "*/*");
    delete headers["content-type"];
    return new Response(null, { status: 204, headers });
  }
  if (built.scalar) {
    const headers = writeHeaders(state, media, "*/*");
    if (media.kind === "object") headers["content-type"] = "application/json; charset=utf-8";
    return new Response(method === "HEAD" ? null : (outcome.row.body ?? "null"), { status: 200, headers });
  }
  return readResponse(state, media, outcome, built.offset, { ranged: true });
}
