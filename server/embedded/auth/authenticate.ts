/** Who is calling: the bearer JWT checked as GoTrue's requireAuthentication / requireAdmin do. */
import type { Claims } from "../db";
import { JwtError, bearerToken, verifyJwt } from "../jwt";
import type { AuthConfig } from "./config";
import { type AuthError, forbidden, unauthorized } from "./errors";
import { type SessionRow, findLiveSession } from "./sessions";
import { type UserRow, findUserById } from "./users-repository";

const adminRoles = new Set(["service_role", "supabase_admin"]);

function jwtError(error: JwtError): AuthError {
  const reason =
    error.reason === "expired" ? "token has invalid claims: token is expired" : error.message;
  return forbidden("bad_jwt", `invalid JWT: unable to parse or verify signature, ${reason}`);
}

export async function verifiedClaims(config: AuthConfig, request: Request): Promise<Claims> {
  const token = bearerToken(request);
  if (!token) throw unauthorized("no_authorization", "This endpoint requires a valid Bearer token");
  try {
    return await verifyJwt(token, config.keys.jwtSecret);
  } catch (error) {
    if (error instanceof JwtError) throw jwtError(error);
    throw error;
  }
}

/** Service role only (GOTRUE_JWT_ADMIN_ROLES), else 403 not_admin. */
export async function requireAdmin(config: AuthConfig, request: Request): Promise<Claims> {
  const claims = await verifiedClaims(config, request);
  if (!adminRoles.has(claims.role)) throw forbidden("not_admin", "User not allowed");
  return claims;
}

export interface Caller {
  claims: Claims;
  user: UserRow;
  /** The session the token belongs to; absent only for tokens minted without one. */
  session: SessionRow | undefined;
}

/**
 * A signed-in user: valid token, existing user, and a session that has not been signed out —
 * so an access token stops working the moment its session ends, not only when it expires.
 */
export async function requireUser(config: AuthConfig, request: Request): Promise<Caller> {
  const claims = await verifiedClaims(config, request);
  if (typeof claims.sub !== "string" || claims.sub === "") {
    throw forbidden("bad_jwt", "invalid claim: missing sub claim");
  }
  const user = /^[0-9a-f-]{36}$/i.test(claims.sub)
    ? await findUserById(config.db, claims.sub)
    : undefined;
  if (!user || user.deleted_at)
    throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
  let session: SessionRow | undefined;
  if (typeof claims.session_id === "string" && claims.session_id !== "") {
    session = /^[0-9a-f-]{36}$/i.test(claims.session_id)
      ? await findLiveSession(config.db, claims.session_id, config.now())
      : undefined;
    if (!session || session.user_id !== user.id) {
      throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    }
  }
  await config.hooks.checkAccess?.(user, config.db);
  return { claims, user, session };
}

/** A signed-in user acting through a session (MFA needs one: it raises that session's level). */
export async function requireSessionUser(
  config: AuthConfig,
  request: Request,
): Promise<Caller & { session: SessionRow }> {
  const caller = await requireUser(config, request);
  const { session } = caller;
  if (!session) {
    throw forbidden(
      "session_not_found",
      "A valid session is required for multi-factor authentication",
    );
  }
  return { ...caller, session };
}
