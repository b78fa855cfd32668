import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { PostgresListener } from "./pg-listener";
import { StatementNames } from "./statement-names";

/** JWT claims as Supabase puts them in `request.jwt.claims`. */
export type Claims = { role: string; sub?: string; [claim: string]: unknown };

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted by the last statement, when the driver reports it. */
  affectedRows: number;
}

/** What code inside a transaction may do: run one parameterised statement at a time. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction. With claims, the transaction runs under `set local role`
   * for `claims.role` with `request.jwt.claims` (and `extraSettings`) set for that transaction
   * only, exactly as PostgREST does. With `null`, it runs as the connection's own (owner) role:
   * for migrations and the embedded services' own bookkeeping, never for a user's request.
   */
  transaction<T>(
    claims: Claims | null,
    fn: (tx: Queryable) => Promise<T>,
    extraSettings?: Record<string, string>,
  ): Promise<T>;
  /** Runs a script of several statements without parameters (migrations) in one transaction. */
  exec(sql: string): Promise<void>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  /**
   * LISTEN on `channel`: `onPayload` gets the payload of every pg_notify() on it, from any
   * session, once the notifying transaction commits. Resolves once listening; the function it
   * resolves to stops this one listener.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const requestRoles = ["anon", "authenticated", "service_role"] as const;

function assertRequestRole(role: string): void {
  if (!(requestRoles as readonly string[]).includes(role)) {
    throw new RoleNotAllowedError(role);
  }
}

export class RoleNotAllowedError extends Error {
  constructor(readonly role: string) {
    super(`role "${role}" may not be used for a request`);
  }
}

/** Every setting a request's transaction starts with: its own, then the claims and the role. */
function requestSettings(
  claims: Claims,
  extraSettings: Record<string, string> | undefined,
): [string, string][] {
  assertRequestRole(claims.role);
  // set_config('role', …, true) is `set local role`; PostgREST switches role the same way, so the
  // role and every setting end with the transaction.
  return [
    ...Object.entries(extraSettings ?? {}),
    ["request.jwt.claims", JSON.stringify(claims)],
    ["role", claims.role],
  ];
}

async function applyClaims(
  tx: Queryable,
  claims: Claims | null,
  extraSettings: Record<string, string> | undefined,
): Promise<void> {
  if (!claims) return;
  const settings = requestSettings(claims, extraSettings);
  await tx.query(
    "select set_config(name, value, true) from unnest($1::text[], $2::text[]) as s(name, value)",
    [settings.map(([name]) => name), settings.map(([, value]) => value)],
  );
}

/**
 * `begin` and the settings as one simple-protocol script: one round trip instead of two on the
 * hot path. Values are escaped with pg's own escapeLiteral; the role was checked against a fixed
 * list. The request's own statement still runs with bound parameters.
 */
function beginWithSettings(
  claims: Claims | null,
  extraSettings: Record<string, string> | undefined,
): string {
  if (!claims) return "begin";
  const calls = requestSettings(claims, extraSettings).map(
    ([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`,
  );
  return `begin; select ${calls.join(", ")}`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function answersWithin(db: Queryable, timeoutMs: number): Promise<boolean> {
  const answered = db.query("select 1 as ok").then(
    () => true,
    () => false,
  );
  return (await withTimeout(answered, timeoutMs)) === true;
}

/** The contrib extensions the migrations create (Supabase offers the same ones). */
const extensions = { pg_trgm };

/** A FIFO lock: PGlite has one connection, so transactions must not interleave. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class PgliteDatabase implements Database {
  readonly kind = "pglite" as const;
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(private readonly pglite: PGlite) {}

  static async open(dataDir?: string | Blob): Promise<PgliteDatabase> {
    const pglite =
      dataDir instanceof Blob
        ? await PGlite.create({ loadDataDir: dataDir, extensions })
        : await PGlite.create(dataDir ? { dataDir, extensions } : { extensions });
    return new PgliteDatabase(pglite);
  }

  /** The underlying PGlite, for cloning or dumping a migrated template in tests. */
  get raw(): PGlite {
    return this.pglite;
  }

  query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    return this.queue.run(async () => toResult<Row>(await this.pglite.query<Row>(sql, params)));
  }

  transaction<T>(
    claims: Claims | null,
    fn: (tx: Queryable) => Promise<T>,
    extraSettings?: Record<string, string>,
  ): Promise<T> {
    return this.queue.run(() =>
      this.pglite.transaction(async (pgTx) => {
        const tx: Queryable = {
          query: async <Row>(sql: string, params: unknown[] = []) =>
            toResult<Row>(await pgTx.query<Row>(sql, params)),
        };
        await applyClaims(tx, claims, extraSettings);
        return fn(tx);
      }),
    );
  }

  exec(sql: string): Promise<void> {
    return this.queue.run(() =>
      this.pglite.transaction(async (tx) => {
        await tx.exec(sql);
      }),
    );
  }

  ping(timeoutMs = 2000): Promise<boolean> {
    return this.closed ? Promise.resolve(false) : answersWithin(this, timeoutMs);
  }

  /**
   * PGlite's own LISTEN, queued like every statement (it runs one). Its one session hears every
   * pg_notify() made through this database, delivered after the notifying statement returns.
   */
  async listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<() => Promise<void>> {
    const unlisten = await this.queue.run(() => this.pglite.listen(channel, onPayload));
    let listening = true;
    return async () => {
      if (!listening || this.closed) return;
      listening = false;
      await this.queue.run(() => unlisten());
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.run(() => this.pglite.close());
  }
}

function toResult<Row>(result: { rows: Row[]; affectedRows?: number }): QueryResult<Row> {
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

export class PostgresDatabase implements Database {
  readonly kind = "postgres" as const;
  private closed = false;
  private readonly statementNames = new StatementNames();
  private listener: PostgresListener | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString?: string,
  ) {}

  static open(connectionString: string, max = 20): PostgresDatabase {
    const pool = new pg.Pool({ connectionString, max });
    // An idle client that loses its connection must not crash the process.
    pool.on("error", () => undefined);
    return new PostgresDatabase(pool, connectionString);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
  }

  async transaction<T>(
    claims: Claims | null,
    fn: (tx: Queryable) => Promise<T>,
    extraSettings?: Record<string, string>,
  ): Promise<T> {
    const client = await this.pool.connect();
    const tx: Queryable = {
      query: async <Row>(sql: string, params: unknown[] = []) => {
        const name = this.statementNames.nameFor(sql);
        const result = await client.query({ name, text: sql, values: params });
        return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
      },
    };
    try {
      await client.query(beginWithSettings(claims, extraSettings));
      const value = await fn(tx);
      await client.query("commit");
      return value;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      await client.query(sql);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  ping(timeoutMs = 2000): Promise<boolean> {
    return this.closed ? Promise.resolve(false) : answersWithin(this, timeoutMs);
  }

  /** On one dedicated connection for all of this database's listeners (see PostgresListener). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (this.closed) return Promise.reject(new Error("the database is closed"));
    if (!this.connectionString) {
      return Promise.reject(new Error("listen needs the database opened with a connection string"));
    }
    this.listener ??= new PostgresListener(this.connectionString);
    return this.listener.listen(channel, onPayload);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await this.pool.end();
  }
}

/** PGlite in `dataDir` (or in memory when omitted) unless a Postgres URL is given. */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
}): Promise<Database> {
  if (options.databaseUrl) return PostgresDatabase.open(options.databaseUrl);
  return PgliteDatabase.open(options.dataDir);
}
