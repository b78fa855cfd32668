/** POST /signup: e-mail + password sign-ups, with or without confirmation by e-mail. */
import { randomUUID } from "node:crypto";
import { badRequest, forbidden, unprocessable } from "./errors";
import { issueOneTimeToken } from "./one-time-tokens";
import { assertPasswordStrength, hashPassword } from "./passwords";
import { createFlowState, parsePkceChallenge } from "./pkce";
import { safeRedirect } from "./redirects";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { issueSession } from "./tokens";
import { appMetadataOf, loadUserJson, userJson } from "./user-json";
import {
  type JsonObject,
  type UserRow,
  findUserByEmail,
  insertEmailIdentity,
  insertUser,
} from "./users-repository";
import { normalizeEmail, parseBody, signupBody } from "./validation";

/** GoTrue copies the e-mail identity's claims into user_metadata next to the caller's data. */
export function initialUserMetadata(
  data: JsonObject,
  id: string,
  email: string,
  confirmed: boolean,
): JsonObject {
  return { ...data, sub: id, email, email_verified: confirmed, phone_verified: false };
}

/**
 * What GoTrue answers when the address already belongs to a confirmed user and confirmations
 * are on: a plausible unconfirmed user with a fresh id, so the answer does not reveal the account.
 */
function obfuscatedUser(existing: UserRow, email: string, data: JsonObject, now: Date): JsonObject {
  const stamp = now.toISOString();
  return {
    ...userJson({ ...existing, raw_user_meta_data: data, raw_app_meta_data: {} }, []),
    id: randomUUID(),
    email,
    email_confirmed_at: undefined,
    confirmed_at: undefined,
    last_sign_in_at: undefined,
    confirmation_sent_at: stamp,
    created_at: stamp,
    updated_at: stamp,
    app_metadata: appMetadataOf({ ...existing, raw_app_meta_data: {} }),
    identities: [],
  };
}

export async function signup({ request, url, config, client }: HandlerContext): Promise<Response> {
  if (config.disableSignup)
    throw forbidden("signup_disabled", "Signups not allowed for this instance");
  const body = await parseBody(request, signupBody);
  if (body.phone) throw badRequest("phone_provider_disabled", "Phone signups are disabled");
  if (!body.email)
    throw unprocessable("anonymous_provider_disabled", "Anonymous sign-ins are disabled");
  if (!body.password) throw unprocessable("validation_failed", "Signup requires a valid password");
  assertPasswordStrength(body.password, config.passwordMinLength);
  const email = normalizeEmail(body.email);
  const pkce = parsePkceChallenge(body.code_challenge, body.code_challenge_method);
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  const data = body.data ?? {};
  const passwordHash = await hashPassword(body.password, config.bcryptCost);

  const result = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    const existing = await findUserByEmail(tx, email);
    if (existing && (existing.email_confirmed_at || config.mailerAutoconfirm)) {
      return { kind: "exists" as const, user: existing, now };
    }
    if (existing) {
      // Unconfirmed: GoTrue leaves the user as it is (the caller has not proved anything) and
      // sends the confirmation again.
      if (pkce)
        await createFlowState(tx, { userId: existing.id, pkce, method: "email/signup", now });
      const issued = await issueOneTimeToken(config, tx, existing, "signup", {
        redirectTo,
        pkce: pkce !== undefined,
        deliver: true,
      });
      return { kind: "user" as const, body: await loadUserJson(tx, issued.user) };
    }
    const id = randomUUID();
    const confirmedAt = config.mailerAutoconfirm ? now : null;
    const user = await insertUser(tx, {
      id,
      email,
      encryptedPassword: passwordHash,
      emailConfirmedAt: confirmedAt,
      appMetadata: { provider: "email", providers: ["email"] },
      userMetadata: initialUserMetadata(data, id, email, confirmedAt !== null),
      role: "authenticated",
      aud: "authenticated",
      now,
    });
    await insertEmailIdentity(tx, user, now);
    if (config.mailerAutoconfirm) {
      return {
        kind: "session" as const,
        body: await issueSession(config, tx, user, "password", client),
      };
    }
    if (pkce) await createFlowState(tx, { userId: user.id, pkce, method: "email/signup", now });
    const issued = await issueOneTimeToken(config, tx, user, "signup", {
      redirectTo,
      pkce: pkce !== undefined,
      deliver: true,
    });
    return { kind: "user" as const, body: await loadUserJson(tx, issued.user) };
  });

  if (result.kind === "exists") {
    if (config.mailerAutoconfirm)
      throw unprocessable("user_already_exists", "User already registered");
    return ok(request, obfuscatedUser(result.user, email, data, result.now));
  }
  return ok(request, result.body);
}
