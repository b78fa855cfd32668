/**
 * GET /verify (the link in an e-mail: redirects with a session in the fragment, or with ?code=
 * for PKCE) and POST /verify (token_hash, or e-mail + six-digit code: answers with a session).
 */
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { AuthError, forbidden, unprocessable } from "./errors";
import type { EmailKind } from "./mailer";
import { recipientOf, tokenHash, tokenSlots } from "./one-time-tokens";
import { issueAuthCode } from "./pkce";
import { safeRedirect } from "./redirects";
import type { HandlerContext } from "./request-context";
import { ok, redirect } from "./responses";
import type { AuthenticationMethod } from "./sessions";
import { type SessionBody, isBanned, issueSession } from "./tokens";
import {
  type UserPatch,
  type UserRow,
  findUserByToken,
  isEmailTaken,
  syncEmailIdentity,
  updateUser,
} from "./users-repository";
import { type VerifyType, parseBody, verifyBody, verifyTypes } from "./validation";

const kindsOf: Record<VerifyType, EmailKind[]> = {
  signup: ["signup"],
  invite: ["invite"],
  recovery: ["recovery"],
  magiclink: ["magiclink"],
  email_change: ["email_change"],
  // verifyOtp({type: "email"}) accepts a sign-up confirmation or a magic link.
  email: ["signup", "magiclink"],
};

const methodOf: Record<EmailKind, AuthenticationMethod> = {
  signup: "email/signup",
  invite: "invite",
  recovery: "recovery",
  magiclink: "magiclink",
  email_change: "email_change",
};

function parseType(type: string): VerifyType {
  if (!(verifyTypes as readonly string[]).includes(type)) {
    throw unprocessable("validation_failed", "Unsupported verification type");
  }
  return type as VerifyType;
}

interface Found {
  user: UserRow;
  kind: EmailKind;
  pkce: boolean;
}

async function findByHash(
  tx: Queryable,
  type: VerifyType,
  hash: string,
): Promise<Found | undefined> {
  for (const kind of kindsOf[type]) {
    const column = tokenSlots[kind].token;
    const user = await findUserByToken(tx, column, hash);
    if (user) return { user, kind, pkce: (user[column] ?? "").startsWith("pkce_") };
  }
  return undefined;
}

async function findByOtp(
  tx: Queryable,
  type: VerifyType,
  email: string,
  otp: string,
): Promise<Found | undefined> {
  const address = email.trim().toLowerCase();
  const found = await findByHash(tx, type, tokenHash(address, otp.trim()));
  if (!found || recipientOf(found.user, found.kind)?.toLowerCase() !== address) return undefined;
  return found;
}

const expired = () => forbidden("otp_expired", "Email link is invalid or has expired");

/** Checks the token's age and applies what following the link means, then clears the token. */
async function consume(config: AuthConfig, tx: Queryable, found: Found): Promise<UserRow> {
  const { user, kind } = found;
  const now = config.now();
  const sentAt = user[tokenSlots[kind].sentAt];
  if (!sentAt || new Date(sentAt).getTime() + config.otpExpirySeconds * 1000 < now.getTime())
    throw expired();
  if (isBanned(user, now)) throw forbidden("user_banned", "User is banned");

  const patch: UserPatch = { [tokenSlots[kind].token]: null };
  const metadata = { ...user.raw_user_meta_data };
  if (kind === "email_change") {
    const newEmail = user.email_change;
    if (!newEmail) throw expired();
    if (await isEmailTaken(tx, newEmail, user.id)) {
      throw unprocessable(
        "email_exists",
        "A user with this email address has already been registered",
      );
    }
    patch.email = newEmail;
    patch.email_change = null;
    if ("email" in metadata) metadata.email = newEmail;
  }
  if (!user.email_confirmed_at || kind === "email_change") {
    patch.email_confirmed_at = user.email_confirmed_at ?? now;
    metadata.email_verified = true;
  }
  patch.raw_user_meta_data = metadata;
  const updated = await updateUser(tx, user.id, patch, now);
  await syncEmailIdentity(tx, updated, now);
  return updated;
}

function fragment(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

export async function verifyPost({ request, config, client }: HandlerContext): Promise<Response> {
  const body = await parseBody(request, verifyBody);
  const type = parseType(body.type);
  if (body.phone) throw forbidden("otp_expired", "Token has expired or is invalid");
  const session = await config.db.transaction<SessionBody>(null, async (tx) => {
    let found: Found | undefined;
    if (body.token_hash) found = await findByHash(tx, type, body.token_hash);
    else if (body.token && body.email) found = await findByOtp(tx, type, body.email, body.token);
    else
      throw new AuthError(
        400,
        "validation_failed",
        "Verify requires either a token_hash, or a token and an email",
      );
    if (!found) throw forbidden("otp_expired", "Token has expired or is invalid");
    const user = await consume(config, tx, found);
    return issueSession(config, tx, user, type === "email" ? "otp" : methodOf[found.kind], client);
  });
  return ok(request, session);
}

export async function verifyGet({
  request,
  url,
  config,
  client,
}: HandlerContext): Promise<Response> {
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  const token = url.searchParams.get("token") ?? "";
  let pkce = token.startsWith("pkce_");
  try {
    const type = parseType(url.searchParams.get("type") ?? "");
    const target = await config.db.transaction<string>(null, async (tx) => {
      const found = await findByHash(tx, type, token);
      if (!found) throw expired();
      pkce = found.pkce;
      const user = await consume(config, tx, found);
      const method = methodOf[found.kind];
      if (found.pkce) {
        const code = await issueAuthCode(tx, user.id, method, config.now());
        const target = new URL(redirectTo);
        target.searchParams.set("code", code);
        return target.href;
      }
      const session = await issueSession(config, tx, user, method, client);
      return `${redirectTo.split("#")[0]}#${fragment({
        access_token: session.access_token,
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: session.refresh_token,
        token_type: session.token_type,
        type,
      })}`;
    });
    return redirect(request, target);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // GoTrue reports link errors to the page the link would have opened.
    const values = {
      error: "access_denied",
      error_code: error.errorCode,
      error_description: error.message,
    };
    const target = new URL(redirectTo);
    if (pkce)
      for (const [name, value] of Object.entries(values)) target.searchParams.set(name, value);
    target.hash = fragment(values);
    return redirect(request, target.href);
  }
}
