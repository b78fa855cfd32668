/**
 * Property-based fuzzing of the embedded REST API (PostgREST's query strings, headers and JSON
 * bodies). Whatever a client sends, the API answers within a few seconds, never with a 5xx, with
 * PostgREST's JSON error body on a 4xx, and runs only the statement the request intended: no
 * second statement, no SQL smuggled in through a name or a value, no write on a read, no DDL, no
 * role the caller does not hold. A canary table and an event trigger in the database (see
 * tests/helpers/fixtures/fuzz.sql) catch anything that slips past the statement recorder.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signJwt } from "../../server/embedded/jwt";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { availableBackends } from "../helpers/databases";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../helpers/embedded-stack";
import { type BodySpec, functionCall, jsonBody, materializeBody } from "../helpers/fuzz/bodies";
import {
  type ForgedToken,
  entitledRole,
  mintToken,
  mustBeRefused,
} from "../helpers/fuzz/forged-tokens";
import {
  type Caller,
  caller,
  contentTypeHeader,
  forgedToken,
  preferHeader,
  restHeaders,
  sometimes,
} from "../helpers/fuzz/headers";
import {
  type QueryPair,
  encodeQuery,
  filterPairs,
  queryEncoding,
  queryPairs,
  writeOptionPairs,
} from "../helpers/fuzz/query-grammar";
import { BigText, breakouts } from "../helpers/fuzz/text";
import {
  type RequestIntent,
  type StatementLog,
  StatementRecorder,
  injectionMarker,
  unintendedStatement,
} from "../helpers/statement-guard";

const fixtureSql = readFileSync(new URL("../helpers/fixtures/fuzz.sql", import.meta.url), "utf8");

/** Longer than any sound answer takes on either backend; reaching it counts as a hang. */
const requestTimeoutMs = 5_000;
/** Stops shrinking a failure that hangs every retry; the counterexample so far is reported. */
const propertyTimeLimitMs = 60_000;
const testTimeoutMs = 180_000;

/**
 * `npm test` fuzzes with a fixed seed so that a red run always means a regression;
 * `npm run test:fuzz` (VERKKO_FUZZ_SEED=random) explores new inputs, and a number replays a run.
 * See docs/decisions/009-deterministic-fuzzing.md.
 */
function fuzzSeed(): number | undefined {
  const configured = process.env.VERKKO_FUZZ_SEED ?? "20251124";
  if (configured === "random") return undefined;
  const seed = Number(configured);
  if (!Number.isInteger(seed)) throw new Error(`VERKKO_FUZZ_SEED must be an integer or "random"`);
  return seed;
}

type Method = "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A request as generated, readable in a counterexample: credentials are named, not spelled out. */
interface FuzzRequest {
  method: Method;
  /** Path and query after /rest/v1/, exactly as sent. */
  target: string;
  caller: Caller | null;
  headers: Record<string, string>;
  body?: BodySpec;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  log: StatementLog;
}

interface Snapshot {
  guardLog: string[];
  canary: string;
  groups: string;
  items: Record<string, string>;
}

class PropertyViolation extends Error {}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PropertyViolation(`${what} took longer than ${requestTimeoutMs} ms`)),
      requestTimeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function excerpt(text: string, length = 600): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
}

/**
 * PostgreSQL's "program limit exceeded" class (`54000` word is too long, `54001` stack depth
 * limit exceeded): PostgREST answers these with 500 (PostgREST issue #3255; Supabase's table of
 * error codes lists `54*` as 500), so a hostile input may earn one. Any other 5xx is a fault.
 */
const documentedServerErrors = /^54[0-9A-Z]{3}$/;

/** Why a response is not one PostgREST could give, or undefined. */
function responseProblem(method: Method, answer: Answer): string | undefined {
  let parsed: unknown;
  if (/json/i.test(answer.contentType) && answer.text !== "") {
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      return `a body that is not the JSON its content-type (${answer.contentType}) promises`;
    }
  }
  const error = parsed as { code?: unknown; message?: unknown } | undefined;
  if (answer.status >= 500) {
    const code = typeof error?.code === "string" ? error.code : "";
    if (answer.status !== 500 || !documentedServerErrors.test(code)) {
      return `status ${answer.status}`;
    }
  }
  if (method === "HEAD") return undefined;
  if (answer.status >= 400) {
    if (typeof error?.code !== "string" || typeof error.message !== "string") {
      return `a ${answer.status} without PostgREST's {code, message} error body`;
    }
  }
  return undefined;
}

function sameItems(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The arguments of a GET rpc: text as is, arrays as Postgres array literals, the rest as JSON. */
function queryArgument(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `{${value.map((item) => String(item)).join(",")}}`;
  return JSON.stringify(value) ?? "";
}

class GuardProbe extends Error {
  constructor(readonly sources: string[]) {
    super("guard probe rolled back");
  }
}

describe.each(availableBackends())("the REST API under fuzzing on %s", (backend) => {
  const recorder = new StatementRecorder();
  let stack: EmbeddedStack;
  let tokens: Record<Caller, string>;
  let pristine: Snapshot;
  /** How many requests of the current property got as far as a statement. */
  let coverage = { requests: 0, reachedDatabase: 0 };
  /**
   * The request after which the database answered with an internal error (SQLSTATE class XX).
   * Its state is not trusted from then on: PGlite, after one such answer to an over-long regular
   * expression, spins forever on the next, blocking the thread so no timeout can report it.
   */
  let brokenBy: string | undefined;

  async function openStack(): Promise<void> {
    stack = await startEmbeddedStack(backend, {
      setupSql: fixtureSql,
      wrapDatabase: recorder.wrap,
    });
    const user = { sub: randomUUID(), role: "authenticated", aud: "authenticated" };
    tokens = {
      anon: stack.embedded.keys.anonKey,
      authenticated: await signJwt(user, developmentJwtSecret, 3600),
      service_role: stack.embedded.keys.serviceRoleKey,
    };
    pristine = await snapshot();
    recorder.take();
    brokenBy = undefined;
  }

  beforeAll(openStack);

  // One internal error fails one property, not every one after it: the next starts afresh.
  beforeEach(async () => {
    if (brokenBy === undefined) return;
    await withTimeout(stack.close(), "closing the distrusted database").catch(() => undefined);
    await openStack();
  });

  afterAll(() => stack?.close());

  async function snapshot(): Promise<Snapshot> {
    const { rows } = await stack.db.query<{ state: Snapshot | string }>(`
      select json_build_object(
        'guardLog', coalesce(
          (select json_agg(source || ': ' || detail order by id) from fuzz_guard.guard_log), '[]'),
        'canary', (select md5(string_agg(c::text, '|' order by id)) from public.canary as c),
        'groups', (select md5(string_agg(g::text, '|' order by id)) from public.fuzz_groups as g),
        'items', coalesce(
          (select json_object_agg(i.id, md5(i::text)) from public.fuzz_items as i), '{}')
      ) as state`);
    const state = rows[0]?.state;
    if (state === undefined) throw new Error("the guard's snapshot query returned no row");
    return typeof state === "string" ? (JSON.parse(state) as Snapshot) : state;
  }

  async function restoreItems(): Promise<void> {
    await withTimeout(stack.db.query("select fuzz_guard.restore_items()"), "restoring fuzz_items");
  }

  function describeRequest(request: FuzzRequest, body: string | Uint8Array | undefined): string {
    const credentials = request.caller ? { credentials: request.caller } : {};
    const headers = JSON.stringify({ ...request.headers, ...credentials });
    const shownBody =
      body === undefined
        ? ""
        : `\n  body: ${typeof body === "string" ? excerpt(body, 300) : `${body.length} bytes`}`;
    return `${request.method} /rest/v1/${excerpt(request.target, 300)}\n  headers: ${headers}${shownBody}`;
  }

  /** Sends one request through the in-process fetch and reads the whole answer, or times out. */
  async function send(
    request: FuzzRequest,
    body: string | Uint8Array<ArrayBuffer> | undefined,
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.caller) {
      headers.apikey ??= tokens.anon;
      headers.authorization ??= `Bearer ${tokens[request.caller]}`;
    }
    // As supabase-js does; fetch would otherwise label a string body text/plain.
    if (body !== undefined) headers["content-type"] ??= "application/json";
    recorder.take();
    const response = await withTimeout(
      stack.embedded.fetch(`${stackUrl}/rest/v1/${request.target}`, {
        method: request.method,
        headers,
        body,
      }),
      "the response",
    );
    const text = await withTimeout(response.text(), "the response body");
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text,
      log: recorder.take(),
    };
  }

  /**
   * Sends the request and checks everything every answer must satisfy; returns the answer for
   * the property's own checks. `roles` are the roles the credentials entitle the caller to.
   */
  async function exercise(
    request: FuzzRequest,
    expectation: {
      intent: RequestIntent;
      roles: readonly string[];
      /** True for reads: fuzz_items must be exactly as before. */
      itemsUnchanged: boolean;
      extraCheck?: (answer: Answer) => string | undefined;
    },
  ): Promise<Answer> {
    const body =
      request.body === undefined || request.method === "GET" || request.method === "HEAD"
        ? undefined
        : materializeBody(request.body);
    const fail = (problem: string, answer?: Answer): never => {
      const seen = answer
        ? `\n  answered ${answer.status} (${answer.contentType}): ${excerpt(answer.text)}`
        : "";
      throw new PropertyViolation(
        `${problem}\n  request: ${describeRequest(request, body)}${seen}`,
      );
    };
    if (brokenBy) {
      fail(`not sent: the database answered an internal error earlier, after ${brokenBy}`);
    }
    let answer: Answer;
    try {
      answer = await send(request, body);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    if (/"code":"XX[0-9A-Z]{3}"/.test(answer.text)) {
      brokenBy = `${describeRequest(request, body)}\n  which was answered ${excerpt(answer.text)}`;
    }
    coverage.requests += 1;
    if (answer.log.statements.length > 0) coverage.reachedDatabase += 1;
    const problem =
      responseProblem(request.method, answer) ??
      unintendedStatement(answer.log, expectation.intent, expectation.roles) ??
      expectation.extraCheck?.(answer);
    if (problem) fail(problem, answer);

    const after = await withTimeout(snapshot(), "the guard's check after the request");
    if (after.guardLog.length > 0) fail(`the guard logged ${after.guardLog.join("; ")}`, answer);
    if (after.canary !== pristine.canary) fail("the canary table changed", answer);
    if (after.groups !== pristine.groups) fail("fuzz_groups changed", answer);
    if (expectation.itemsUnchanged && !sameItems(after.items, pristine.items)) {
      fail("fuzz_items changed on a read", answer);
    }
    return answer;
  }

  /**
   * Runs a property, then checks that enough of its requests reached the database: a grammar
   * the API rejects wholesale would pass every run and prove nothing.
   */
  async function runProperty<T>(
    arbitrary: fc.Arbitrary<T>,
    options: { numRuns: number; minReachingDatabase: number; examples?: T[] },
    predicate: (value: T) => Promise<void>,
  ): Promise<void> {
    coverage = { requests: 0, reachedDatabase: 0 };
    await fc.assert(fc.asyncProperty(arbitrary, predicate), {
      numRuns: options.numRuns,
      seed: fuzzSeed(),
      examples: (options.examples ?? []).map((example): [T] => [example]),
      plugins: [fc.interruptAfterTimeLimit(propertyTimeLimitMs)],
    });
    const share = coverage.reachedDatabase / Math.max(coverage.requests, 1);
    expect(share, "share of fuzzed requests that reached the database").toBeGreaterThanOrEqual(
      options.minReachingDatabase,
    );
  }

  it("notices DDL, canary writes and SQL smuggled outside quotes (the guard works)", async () => {
    const sources = await stack.db
      .transaction(null, async (tx) => {
        await tx.query("create table public.guard_probe (id int)");
        await tx.query("update public.canary set secret = secret where id = 1");
        await tx.query("insert into public.fuzz_groups (id, name) values (99, 'luotain')");
        const { rows } = await tx.query<{ source: string }>(
          "select source from fuzz_guard.guard_log order by id",
        );
        throw new GuardProbe(rows.map((row) => row.source));
      })
      .catch((error: unknown) => {
        if (error instanceof GuardProbe) return error.sources;
        throw error;
      });
    expect(sources).toEqual(
      expect.arrayContaining(["ddl_command_end", "public.canary", "public.fuzz_groups"]),
    );
    expect((await snapshot()).guardLog).toEqual([]);

    const judge = (sql: string, intent: RequestIntent = "read", role = "anon") =>
      unintendedStatement(
        { transactions: [role], statements: [{ role, sql, params: [] }] },
        intent,
        ["anon"],
      );
    expect(judge(`select * from t where a = '' ${injectionMarker} ''`)).toMatch(/marker/);
    expect(judge(`select * from t where a = 'x' -- ${injectionMarker}'`)).toMatch(/marker/);
    expect(judge(`select "a""${injectionMarker}"" b", 'it''s ${injectionMarker}' from t`)).toBe(
      undefined,
    );
    expect(judge(`select $$ ${injectionMarker} $$, E'\\' ${injectionMarker}'`)).toBe(undefined);
    expect(judge("select 1; drop table canary")).toMatch(/statements/);
    expect(judge("select 'unterminated")).toMatch(/unterminated/);
    expect(judge("delete from fuzz_items where id = $1")).toMatch(/delete/);
    expect(judge("delete from fuzz_items where id = $1", "delete")).toBe(undefined);
    expect(judge("select 1", "read", "service_role")).toMatch(/service_role/);
  });

  it(
    "answers any query string on GET and HEAD without a 5xx, a hang or a write",
    async () => {
      const readRequest = fc.record({
        method: fc.constantFrom<Method>("GET", "GET", "GET", "HEAD"),
        // Columns in the grammar are fuzz_items', so elsewhere most requests stop at 42703.
        table: fc.oneof(
          { weight: 6, arbitrary: fc.constant("fuzz_items") },
          { weight: 1, arbitrary: fc.constantFrom("fuzz_groups", "canary") },
        ),
        pairs: queryPairs,
        encoding: queryEncoding,
        caller,
        headers: restHeaders,
      });
      type ReadRequest = typeof readRequest extends fc.Arbitrary<infer T> ? T : never;
      const found = (pairs: QueryPair[]): ReadRequest => ({
        method: "GET",
        table: "fuzz_items",
        pairs,
        encoding: "strict",
        caller: "anon",
        headers: {},
      });
      // Requests this suite once caught answering 500, tried first on every run.
      const examples = [
        found([["or", new BigText(["(", ["or(", 20_000], "id.eq.1", [")", 20_001]])]]),
        found([["body", new BigText(["match.", ["ä", 14_000]])]]),
        found([["title", new BigText(["not.wfts.(", ["1,", 50_000], ")"])]]),
        found([["title", new BigText(["fts.", ["!", 40], "a"])]]),
      ];
      await runProperty(
        readRequest,
        { numRuns: 400, minReachingDatabase: 0.3, examples },
        async (read) => {
          const request: FuzzRequest = {
            method: read.method,
            target: `${read.table}?${encodeQuery(read.pairs, read.encoding)}`,
            caller: read.caller,
            headers: read.headers,
          };
          await exercise(request, { intent: "read", roles: [read.caller], itemsUnchanged: true });
        },
      );
    },
    testTimeoutMs,
  );

  it(
    "answers any JSON body on POST, PATCH and PUT without a 5xx, a hang or a stray statement",
    async () => {
      const writeRequest = fc.record({
        method: fc.constantFrom<Method>("POST", "POST", "POST", "PATCH", "PUT"),
        options: writeOptionPairs,
        scopeToRow: fc.boolean(),
        encoding: queryEncoding,
        caller,
        prefer: sometimes(preferHeader, 2),
        contentType: sometimes(contentTypeHeader, 4),
        body: jsonBody,
      });
      // Once answered 500: JSON nested 100,000 deep overflowed the stack while building SQL.
      const examples = [
        {
          method: "POST" as const,
          options: [],
          scopeToRow: false,
          encoding: "strict" as const,
          caller: "anon" as const,
          prefer: undefined,
          contentType: undefined,
          body: { nestedDepth: 100_000 },
        },
      ];
      await runProperty(
        writeRequest,
        { numRuns: 300, minReachingDatabase: 0.2, examples },
        async (write) => {
          const pairs: QueryPair[] = write.scopeToRow
            ? [["id", "eq.2"], ...write.options]
            : [...write.options];
          const headers: Record<string, string> = {};
          if (write.prefer !== undefined) headers.prefer = write.prefer;
          if (write.contentType !== undefined) headers["content-type"] = write.contentType;
          const request: FuzzRequest = {
            method: write.method,
            target: `fuzz_items?${encodeQuery(pairs, write.encoding)}`,
            caller: write.caller,
            headers,
            body: write.body,
          };
          const intent: RequestIntent =
            write.method === "PATCH" ? "update" : write.method === "PUT" ? "upsert" : "insert";
          try {
            await exercise(request, { intent, roles: [write.caller], itemsUnchanged: false });
          } finally {
            await restoreItems();
          }
        },
      );
    },
    testTimeoutMs,
  );

  it(
    "changes no row but the one a DELETE or PATCH names, whatever filters come with it",
    async () => {
      // PostgREST ANDs every filter of the query string, so extra filters, repeated keys and
      // logical trees can only narrow `id=eq.N`; any other row touched means a filter was lost.
      const scopedRequest = fc.record({
        method: fc.constantFrom<Method>("DELETE", "PATCH"),
        rowId: fc.integer({ min: 1, max: 8 }),
        idFilterLast: fc.boolean(),
        extra: fc.oneof(
          { weight: 4, arbitrary: filterPairs },
          {
            weight: 1,
            arbitrary: fc.subarray<QueryPair>([
              ["id", "gt.0"],
              ["id", "neq.0"],
              ["or", "(id.gt.0,id.is.null)"],
              ["not.id", "eq.0"],
              ["id", "not.is.null"],
              ["limit", "100"],
            ]),
          },
        ),
        encoding: queryEncoding,
        caller,
        prefer: sometimes(preferHeader, 2),
        body: fc.oneof(
          jsonBody,
          fc.constant<BodySpec>({ json: { title: "muutettu" } }),
          fc.constant<BodySpec>({ json: { id: 1, title: "toisen avain" } }),
        ),
      });
      await runProperty(
        scopedRequest,
        { numRuns: 300, minReachingDatabase: 0.4 },
        async (scoped) => {
          const idFilter: QueryPair = ["id", `eq.${scoped.rowId}`];
          const pairs = scoped.idFilterLast
            ? [...scoped.extra, idFilter]
            : [idFilter, ...scoped.extra];
          const request: FuzzRequest = {
            method: scoped.method,
            target: `fuzz_items?${encodeQuery(pairs, scoped.encoding)}`,
            caller: scoped.caller,
            headers: scoped.prefer === undefined ? {} : { prefer: scoped.prefer },
            body: scoped.method === "PATCH" ? scoped.body : undefined,
          };
          try {
            await exercise(request, {
              intent: scoped.method === "DELETE" ? "delete" : "update",
              roles: [scoped.caller],
              itemsUnchanged: false,
            });
            const after = await withTimeout(snapshot(), "reading fuzz_items");
            const target = String(scoped.rowId);
            const touched = Object.keys(pristine.items).filter(
              (id) => id !== target && after.items[id] !== pristine.items[id],
            );
            const added = Object.keys(after.items).filter((id) => !(id in pristine.items));
            // A PATCH may move row N to a new key; it may not create a row beside it.
            const allowedNew = scoped.method === "PATCH" && !(target in after.items) ? 1 : 0;
            if (touched.length > 0 || added.length > allowedNew) {
              const body = request.body && materializeBody(request.body);
              throw new PropertyViolation(
                `a ${scoped.method} scoped to id=${target} changed rows ${[...touched, ...added].join(", ")}\n  request: ${describeRequest(request, body)}`,
              );
            }
          } finally {
            await restoreItems();
          }
        },
      );
    },
    testTimeoutMs,
  );

  it(
    "answers any function name and arguments on rpc without a 5xx, a hang or a write",
    async () => {
      const rpcRequest = fc.record({
        method: fc.constantFrom<Method>("POST", "POST", "GET", "GET", "HEAD", "PATCH"),
        call: functionCall,
        wholeBody: sometimes(jsonBody, 6),
        extra: fc.oneof(
          { weight: 2, arbitrary: fc.constant<QueryPair[]>([]) },
          { weight: 1, arbitrary: queryPairs },
        ),
        encoding: queryEncoding,
        caller,
        prefer: sometimes(preferHeader, 3),
      });
      await runProperty(rpcRequest, { numRuns: 300, minReachingDatabase: 0.3 }, async (rpc) => {
        const inQuery = rpc.method !== "POST";
        const argPairs = inQuery
          ? Object.entries(rpc.call.args).map(
              ([key, value]): QueryPair => [key, queryArgument(value)],
            )
          : [];
        const query = encodeQuery([...argPairs, ...rpc.extra], rpc.encoding);
        const request: FuzzRequest = {
          method: rpc.method,
          target: `rpc/${rpc.call.name}?${query}`,
          caller: rpc.caller,
          headers: rpc.prefer === undefined ? {} : { prefer: rpc.prefer },
          body: inQuery ? undefined : (rpc.wholeBody ?? { json: rpc.call.args }),
        };
        await exercise(request, { intent: "call", roles: [rpc.caller], itemsUnchanged: true });
      });
    },
    testTimeoutMs,
  );

  it(
    "survives raw bytes and broken percent-encoding anywhere in the path, query and body",
    async () => {
      const piece = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            "%",
            "%Z",
            "%zz",
            "%2",
            "%E9",
            "%C3%28",
            "%00",
            "%FF",
            "%ED%A0%80",
            "%F0%9F",
            "%25",
            "%2F",
            "%2e%2e",
            "?",
            "&",
            "=",
            ".",
            "(",
            ")",
            ",",
            ":",
            "::",
            "!",
            "*",
            "'",
            '"',
            ";",
            "->",
            "->>",
            "eq.",
            "not.",
            "or=(",
            "select=",
            "order=",
            "limit=",
            "fuzz_items",
            "rpc/",
            "/",
            "\\",
            " ",
            "+",
            "ä",
            "😀",
            "\u0000",
            "\ud800",
          ),
        },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom(...breakouts) },
      );
      const rawRequest = fc.record({
        method: fc.constantFrom<Method>("GET", "HEAD", "POST", "PATCH", "DELETE", "PUT"),
        prefix: fc.constantFrom(
          "fuzz_items?",
          "fuzz_items?select=",
          "fuzz_items?id=",
          "fuzz_groups?or=",
          "rpc/fuzz_add?",
          "rpc/",
          "",
        ),
        raw: fc.oneof(
          fc.string({ unit: piece, maxLength: 40 }),
          fc.string({ unit: "binary", maxLength: 80 }),
        ),
        body: fc.option(
          fc.oneof(
            fc.uint8Array({ maxLength: 64 }).map((bytes): BodySpec => ({ bytes })),
            fc.string({ unit: "binary", maxLength: 64 }).map((text): BodySpec => ({ text })),
          ),
          { nil: undefined },
        ),
        contentType: sometimes(contentTypeHeader, 2),
        caller: fc.option(caller, { nil: null }),
      });
      // Raw strings rarely parse, so no share of them has to reach the database.
      await runProperty(rawRequest, { numRuns: 400, minReachingDatabase: 0 }, async (raw) => {
        const target = `${raw.prefix}${raw.raw}`;
        // Dot segments are resolved by the URL parser: such a URL may leave /rest/v1 for good.
        fc.pre(new URL(`${stackUrl}/rest/v1/${target}`).pathname.startsWith("/rest/v1/"));
        const request: FuzzRequest = {
          method: raw.method,
          target,
          caller: raw.caller,
          headers: raw.contentType === undefined ? {} : { "content-type": raw.contentType },
          body: raw.body,
        };
        const writes = raw.method !== "GET" && raw.method !== "HEAD";
        const intentOf: Record<Method, RequestIntent> = {
          GET: "read",
          HEAD: "read",
          DELETE: "delete",
          PATCH: "update",
          PUT: "upsert",
          POST: target.startsWith("rpc/") ? "call" : "insert",
        };
        try {
          await exercise(request, {
            intent: intentOf[raw.method],
            roles: [raw.caller ?? "anon"],
            itemsUnchanged: !writes,
          });
        } finally {
          if (writes) await restoreItems();
        }
      });
    },
    testTimeoutMs,
  );

  it(
    "refuses forged, expired and junk tokens with 401 and never grants a role not held",
    async () => {
      const credentialRequest = fc.record({
        authorization: fc.option(
          fc.record({
            scheme: fc.constantFrom("Bearer", "Bearer", "Bearer", "bearer", "Basic", "Token"),
            token: forgedToken,
          }),
          { nil: undefined, freq: 6 },
        ),
        apikey: fc.oneof(
          fc.constantFrom("anon key", "service key", "absent", "the same token"),
          forgedToken.map((token) => ({ forged: token })),
        ),
        route: fc.constantFrom("read", "call", "insert"),
      });
      // Most of these are refused before any statement, by design.
      await runProperty(
        credentialRequest,
        { numRuns: 250, minReachingDatabase: 0 },
        async (cred) => {
          const headers: Record<string, string> = {};
          const roles = new Set(["anon"]);
          const authorization = cred.authorization;
          if (authorization) {
            const token = mintToken(authorization.token, developmentJwtSecret);
            headers.authorization = `${authorization.scheme} ${token}`;
            const role = entitledRole(authorization.token);
            if (role !== undefined) roles.add(role);
          }
          const apikey = cred.apikey;
          const apikeyToken: ForgedToken | undefined =
            typeof apikey === "object"
              ? apikey.forged
              : apikey === "the same token"
                ? authorization?.token
                : undefined;
          if (apikey === "anon key") headers.apikey = tokens.anon;
          if (apikey === "service key") {
            headers.apikey = tokens.service_role;
            roles.add("service_role");
          }
          if (apikeyToken) {
            headers.apikey = mintToken(apikeyToken, developmentJwtSecret);
            const role = entitledRole(apikeyToken);
            if (role !== undefined) roles.add(role);
          }
          const refused = authorization?.scheme === "Bearer" && mustBeRefused(authorization.token);
          const requests: Record<typeof cred.route, FuzzRequest> = {
            read: { method: "GET", target: "fuzz_items?select=id&limit=1", caller: null, headers },
            call: {
              method: "POST",
              target: "rpc/fuzz_add",
              caller: null,
              headers,
              body: { json: { a: 1, b: 2 } },
            },
            insert: {
              method: "POST",
              target: "fuzz_items",
              caller: null,
              headers,
              body: { json: { title: "tunkeilija" } },
            },
          };
          try {
            await exercise(requests[cred.route], {
              intent: cred.route === "insert" ? "insert" : "read",
              roles: [...roles],
              itemsUnchanged: cred.route !== "insert",
              extraCheck: (answer) => {
                if (!refused) return undefined;
                if (answer.status !== 401)
                  return `a forged bearer token got ${answer.status}, not 401`;
                if (answer.log.transactions.length > 0) {
                  return "a forged bearer token reached the database";
                }
                return undefined;
              },
            });
          } finally {
            if (cred.route === "insert") await restoreItems();
          }
        },
      );
    },
    testTimeoutMs,
  );

  it("leaves the canary, the guard log and fuzz_groups as they were after every run", async () => {
    const after = await snapshot();
    expect(after.guardLog).toEqual([]);
    expect(after.canary).toBe(pristine.canary);
    expect(after.groups).toBe(pristine.groups);
    const { rows } = await stack.db.query<{ secret: string }>(
      "select secret from public.canary order by id",
    );
    expect(rows.map((row) => row.secret)).toEqual(["kanarialintu", "laulaa", "kaivoksessa"]);
  });
});
