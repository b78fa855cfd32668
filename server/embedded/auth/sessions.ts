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
  // Reserved for MFA (next issue): a verified TOTP factor or recovery code lifts a session to aal2.
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
