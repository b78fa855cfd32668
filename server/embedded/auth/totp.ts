/**
 * RFC 6238 time-based one-time passwords as GoTrue checks them: SHA-1, six digits, 30-second
 * steps, one step of clock drift either way. Codes are checked against the auth service's clock
 * (so tests can move it), never the library's own.
 */
import { authenticator } from "otplib";

export const totpStepSeconds = 30;
const totpDigits = 6;
const allowedDriftSteps = 1;
/** 160-bit secrets, as GoTrue's TOTP library makes them (32 base32 characters). */
const secretBytes = 20;

function authenticatorAt(now: Date) {
  return authenticator.clone({
    epoch: now.getTime(),
    step: totpStepSeconds,
    digits: totpDigits,
    window: allowedDriftSteps,
  });
}

export function generateTotpSecret(): string {
  return authenticator.generateSecret(secretBytes);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(issuer: string, accountName: string, secret: string): string {
  return authenticatorAt(new Date()).keyuri(accountName, issuer, secret);
}

export function totpTimeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpStepSeconds);
}

/** The time step whose code `code` is, within the allowed drift, or undefined if it matches none. */
export function matchTotpCode(code: string, secret: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = authenticatorAt(now).checkDelta(code, secret);
  return delta === null ? undefined : totpTimeStep(now) + delta;
}
