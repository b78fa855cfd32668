/**
 * Access tokens (HS256 JWTs with GoTrue's claim set) and refresh tokens (opaque, rotated on every
 * use; reusing a revoked one outside the reuse interval ends the whole session).
 */
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { badRequest } from "./errors";
import type { ClientInfo } from "./request-context";
import {
  type AuthenticationMethod,
  type SessionRow,
  createSession,
  expireSession,
  findLiveSession,
  markSessionRefreshed,
} from "./sessions";
import { appMetadataOf, loadUserJson } from "./user-json";
import { type JsonObject, type UserRow, findUserById, updateUser } from "./users-repository";

export interface SessionBody {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: JsonObject;
}

const encoder = new TextEncoder();

export function isBanned(user: UserRow, now: Date): boolean {
  return user.banned_until !== null && new Date(user.banned_until).getTime() > now.getTime();
}

export async function signAccessToken(
  config: AuthConfig,
  user: UserRow,
  session: SessionRow,
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(config.now().getTime() / 1000);
  const expiresAt = issuedAt + config.accessTokenSeconds;
  const claims = {
    iss: config.issuer,
    sub: user.id,
    aud: user.aud || "authenticated",
    exp: expiresAt,
    iat: issuedAt,
    email: user.email ?? "",
    phone: user.phone ?? "",
    app_metadata: appMetadataOf(user),
    user_metadata: user.raw_user_meta_data,
    role: user.role || "authenticated",
    aal: session.aal,
    amr: session.amr,
    session_id: session.id,
    is_anonymous: user.is_anonymous,
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(encoder.encode(config.keys.jwtSecret));
  return { token, expiresAt };
}

function newRefreshToken(): string {
  return randomBytes(24).toString("base64url");
}

async function insertRefreshToken(
  q: Queryable,
  token: { userId: string; sessionId: string; parent: string | null; now: Date },
): Promise<string> {
  const value = newRefreshToken();
  await q.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent, revoked, created_at, updated_at)
     values ($1, $2, $3, $4, false, $5, $5)`,
    [value, token.userId, token.sessionId, token.parent, token.now],
  );
  return value;
}

async function sessionBody(
  config: AuthConfig,
  q: Queryable,
  user: UserRow,
  session: SessionRow,
  refreshToken: string,
): Promise<SessionBody> {
  const { token, expiresAt } = await signAccessToken(config, user, session);
  return {
    access_token: token,
    token_type: "bearer",
    expires_in: config.accessTokenSeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await loadUserJson(q, user),
  };
}

/** Starts a session for a user who just proved who they are. Runs inside the caller's transaction. */
export async function issueSession(
  config: AuthConfig,
  tx: Queryable,
  user: UserRow,
  method: AuthenticationMethod,
  client: ClientInfo,
): Promise<SessionBody> {
  await config.hooks.checkAccess?.(user, tx);
  const now = config.now();
  const session = await createSession(tx, {
    userId: user.id,
    method,
    ip: client.ip,
    userAgent: client.userAgent,
    now,
  });
  const refreshToken = await insertRefreshToken(tx, {
    userId: user.id,
    sessionId: session.id,
    parent: null,
    now,
  });
  const signedIn = await updateUser(tx, user.id, { last_sign_in_at: now }, now);
  await tx.query("update auth.identities set last_sign_in_at = $2 where user_id = $1", [
    user.id,
    now,
  ]);
  return sessionBody(config, tx, signedIn, session, refreshToken);
}

/**
 * Locks a session's refresh tokens before its session row, in the order a refresh takes them, so
 * a refresh racing an MFA verification waits instead of deadlocking with it.
 */
export async function lockRefreshTokensOfSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query(
    "select id from auth.refresh_tokens where session_id = $1 order by id for update",
    [sessionId],
  );
}

/**
 * New tokens for a session whose assurance level just changed (MFA verification). The session's
 * earlier refresh tokens are deleted rather than revoked: a revoked token replayed within the
 * reuse interval is answered with a fresh one, and a token issued at aal1 must never yield aal2
 * (GoTrue skips its counter ahead for the same reason).
 */
export async function reissueSessionTokens(
  config: AuthConfig,
  tx: Queryable,
  user: UserRow,
  session: SessionRow,
): Promise<SessionBody> {
  const now = config.now();
  await tx.query("delete from auth.refresh_tokens where session_id = $1", [session.id]);
  const refreshToken = await insertRefreshToken(tx, {
    userId: user.id,
    sessionId: session.id,
    parent: null,
    now,
  });
  await markSessionRefreshed(tx, session.id, now);
  return sessionBody(config, tx, user, session, refreshToken);
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  session_id: string;
  parent: string | null;
  revoked: boolean;
  updated_at: Date;
}

type RefreshOutcome = { kind: "issued"; body: SessionBody } | { kind: "reused" };

/** The refresh_token grant: rotation with GoTrue's reuse interval and family revocation. */
export async function refreshSession(
  config: AuthConfig,
  refreshToken: string,
): Promise<SessionBody> {
  const outcome = await config.db.transaction<RefreshOutcome>(null, async (tx) => {
    const now = config.now();
    const { rows } = await tx.query<RefreshTokenRow>(
      `select id, token, user_id, session_id, parent, revoked, updated_at
         from auth.refresh_tokens where token = $1 for update`,
      [refreshToken],
    );
    const token = rows[0];
    if (!token)
      throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    const user = await findUserById(tx, token.user_id);
    if (!user)
      throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    if (isBanned(user, now)) throw badRequest("user_banned", "Invalid Refresh Token: User Banned");
    const session = await findLiveSession(tx, token.session_id, now, true);
    if (!session) {
      const revokedFamily = token.revoked;
      if (revokedFamily) return { kind: "reused" };
      throw badRequest("session_expired", "Invalid Refresh Token: Session Expired");
    }
    await config.hooks.checkAccess?.(user, tx);

    let issued: string | undefined;
    if (token.revoked) {
      const reuseUntil =
        new Date(token.updated_at).getTime() + config.refreshTokenReuseIntervalSeconds * 1000;
      if (now.getTime() >= reuseUntil) {
        // Someone replayed an old token: whoever holds the session now may be an attacker.
        await expireSession(tx, session.id, now);
        return { kind: "reused" };
      }
      // Inside the interval a client that lost the answer to its last refresh gets the same token.
      const active = await tx.query<{ token: string }>(
        `select token from auth.refresh_tokens
          where session_id = $1 and revoked = false and parent = $2 order by id desc limit 1`,
        [session.id, token.token],
      );
      issued = active.rows[0]?.token;
    }
    if (!issued) {
      await tx.query(
        "update auth.refresh_tokens set revoked = true, updated_at = $2 where id = $1",
        [token.id, now],
      );
      issued = await insertRefreshToken(tx, {
        userId: user.id,
        sessionId: session.id,
        parent: token.token,
        now,
      });
    }
    await markSessionRefreshed(tx, session.id, now);
    return { kind: "issued", body: await sessionBody(config, tx, user, session, issued) };
  });
  if (outcome.kind === "reused") {
    throw badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used");
  }
  return outcome.body;
}
