/**
 * E-mailed one-time tokens, as GoTrue makes them: a six-digit code, and the link carries
 * sha224(email + code) (`pkce_`-prefixed for PKCE flows), which is also what the user row stores.
 */
import { createHash, randomInt } from "node:crypto";
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { tooManyRequests } from "./errors";
import { type EmailKind, composeEmail, sendEmail } from "./mailer";
import type { TokenColumn, UserPatch, UserRow } from "./users-repository";
import { updateUser } from "./users-repository";

interface TokenSlot {
  token: TokenColumn & keyof UserPatch;
  sentAt: "confirmation_sent_at" | "recovery_sent_at" | "email_change_sent_at";
}

export const tokenSlots: Record<EmailKind, TokenSlot> = {
  signup: { token: "confirmation_token", sentAt: "confirmation_sent_at" },
  invite: { token: "confirmation_token", sentAt: "confirmation_sent_at" },
  recovery: { token: "recovery_token", sentAt: "recovery_sent_at" },
  magiclink: { token: "recovery_token", sentAt: "recovery_sent_at" },
  email_change: { token: "email_change_token_new", sentAt: "email_change_sent_at" },
};

export function tokenHash(email: string, otp: string): string {
  return createHash("sha224")
    .update(email.toLowerCase() + otp)
    .digest("hex");
}

/** Where an e-mail of this kind goes: the new address for an e-mail change. */
export function recipientOf(user: UserRow, kind: EmailKind): string | null {
  return kind === "email_change" ? user.email_change : user.email;
}

export function verifyLink(
  config: AuthConfig,
  token: string,
  kind: EmailKind,
  redirectTo: string,
): string {
  const query = new URLSearchParams({ token, type: kind, redirect_to: redirectTo });
  return `${config.siteUrl}/auth/v1/verify?${query.toString()}`;
}

export interface IssuedOneTimeToken {
  user: UserRow;
  otp: string;
  hashedToken: string;
  link: string;
}

/**
 * Stores a fresh token for `kind` on the user and, when `deliver`, writes the e-mail. Refuses
 * (429) when the previous e-mail of that kind went out less than emailMinIntervalSeconds ago.
 */
export async function issueOneTimeToken(
  config: AuthConfig,
  tx: Queryable,
  user: UserRow,
  kind: EmailKind,
  options: { redirectTo: string; pkce: boolean; deliver: boolean },
): Promise<IssuedOneTimeToken> {
  const now = config.now();
  const slot = tokenSlots[kind];
  const recipient = recipientOf(user, kind);
  if (!recipient) throw new Error(`user ${user.id} has no address for a ${kind} e-mail`);
  const lastSent = user[slot.sentAt];
  if (options.deliver && lastSent) {
    const waitMs =
      new Date(lastSent).getTime() + config.emailMinIntervalSeconds * 1000 - now.getTime();
    if (waitMs > 0) {
      throw tooManyRequests(
        "over_email_send_rate_limit",
        `For security purposes, you can only request this after ${Math.ceil(waitMs / 1000)} seconds.`,
      );
    }
  }
  const otp = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const hashed = tokenHash(recipient, otp);
  const stored = options.pkce ? `pkce_${hashed}` : hashed;
  const link = verifyLink(config, stored, kind, options.redirectTo);
  const patch: UserPatch = { [slot.token]: stored, [slot.sentAt]: now };
  const updated = await updateUser(tx, user.id, patch, now);
  if (options.deliver) {
    await sendEmail(tx, { recipient, kind, ...composeEmail(kind, link, otp), link, now });
  }
  return { user: updated, otp, hashedToken: hashed, link };
}
