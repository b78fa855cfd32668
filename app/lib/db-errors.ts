/**
 * What to tell a person whose request the database or the auth server refused. The database
 * decides (RLS, security definer functions); this only names its answer in the reader's words.
 * Keys live under `dbErrors` in the locale files.
 */
export const dbErrorKeys = [
  "forbidden",
  "needsSecondFactor",
  "notFound",
  "invalidState",
  "duplicate",
  "invalidValue",
  "tooManyAttempts",
  "unavailable",
] as const;
export type DbErrorKey = (typeof dbErrorKeys)[number];

export interface DbErrorLike {
  code?: string | null;
  hint?: string | null;
  message?: string | null;
  status?: number;
}

/** Postgres/PostgREST error codes to message keys (STYLE.md: 42501 → 403, no row → 404, …). */
export function dbErrorKey(error: DbErrorLike): DbErrorKey {
  const code = error.code ?? "";
  if (code === "42501") {
    // The database says why in the hint when a second factor is what is missing.
    return /aal2/.test(error.hint ?? "") ? "needsSecondFactor" : "forbidden";
  }
  if (code === "P0002" || code === "PGRST116") return "notFound";
  // 55000: object not in prerequisite state (archived network, closed registration, decided request).
  if (code === "22023" || code === "55000") return "invalidState";
  if (code === "23505") return "duplicate";
  if (code === "23514" || code === "22P02" || code === "23502" || code === "23503") {
    return "invalidValue";
  }
  if (code === "PT429" || error.status === 429) return "tooManyAttempts";
  return "unavailable";
}

export const statusForDbError: Record<DbErrorKey, number> = {
  forbidden: 403,
  needsSecondFactor: 403,
  notFound: 404,
  invalidState: 409,
  duplicate: 400,
  invalidValue: 400,
  tooManyAttempts: 429,
  unavailable: 503,
};
