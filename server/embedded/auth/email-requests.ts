/**
 * POST /recover, /otp and /resend: requests that send an e-mail. /recover always answers 200,
 * whether or not the address has a user, so it cannot be used to find out who is registered.
 */
import { randomUUID } from "node:crypto";
import { badRequest, unprocessable } from "./errors";
import { issueOneTimeToken } from "./one-time-tokens";
import { createFlowState, parsePkceChallenge } from "./pkce";
import { safeRedirect } from "./redirects";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { initialUserMetadata } from "./signup";
import { findUserByEmail, insertEmailIdentity, insertUser } from "./users-repository";
import { normalizeEmail, otpBody, parseBody, recoverBody, resendBody } from "./validation";

export async function recover({ request, url, config }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, recoverBody);
  const email = normalizeEmail(body.email);
  const pkce = parsePkceChallenge(body.code_challenge, body.code_challenge_method);
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  await config.db.transaction(null, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    if (pkce)
      await createFlowState(tx, { userId: user.id, pkce, method: "recovery", now: config.now() });
    await issueOneTimeToken(config, tx, user, "recovery", {
      redirectTo,
      pkce: pkce !== undefined,
      deliver: true,
    });
  });
  return ok(request, {});
}

/** signInWithOtp for e-mail: a magic link to an existing user, a sign-up confirmation to a new one. */
export async function otp({ request, url, config }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, otpBody);
  if (body.phone && !body.email)
    throw badRequest("phone_provider_disabled", "Phone logins are disabled");
  if (!body.email)
    throw badRequest("validation_failed", "An email address or phone number is required");
  const email = normalizeEmail(body.email);
  const pkce = parsePkceChallenge(body.code_challenge, body.code_challenge_method);
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  const createUser = body.create_user ?? true;
  await config.db.transaction(null, async (tx) => {
    const now = config.now();
    let user = await findUserByEmail(tx, email);
    if (!user) {
      if (!createUser || config.disableSignup) {
        throw unprocessable("otp_disabled", "Signups not allowed for otp");
      }
      const id = randomUUID();
      const confirmedAt = config.mailerAutoconfirm ? now : null;
      user = await insertUser(tx, {
        id,
        email,
        encryptedPassword: null,
        emailConfirmedAt: confirmedAt,
        appMetadata: { provider: "email", providers: ["email"] },
        userMetadata: initialUserMetadata(body.data ?? {}, id, email, confirmedAt !== null),
        role: "authenticated",
        aud: "authenticated",
        now,
      });
      await insertEmailIdentity(tx, user, now);
    }
    const kind = user.email_confirmed_at ? "magiclink" : "signup";
    if (pkce) {
      await createFlowState(tx, {
        userId: user.id,
        pkce,
        method: kind === "signup" ? "email/signup" : kind,
        now,
      });
    }
    await issueOneTimeToken(config, tx, user, kind, {
      redirectTo,
      pkce: pkce !== undefined,
      deliver: true,
    });
  });
  return ok(request, {});
}

export async function resend({ request, url, config }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, resendBody);
  if (body.type !== "signup" && body.type !== "email_change") {
    throw badRequest("validation_failed", "Missing one of these types: signup, email_change");
  }
  if (!body.email) throw badRequest("validation_failed", "Type provided requires an email address");
  const email = normalizeEmail(body.email);
  const kind = body.type;
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  await config.db.transaction(null, async (tx) => {
    // For an e-mail change, `email` is the current address, as GoTrue reads it.
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    if (kind === "signup" && user.email_confirmed_at) return;
    if (kind === "email_change" && !user.email_change) return;
    await issueOneTimeToken(config, tx, user, kind, { redirectTo, pkce: false, deliver: true });
  });
  return ok(request, {});
}
