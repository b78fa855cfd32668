/** POST /token?grant_type=password | refresh_token | pkce */
import { badRequest, invalidCredentials, OAuthError } from "./errors";
import { verifyPassword } from "./passwords";
import { exchangeAuthCode } from "./pkce";
import { assertLoginAllowed, recordLoginAttempt } from "./rate-limit";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { isBanned, issueSession, refreshSession } from "./tokens";
import { findUserByEmail, findUserById } from "./users-repository";
import { parseBody, passwordGrantBody, pkceGrantBody, refreshTokenGrantBody } from "./validation";

async function passwordGrant({ request, config, client }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, passwordGrantBody);
  if (body.phone && !body.email)
    throw badRequest("phone_provider_disabled", "Phone logins are disabled");
  if (!body.email) throw badRequest("validation_failed", "missing email or phone");
  const email = body.email.trim().toLowerCase();
  await assertLoginAllowed(config, config.db, email, client.ip);

  const user = await findUserByEmail(config.db, email);
  const passwordMatches = await verifyPassword(
    body.password,
    user?.encrypted_password ?? null,
    config.bcryptCost,
  );
  if (!user || !passwordMatches) {
    await recordLoginAttempt(config, config.db, { email, ip: client.ip, succeeded: false });
    throw invalidCredentials();
  }
  if (isBanned(user, config.now())) throw badRequest("user_banned", "User is banned");
  if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");

  const session = await config.db.transaction(null, async (tx) => {
    const issued = await issueSession(config, tx, user, "password", client);
    await recordLoginAttempt(config, tx, { email, ip: client.ip, succeeded: true });
    return issued;
  });
  return ok(request, session);
}

async function refreshTokenGrant({ request, config }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, refreshTokenGrantBody);
  if (!body.refresh_token) throw new OAuthError("invalid_request", "refresh_token required");
  return ok(request, await refreshSession(config, body.refresh_token));
}

async function pkceGrant({ request, config, client }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, pkceGrantBody);
  if (!body.auth_code || !body.code_verifier) {
    throw badRequest(
      "validation_failed",
      "invalid request: both auth code and code verifier should be non-empty",
    );
  }
  const authCode = body.auth_code;
  const verifier = body.code_verifier;
  const session = await config.db.transaction(null, async (tx) => {
    const flow = await exchangeAuthCode(config, tx, authCode, verifier);
    const user = await findUserById(tx, flow.userId);
    if (!user || user.deleted_at) throw badRequest("user_not_found", "User not found");
    if (isBanned(user, config.now())) throw badRequest("user_banned", "User is banned");
    return issueSession(config, tx, user, flow.method, client);
  });
  return ok(request, session);
}

export async function token(context: HandlerContext): Promise<Response> {
  switch (context.url.searchParams.get("grant_type")) {
    case "password":
      return passwordGrant(context);
    case "refresh_token":
      return refreshTokenGrant(context);
    case "pkce":
      return pkceGrant(context);
    default:
      throw new OAuthError("unsupported_grant_type", "unsupported grant type");
  }
}
