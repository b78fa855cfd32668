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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "../../server/embedded/jwt";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { availableBackends } from "../helpers/databases";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../helpers/embedded-stack";
import { type ForgedToken, entitledRole, mintToken, mustBeRefused } from "../helpers/forged-tokens";
import {
  type BodySpec,
  type Caller,
  type QueryPair,
  breakouts,
  caller,
  columnName,
  contentTypeHeader,
  encodeQuery,
  filterExpression,
  forgedToken,
  jsonBody,
  logicValue,
  materializeBody,
  preferHeader,
  queryEncoding,
  queryPair,
  queryPairs,
  restHeaders,
  selectValue,
} from "../helpers/rest-fuzz-grammar";
import {
  type RequestIntent,
  type StatementLog,
  StatementRecorder,
  unintendedStatement,
} from "../helpers/statement-guard";

const fixtureSql = readFileSync(new URL("../helpers/fixtures/fuzz.sql", import.meta.url), "utf8");

/** Longer than any sound answer takes on either backend; reaching it counts as a hang. */
const requestTimeoutMs = 5_000;
/** Stops shrinking a failure that hangs every retry; the counterexample so far is reported. */
const propertyTimeLimitMs = 60_000;
const testTimeoutMs = 180_000;

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

describe.each(availableBackends())("the REST API under fuzzing on %s", (backend) => {
  const recorder = new StatementRecorder();
  let stack: EmbeddedStack;
  let tokens: Record<Caller, string>;
  let pristine: Snapshot;

  beforeAll(async () => {
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

  function describeRequest(
    request: FuzzRequest,
    body: string | Uint8Array<ArrayBuffer> | undefined,
  ): string {
    const headers = {
      ...request.headers,
      ...(request.caller ? { credentials: request.caller } : {}),
    };
    const shownBody =
      body === undefined
        ? ""
        : `\n  body: ${typeof body === "string" ? excerpt(body, 300) : `${body.length} bytes`}`;
    return `${request.method} /rest/v1/${excerpt(request.target, 300)}\n  headers: ${JSON.stringify(headers)}${shownBody}`;
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
    let answer: Answer;
    try {
      answer = await send(request, body);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
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

  function runProperty<T>(
    arbitrary: fc.Arbitrary<T>,
    numRuns: number,
    predicate: (value: T) => Promise<void>,
  ): Promise<void> {
    return fc.assert(fc.asyncProperty(arbitrary, predicate), {
      numRuns,
      plugins: [fc.interruptAfterTimeLimit(propertyTimeLimitMs)],
    });
  }

  const rolesOf = (who: Caller): readonly string[] => [who];

  it(
    "answers any query string on GET and HEAD without a 5xx, a hang or a write",
    async () => {
      const readRequest = fc.record({
        method: fc.constantFrom<Method>("GET", "GET", "GET", "HEAD"),
        table: fc.constantFrom("fuzz_items", "fuzz_items", "fuzz_items", "fuzz_groups", "canary"),
        pairs: queryPairs,
        encoding: queryEncoding,
        caller,
        headers: restHeaders,
      });
      await runProperty(readRequest, 300, async (generated) => {
        const request: FuzzRequest = {
          method: generated.method,
          target: `${generated.table}?${encodeQuery(generated.pairs, generated.encoding)}`,
          caller: generated.caller,
          headers: { ...generated.headers },
        };
        await exercise(request, {
          intent: "read",
          roles: rolesOf(generated.caller),
          itemsUnchanged: true,
        });
      });
    },
    testTimeoutMs,
  );

  it(
    "answers any JSON body on POST, PATCH and PUT without a 5xx, a hang or a stray statement",
    async () => {
      const writeParam = fc.oneof(
        selectValue.map((value): QueryPair => ["select", value]),
        fc
          .array(columnName, { maxLength: 4 })
          .map((names): QueryPair => ["columns", names.join(",")]),
        fc
          .array(columnName, { maxLength: 2 })
          .map((names): QueryPair => ["on_conflict", names.join(",")]),
        fc.tuple(columnName, filterExpression),
        queryPair,
      );
      const writeRequest = fc.record({
        method: fc.constantFrom<Method>("POST", "POST", "PATCH", "PUT"),
        pairs: fc.array(writeParam, { maxLength: 4 }),
        scopeToRow: fc.boolean(),
        encoding: queryEncoding,
        caller,
        prefer: fc.option(preferHeader, { nil: undefined }),
        contentType: fc.option(contentTypeHeader, { nil: undefined }),
        body: jsonBody,
      });
      await runProperty(writeRequest, 200, async (generated) => {
        const pairs: QueryPair[] = generated.scopeToRow
          ? [["id", "eq.2"], ...generated.pairs]
          : [...generated.pairs];
        const headers: Record<string, string> = {};
        if (generated.prefer !== undefined) headers.prefer = generated.prefer;
        if (generated.contentType !== undefined) headers["content-type"] = generated.contentType;
        const request: FuzzRequest = {
          method: generated.method,
          target: `fuzz_items?${encodeQuery(pairs, generated.encoding)}`,
          caller: generated.caller,
          headers,
          body: generated.body,
        };
        const intent: RequestIntent =
          generated.method === "PATCH"
            ? "update"
            : generated.method === "PUT"
              ? "upsert"
              : "insert";
        try {
          await exercise(request, {
            intent,
            roles: rolesOf(generated.caller),
            itemsUnchanged: false,
          });
        } finally {
          await restoreItems();
        }
      });
    },
    testTimeoutMs,
  );

  it(
    "changes no row but the one a DELETE or PATCH names, whatever filters come with it",
    async () => {
      // PostgREST ANDs every filter of the query string, so extra filters, repeated keys and
      // logical trees can only narrow `id=eq.N`; anything else touched is a broken filter.
      const extraFilter = fc.oneof(
        { weight: 3, arbitrary: fc.tuple(columnName, filterExpression) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom("id", "group_id", "done"), filterExpression)
            .map(([key, value]): QueryPair => [key, value]),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(fc.constantFrom("or", "and", "not.or", "not.and"), logicValue)
            .map(([key, value]): QueryPair => [key, value]),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom<QueryPair>(
            ["id", "gt.0"],
            ["id", "neq.0"],
            ["or", "(id.gt.0,id.is.null)"],
            ["not.id", "eq.0"],
            ["id", "not.is.null"],
            ["limit", "100"],
            ["offset", "0"],
            ["select", "*"],
          ),
        },
        { weight: 2, arbitrary: queryPair },
      );
      const scopedRequest = fc.record({
        method: fc.constantFrom<Method>("DELETE", "PATCH"),
        rowId: fc.integer({ min: 1, max: 8 }),
        idFilterLast: fc.boolean(),
        extra: fc.array(extraFilter, { maxLength: 4 }),
        encoding: queryEncoding,
        caller,
        prefer: fc.option(preferHeader, { nil: undefined }),
        body: fc.oneof(
          jsonBody,
          fc.constant<BodySpec>({ json: { title: "muutettu" } }),
          fc.constant<BodySpec>({ json: { id: 1, title: "toisen avain" } }),
        ),
      });
      await runProperty(scopedRequest, 200, async (generated) => {
        const idFilter: QueryPair = ["id", `eq.${generated.rowId}`];
        const pairs = generated.idFilterLast
          ? [...generated.extra, idFilter]
          : [idFilter, ...generated.extra];
        const request: FuzzRequest = {
          method: generated.method,
          target: `fuzz_items?${encodeQuery(pairs, generated.encoding)}`,
          caller: generated.caller,
          headers: generated.prefer === undefined ? {} : { prefer: generated.prefer },
          body: generated.method === "PATCH" ? generated.body : undefined,
        };
        try {
          await exercise(request, {
            intent: generated.method === "DELETE" ? "delete" : "update",
            roles: rolesOf(generated.caller),
            itemsUnchanged: false,
          });
          const after = await withTimeout(snapshot(), "reading fuzz_items");
          const target = String(generated.rowId);
          const touched = Object.keys(pristine.items).filter(
            (id) => id !== target && after.items[id] !== pristine.items[id],
          );
          const added = Object.keys(after.items).filter((id) => !(id in pristine.items));
          // A PATCH may move row N to a new key; it may not create a row beside it.
          const allowedNew = generated.method === "PATCH" && !(target in after.items) ? 1 : 0;
          if (touched.length > 0 || added.length > allowedNew) {
            throw new PropertyViolation(
              `a ${generated.method} scoped to id=${target} changed rows ${[...touched, ...added].join(", ")}\n  request: ${describeRequest(request, request.body && materializeBody(request.body))}`,
            );
          }
        } finally {
          await restoreItems();
        }
      });
    },
    testTimeoutMs,
  );

  it(
    "answers any function name and arguments on rpc without a 5xx, a hang or a write",
    async () => {
      const functionName = fc.oneof(
        {
          weight: 6,
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
        { weight: 1, arbitrary: fc.constantFrom(...breakouts).map(encodeURIComponent) },
      );
      const argumentName = fc.oneof(
        {
          weight: 5,
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
          ),
        },
        { weight: 2, arbitrary: columnName },
      );
      const argumentValue = fc.oneof(
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom(...breakouts),
        fc.string({ unit: "binary", maxLength: 10 }),
        fc.constantFrom("1", "2", "-1", "1e400", "{1,2}", "[1,2]", "aamu", "999999999999"),
        fc.array(fc.oneof(fc.integer(), fc.constantFrom(...breakouts)), { maxLength: 3 }),
        fc.jsonValue({ maxDepth: 2 }),
      );
      const rpcRequest = fc.record({
        method: fc.constantFrom<Method>("POST", "POST", "GET", "HEAD", "PATCH"),
        name: functionName,
        args: fc.array(fc.tuple(argumentName, argumentValue), { maxLength: 4 }),
        rawBody: fc.option(jsonBody, { nil: undefined, freq: 4 }),
        extra: fc.array(queryPair, { maxLength: 2 }),
        encoding: queryEncoding,
        caller,
        prefer: fc.option(preferHeader, { nil: undefined }),
      });
      await runProperty(rpcRequest, 250, async (generated) => {
        const asText = (value: unknown) =>
          typeof value === "string" ? value : (JSON.stringify(value) ?? "");
        const inQuery = generated.method !== "POST";
        const argPairs: QueryPair[] = inQuery
          ? generated.args.map(([key, value]): QueryPair => [key, asText(value)])
          : [];
        const query = encodeQuery([...argPairs, ...generated.extra], generated.encoding);
        const body: BodySpec | undefined = inQuery
          ? undefined
          : (generated.rawBody ?? { json: Object.fromEntries(generated.args) });
        const request: FuzzRequest = {
          method: generated.method,
          target: `rpc/${generated.name}?${query}`,
          caller: generated.caller,
          headers: generated.prefer === undefined ? {} : { prefer: generated.prefer },
          body,
        };
        await exercise(request, {
          intent: "call",
          roles: rolesOf(generated.caller),
          itemsUnchanged: true,
        });
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
        caller: fc.option(caller, { nil: null }),
      });
      await runProperty(rawRequest, 300, async (generated) => {
        const target = `${generated.prefix}${generated.raw}`;
        // Dot segments are resolved by the URL parser: such a URL may leave /rest/v1 for good.
        fc.pre(new URL(`${stackUrl}/rest/v1/${target}`).pathname.startsWith("/rest/v1/"));
        const request: FuzzRequest = {
          method: generated.method,
          target,
          caller: generated.caller,
          headers: {},
          body: generated.body,
        };
        const writes = generated.method !== "GET" && generated.method !== "HEAD";
        const intent: RequestIntent =
          generated.method === "DELETE"
            ? "delete"
            : generated.method === "PATCH"
              ? "update"
              : generated.method === "PUT"
                ? "upsert"
                : generated.method === "POST"
                  ? target.startsWith("rpc/")
                    ? "call"
                    : "insert"
                  : "read";
        try {
          await exercise(request, {
            intent,
            roles: rolesOf(generated.caller ?? "anon"),
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
      await runProperty(credentialRequest, 200, async (generated) => {
        const headers: Record<string, string> = {};
        const roles = new Set(["anon"]);
        const authorization = generated.authorization;
        if (authorization) {
          headers.authorization = `${authorization.scheme} ${mintToken(authorization.token, developmentJwtSecret)}`;
          const role = entitledRole(authorization.token);
          if (role !== undefined) roles.add(role);
        }
        const apikey = generated.apikey;
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
        const request: FuzzRequest =
          generated.route === "read"
            ? { method: "GET", target: "fuzz_items?select=id&limit=1", caller: null, headers }
            : generated.route === "call"
              ? {
                  method: "POST",
                  target: "rpc/fuzz_add",
                  caller: null,
                  headers,
                  body: { json: { a: 1, b: 2 } },
                }
              : {
                  method: "POST",
                  target: "fuzz_items",
                  caller: null,
                  headers,
                  body: { json: { title: "tunkeilija" } },
                };
        try {
          await exercise(request, {
            intent: generated.route === "insert" ? "insert" : "read",
            roles: [...roles],
            itemsUnchanged: generated.route !== "insert",
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
          if (generated.route === "insert") await restoreItems();
        }
      });
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
