/** auth.sessions: one row per signed-in device; ending a session ends its refresh tokens too. */
import type { Queryable } from "../db";

/** GoTrue's authentication methods as they appear in the `amr` claim. */
export type AuthenticationMethod =
  | "password"
  | "otp"
  | "email/signup"
  | "recovery"
  | "magiclink"
  | "invite"
  | "email_change"
  | "pkce"
  // A verified TOTP factor lifts a session to aal2; "mfa/recovery_code" is GoTrue's name for a
  // recovery code, reserved here.
  | "totp"
  | "mfa/recovery_code";

export type AssuranceLevel = "aal1" | "aal2";

export interface AmrEntry {
  method: AuthenticationMethod;
  timestamp: number;
}

export interface SessionRow {
  id: string;
  user_id: string;
  aal: AssuranceLevel;
  amr: AmrEntry[];
  not_after: Date | null;
  created_at: Date;
}

const sessionColumns = "id, user_id, aal, amr, not_after, created_at";

export async function createSession(
  q: Queryable,
  session: {
    userId: string;
    method: AuthenticationMethod;
    ip: string;
    userAgent: string | null;
    now: Date;
  },
): Promise<SessionRow> {
  const amr: AmrEntry[] = [
    { method: session.method, timestamp: Math.floor(session.now.getTime() / 1000) },
  ];
  const { rows } = await q.query<SessionRow>(
    `insert into auth.sessions (user_id, aal, amr, ip, user_agent, created_at, updated_at, refreshed_at)
     values ($1, 'aal1', $2::jsonb, $3, $4, $5, $5, $5::timestamptz at time zone 'utc')
     returning ${sessionColumns}`,
    [session.userId, JSON.stringify(amr), session.ip, session.userAgent, session.now],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into auth.sessions returned no row");
  return row;
}

/** The session if it exists and has not been ended (`not_after` in the past). */
export async function findLiveSession(
  q: Queryable,
  id: string,
  now: Date,
  forUpdate = false,
): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `select ${sessionColumns} from auth.sessions
      where id = $1 and (not_after is null or not_after > $2)${forUpdate ? " for update" : ""}`,
    [id, now],
  );
  return rows[0];
}

export async function markSessionRefreshed(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    "update auth.sessions set refreshed_at = $2::timestamptz at time zone 'utc', updated_at = $2 where id = $1",
    [id, now],
  );
}

/** Methods that prove a second factor: a session with one of them in its amr is at aal2. */
const secondFactorMethods: ReadonlySet<AuthenticationMethod> = new Set([
  "totp",
  "mfa/recovery_code",
]);

/**
 * GoTrue's AddClaimToSession + UpdateAALAndAssociatedFactor: records that the session's user just
 * proved `method` (replacing an older entry of it), most recent first as GoTrue orders the `amr`
 * claim, and lifts the session to aal2 tied to the factor that did it.
 */
export async function recordSecondFactor(
  q: Queryable,
  session: SessionRow,
  proof: { method: AuthenticationMethod; factorId: string; now: Date },
): Promise<SessionRow> {
  const amr: AmrEntry[] = [
    { method: proof.method, timestamp: Math.floor(proof.now.getTime() / 1000) },
    ...session.amr.filter((entry) => entry.method !== proof.method),
  ].sort((a, b) => b.timestamp - a.timestamp);
  const aal: AssuranceLevel = amr.some((entry) => secondFactorMethods.has(entry.method))
    ? "aal2"
    : "aal1";
  const { rows } = await q.query<SessionRow>(
    `update auth.sessions set aal = $2, amr = $3::jsonb, factor_id = $4, updated_at = $5
      where id = $1 returning ${sessionColumns}`,
    [session.id, aal, JSON.stringify(amr), proof.factorId, proof.now],
  );
  const row = rows[0];
  if (!row) throw new Error("the session to raise to aal2 is gone");
  return row;
}

/**
 * GoTrue's DowngradeSessionsToAAL1: sessions that reached aal2 through a factor that is going
 * lose that factor's method and fall back to aal1. Their access tokens keep the old claim until
 * they expire or are refreshed, as in GoTrue.
 */
export async function downgradeSessionsOfFactor(
  q: Queryable,
  factorId: string,
  method: AuthenticationMethod,
  now: Date,
): Promise<void> {
  await q.query(
    `update auth.sessions
        set aal = 'aal1', factor_id = null, updated_at = $3,
            amr = coalesce((select jsonb_agg(entry) from jsonb_array_elements(amr) entry
                             where entry ->> 'method' <> $2), '[]'::jsonb)
      where factor_id = $1`,
    [factorId, method, now],
  );
}

/** GoTrue's InvalidateSessionsWithAALLessThan(aal2): after a second factor is proved, sessions that never proved one end. */
export async function endSessionsBelowAal2(q: Queryable, userId: string): Promise<void> {
  await q.query("delete from auth.sessions where user_id = $1 and aal < 'aal2'", [userId]);
}

/**
 * Ends a session that may have been stolen but keeps the row, so its revoked refresh tokens still
 * answer "already used" rather than "not found", and its access tokens stop working at once.
 */
export async function expireSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    "update auth.refresh_tokens set revoked = true, updated_at = $2 where session_id = $1",
    [id, now],
  );
  await q.query("update auth.sessions set not_after = $2, updated_at = $2 where id = $1", [
    id,
    now,
  ]);
}

export type LogoutScope = "global" | "local" | "others";

/** GoTrue's logout: the sessions go, with their refresh tokens (foreign key cascade). */
export async function endSessions(
  q: Queryable,
  userId: string,
  scope: LogoutScope,
  currentSessionId: string | undefined,
): Promise<void> {
  if (scope === "global" || !currentSessionId) {
    await q.query("delete from auth.sessions where user_id = $1", [userId]);
  } else if (scope === "local") {
    await q.query("delete from auth.sessions where id = $1 and user_id = $2", [
      currentSessionId,
      userId,
    ]);
  } else {
    await q.query("delete from auth.sessions where user_id = $1 and id <> $2", [
      userId,
      currentSessionId,
    ]);
  }
}

/**
 * Ends every session of a user: refresh tokens stop working and access tokens are refused by
 * /auth/v1/user at once. For platform rules such as deactivating an organisation's members.
 */
export async function endAllSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await endSessions(q, userId, "global", undefined);
}
