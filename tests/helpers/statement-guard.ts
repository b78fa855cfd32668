/**
 * Records every statement the embedded services send to the database and judges whether one of
 * them is not what the request asked for: a second statement, the injection marker outside any
 * quote (so it was read as SQL, not as a value or a quoted name), a write on a read, DDL at all,
 * or a role the caller does not hold.
 */
import type { Claims, Database, Queryable } from "../../server/embedded/db";

/**
 * Hostile inputs carry this token right after the quote or delimiter they try to escape. Values
 * are bound parameters and names are quoted, so in a sound statement it only ever appears inside
 * a string literal, a quoted identifier or a parameter, never in the SQL text itself.
 */
export const injectionMarker = "zz_pwned";

export interface RecordedStatement {
  /** The transaction's role, or "owner" for statements outside any request role. */
  role: string;
  sql: string;
  params: readonly unknown[];
}

export interface StatementLog {
  /** Roles of the transactions begun, in order, including ones the database then refused. */
  transactions: string[];
  statements: RecordedStatement[];
}

export class StatementRecorder {
  private log: StatementLog = { transactions: [], statements: [] };

  /** Everything recorded since the last call, which starts a fresh log. */
  take(): StatementLog {
    const log = this.log;
    this.log = { transactions: [], statements: [] };
    return log;
  }

  /** The database the embedded services should use: the same one, with every statement seen. */
  readonly wrap = (db: Database): Database => {
    const record = (role: string, sql: string, params: readonly unknown[] = []) => {
      this.log.statements.push({ role, sql, params });
    };
    const recordingTransaction = (role: string, tx: Queryable): Queryable => ({
      query: <Row>(sql: string, params?: unknown[]) => {
        record(role, sql, params);
        return tx.query<Row>(sql, params);
      },
    });
    return {
      kind: db.kind,
      query: <Row>(sql: string, params?: unknown[]) => {
        record("owner", sql, params);
        return db.query<Row>(sql, params);
      },
      transaction: <T>(
        claims: Claims | null,
        fn: (tx: Queryable) => Promise<T>,
        extraSettings?: Record<string, string>,
      ) => {
        const role = claims ? String(claims.role) : "owner";
        this.log.transactions.push(role);
        return db.transaction(claims, (tx) => fn(recordingTransaction(role, tx)), extraSettings);
      },
      exec: (sql: string) => {
        record("owner", sql);
        return db.exec(sql);
      },
      ping: (timeoutMs?: number) => db.ping(timeoutMs),
      listen: (channel: string, onPayload: (payload: string) => void) =>
        db.listen(channel, onPayload),
      close: () => db.close(),
    };
  };
}

export interface ScannedSql {
  /** The SQL with literals, quoted identifiers and comments blanked out. */
  code: string;
  /** The text of comments, which PostgreSQL ignores but an injection may hide in. */
  comments: string;
  /** Statements separated by top-level semicolons, empty ones left out. */
  statements: string[];
  /** Quotes or comments left open at the end. */
  unterminated: string[];
}

const identifierStart = /[A-Za-z_\u0080-\uffff]/;
const identifierPart = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Splits SQL the way PostgreSQL's lexer does (standard_conforming_strings on). */
export function scanSql(sql: string): ScannedSql {
  let code = "";
  let comments = "";
  const unterminated: string[] = [];
  let i = 0;

  const skipQuoted = (quote: "'" | '"', backslashEscapes: boolean, start: number): number => {
    let j = start + 1;
    while (j < sql.length) {
      const c = sql[j];
      if (backslashEscapes && c === "\\") {
        j += 2;
      } else if (c === quote && sql[j + 1] === quote) {
        j += 2;
      } else if (c === quote) {
        return j + 1;
      } else {
        j += 1;
      }
    }
    unterminated.push(`${quote} opened at ${start}`);
    return sql.length;
  };

  while (i < sql.length) {
    const c = sql.charAt(i);
    const rest = sql.slice(i, i + 2);
    if (rest === "--") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      comments += `${sql.slice(i + 2, stop)}\n`;
      code += " ";
      i = stop;
    } else if (rest === "/*") {
      let depth = 1;
      let j = i + 2;
      while (j < sql.length && depth > 0) {
        const pair = sql.slice(j, j + 2);
        if (pair === "/*") {
          depth += 1;
          j += 2;
        } else if (pair === "*/") {
          depth -= 1;
          j += 2;
        } else {
          j += 1;
        }
      }
      if (depth > 0) unterminated.push(`/* opened at ${i}`);
      comments += `${sql.slice(i + 2, j)}\n`;
      code += " ";
      i = j;
    } else if (c === "'") {
      i = skipQuoted("'", false, i);
      code += " '' ";
    } else if (c === '"') {
      i = skipQuoted('"', false, i);
      code += ' "" ';
    } else if (c === "$" && dollarTag.test(sql.slice(i))) {
      const tag = dollarTag.exec(sql.slice(i))?.[0] ?? "$$";
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) {
        unterminated.push(`${tag} opened at ${i}`);
        i = sql.length;
      } else {
        i = end + tag.length;
      }
      code += " '' ";
    } else if (identifierStart.test(c)) {
      let j = i + 1;
      while (j < sql.length && identifierPart.test(sql.charAt(j))) j += 1;
      const word = sql.slice(i, j);
      if ((word === "e" || word === "E") && sql[j] === "'") {
        i = skipQuoted("'", true, j);
        code += " '' ";
      } else {
        code += word;
        i = j;
      }
    } else {
      code += c;
      i += 1;
    }
  }

  const statements = code
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement !== "");
  return { code, comments, statements, unterminated };
}

/** What a request is allowed to do to tables; every request may read. */
export type RequestIntent = "read" | "insert" | "upsert" | "update" | "delete" | "call";

const allowedWrites: Record<RequestIntent, readonly string[]> = {
  read: [],
  // `insert … on conflict do update` is how PostgREST upserts.
  insert: ["insert", "update"],
  upsert: ["insert", "update"],
  update: ["update"],
  delete: ["delete"],
  call: [],
};
const writeKeywords = ["insert", "update", "delete", "merge"];
const neverKeywords = [
  "alter",
  "checkpoint",
  "cluster",
  "copy",
  "create",
  "deallocate",
  "discard",
  "drop",
  "grant",
  "import",
  "listen",
  "load",
  "notify",
  "prepare",
  "reindex",
  "revoke",
  "truncate",
  "vacuum",
];
const leadingKeywords = [
  "select",
  "with",
  "values",
  "table",
  "explain",
  "show",
  "set",
  "reset",
  "insert",
  "update",
  "delete",
];

/**
 * Why the statements run for one request are not the one the request intended, or undefined.
 * `roles` are the roles the caller's credentials entitle it to.
 */
export function unintendedStatement(
  log: StatementLog,
  intent: RequestIntent,
  roles: readonly string[],
): string | undefined {
  for (const role of log.transactions) {
    if (!roles.includes(role)) {
      return `a transaction ran as ${JSON.stringify(role)}; the caller holds only ${roles.join(", ")}`;
    }
  }
  for (const statement of log.statements) {
    const problem = statementProblem(statement, intent);
    if (problem) return `${problem}\n  as ${statement.role}: ${statement.sql.slice(0, 2000)}`;
  }
  return undefined;
}

function statementProblem(statement: RecordedStatement, intent: RequestIntent): string | undefined {
  const scanned = scanSql(statement.sql);
  if (scanned.unterminated.length > 0) {
    return `unterminated quote or comment (${scanned.unterminated.join("; ")})`;
  }
  if (scanned.statements.length > 1) {
    return `${scanned.statements.length} statements in one query`;
  }
  const marker = injectionMarker.toLowerCase();
  if (scanned.code.toLowerCase().includes(marker)) {
    return "the injection marker is part of the SQL text, outside any quote";
  }
  if (scanned.comments.toLowerCase().includes(marker)) {
    return "the injection marker is inside a comment";
  }
  const words = scanned.code.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? [];
  const leading = words[0];
  if (leading !== undefined && !leadingKeywords.includes(leading)) {
    return `a statement that starts with ${JSON.stringify(leading)}`;
  }
  if (
    (leading === "set" || leading === "reset") &&
    /\b(role|authorization)\b/.test(words.join(" "))
  ) {
    return "a statement that changes the role";
  }
  const forbidden = words.find((word) => neverKeywords.includes(word));
  if (forbidden) return `a statement that uses ${JSON.stringify(forbidden)}`;
  const permitted = statement.role === "owner" ? [] : allowedWrites[intent];
  const write = words.find((word) => writeKeywords.includes(word) && !permitted.includes(word));
  if (write) {
    return statement.role === "owner"
      ? `a ${write} as the owner during a request`
      : `a ${write} in a request that may only ${intent}`;
  }
  return undefined;
}
