/**
 * Runs one statement as one actor inside a transaction that is always rolled back, and reduces
 * the result to what a policy decided: "denied" (42501), the names of the rows returned, "ok" for
 * a function call that returned, or the SQLSTATE of any other error.
 */
import type { Claims, Database } from "../../../server/embedded/db";
import { type Actor, actors, nameOf } from "./identity-fixture";

export type Outcome = "denied" | "ok" | string[] | { error: string };

class RollBack extends Error {
  constructor(readonly outcome: Outcome) {
    super("roll back");
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** `shape` "rows": first column of every row as a sorted list of names; "call": "ok". */
export async function outcomeOf(
  db: Database,
  claims: Claims,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<Outcome> {
  try {
    await db.transaction(claims, async (tx) => {
      let outcome: Outcome;
      try {
        const { rows } = await tx.query<Record<string, unknown>>(sql, params);
        outcome =
          shape === "call" ? "ok" : rows.map((row) => nameOf(Object.values(row)[0])).sort();
      } catch (error) {
        const code = errorCode(error);
        if (!code) throw error;
        outcome = code === "42501" ? "denied" : { error: code };
      }
      throw new RollBack(outcome);
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
  throw new Error("the transaction was not rolled back");
}

/** The outcome of `sql` for every actor, to compare with one expectation per actor at once. */
export async function outcomesFor(
  db: Database,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<Record<Actor, Outcome>> {
  const result = {} as Record<Actor, Outcome>;
  for (const actor of Object.keys(actors) as Actor[]) {
    result[actor] = await outcomeOf(db, actors[actor], sql, params, shape);
  }
  return result;
}

/** Every actor denied. */
export function deniedForAll(): Record<Actor, Outcome> {
  const result = {} as Record<Actor, Outcome>;
  for (const actor of Object.keys(actors) as Actor[]) result[actor] = "denied";
  return result;
}

/** `outcome` for every actor but anon, who is denied by grants before any policy. */
export function signedInGet(outcome: Outcome, overrides: Partial<Record<Actor, Outcome>> = {}) {
  const result = {} as Record<Actor, Outcome>;
  for (const actor of Object.keys(actors) as Actor[]) {
    result[actor] = actor === "anon" ? "denied" : outcome;
  }
  return { ...result, ...overrides };
}
