/** PostgREST's error body `{code, message, details, hint}` and its status codes. */
import { jsonResponse } from "../http";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string | object[] | null = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): Response {
    return jsonResponse(
      { code: this.code, details: this.details, hint: this.hint, message: this.message },
      this.status,
      this.headers,
    );
  }
}

/** A query string parameter PostgREST cannot parse (PGRST100). */
export function parseError(message: string, details: string | null = null): ApiError {
  return new ApiError(400, "PGRST100", message, details);
}

export function bodyError(message: string, details: string | null = null): ApiError {
  return new ApiError(400, "PGRST102", message, details);
}

interface DatabaseErrorShape {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseErrorShape {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

/** HTTP status for a SQLSTATE, per PostgREST's documented table. */
export function statusForSqlState(code: string, authenticated: boolean): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  const exact: Record<string, number> = {
    "23503": 409,
    "23505": 409,
    "25006": 405,
    "53400": 500,
    P0001: 400,
    "42883": 404,
    "42P01": 404,
    "42P17": 500,
  };
  const known = exact[code];
  if (known !== undefined) return known;
  if (code === "42501") return authenticated ? 403 : 401;
  const byClass: Record<string, number> = {
    "08": 503,
    "09": 500,
    "0L": 403,
    "0P": 403,
    "25": 500,
    "28": 403,
    "2D": 500,
    "38": 500,
    "39": 500,
    "3B": 500,
    "40": 500,
    "53": 503,
    "54": 500,
    "55": 500,
    "57": 500,
    "58": 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

/** Turns an error raised by Postgres into PostgREST's response; undefined for anything else. */
export function fromDatabaseError(error: unknown, role: string): ApiError | undefined {
  // PGlite checks boolean, date and bytea parameters in JavaScript before Postgres sees them;
  // answer as Postgres itself would for the same value.
  const clientSide =
    error instanceof Error ? /^Invalid input for (\w+) type$/.exec(error.message) : null;
  if (clientSide) {
    return new ApiError(400, "22P02", `invalid input syntax for type ${clientSide[1]}`);
  }
  if (!isDatabaseError(error)) return undefined;
  const status = statusForSqlState(error.code, role !== "anon");
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = "Bearer";
  return new ApiError(
    status,
    error.code,
    error.message,
    error.detail || null,
    error.hint || null,
    headers,
  );
}

/** The candidate closest to `name` (edit distance), for "Perhaps you meant …" hints. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
