/** Two-step authentication through supabase-js `auth.mfa` and the recovery-code functions in SQL. */
import type { Factor } from "@supabase/supabase-js";
import { type SecondFactorErrorKey, secondFactorErrorKey } from "./mfa-form";
import type { RequestSupabase } from "./supabase.server";

export type AssuranceLevel = "aal1" | "aal2" | null;

/**
 * The session's level and the level it could reach. Asked with the access token so that the
 * factors come fresh from the auth server: the copy of the user in the cookie still lists factors
 * that a recovery code or an admin's reset has deleted since.
 */
export async function assuranceLevel(
  supabase: RequestSupabase,
): Promise<{ currentLevel: AssuranceLevel; nextLevel: AssuranceLevel }> {
  const { data: sessionData } = await supabase.client.auth.getSession();
  const token = sessionData.session?.access_token;
  if (!token) return { currentLevel: null, nextLevel: null };
  const { data, error } = await supabase.client.auth.mfa.getAuthenticatorAssuranceLevel(token);
  if (error) {
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      return { currentLevel: null, nextLevel: null };
    }
    throw error;
  }
  return { currentLevel: knownLevel(data.currentLevel), nextLevel: knownLevel(data.nextLevel) };
}

function knownLevel(level: string | null): AssuranceLevel {
  return level === "aal1" || level === "aal2" ? level : null;
}

export async function listTotpFactors(supabase: RequestSupabase): Promise<Factor[]> {
  const { data, error } = await supabase.client.auth.mfa.listFactors();
  if (error) throw error;
  return data.all.filter((factor) => factor.factor_type === "totp");
}

export type VerifyResult = { ok: true } | { ok: false; error: SecondFactorErrorKey };

/** Lifts the session to aal2 with a code from the person's verified authenticator. */
export async function verifySecondFactor(
  supabase: RequestSupabase,
  code: string,
): Promise<VerifyResult> {
  const factor = (await listTotpFactors(supabase)).find((each) => each.status === "verified");
  if (!factor) return { ok: false, error: "noFactor" };
  const { error } = await supabase.client.auth.mfa.challengeAndVerify({
    factorId: factor.id,
    code,
  });
  if (!error) return { ok: true };
  const key = secondFactorErrorKey(error);
  if (key === "unavailable") console.error("Verifying a second factor failed", error);
  return { ok: false, error: key };
}

export interface Enrolment {
  factorId: string;
  /** An SVG data URI, for an <img>. */
  qrCode: string;
  /** The base32 secret, for people who type it into their app instead of scanning. */
  secret: string;
}

/** A new TOTP factor, unverified until `confirmEnrolment`. Earlier unfinished attempts go first. */
export async function startEnrolment(supabase: RequestSupabase): Promise<Enrolment> {
  for (const factor of await listTotpFactors(supabase)) {
    if (factor.status !== "verified") {
      const { error } = await supabase.client.auth.mfa.unenroll({ factorId: factor.id });
      if (error) throw error;
    }
  }
  const { data, error } = await supabase.client.auth.mfa.enroll({ factorType: "totp" });
  if (error) throw error;
  return { factorId: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret };
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: SecondFactorErrorKey };

/**
 * Verifies the first code of a new factor (the session becomes aal2) and makes the ten recovery
 * codes, which the database returns this once.
 */
export async function confirmEnrolment(
  supabase: RequestSupabase,
  factorId: string,
  code: string,
): Promise<EnrolmentResult> {
  const { error } = await supabase.client.auth.mfa.challengeAndVerify({ factorId, code });
  if (error) {
    const key = secondFactorErrorKey(error);
    if (key === "unavailable") console.error("Verifying a new factor failed", error);
    return { ok: false, error: key };
  }
  return { ok: true, recoveryCodes: await generateRecoveryCodes(supabase) };
}

/** Ten new one-time codes replacing the old ones; the database allows it only at aal2. */
export async function generateRecoveryCodes(supabase: RequestSupabase): Promise<string[]> {
  const { data, error } = await supabase.client.rpc("generate_recovery_codes");
  if (error) throw error;
  if (!Array.isArray(data) || !data.every((code) => typeof code === "string")) {
    throw new Error("generate_recovery_codes returned something other than codes");
  }
  return data;
}

export async function unenrollFactor(
  supabase: RequestSupabase,
  factorId: string,
): Promise<{ ok: true } | { ok: false; needsSecondFactor: boolean }> {
  const { error } = await supabase.client.auth.mfa.unenroll({ factorId });
  if (!error) return { ok: true };
  if (error.code === "insufficient_aal") return { ok: false, needsSecondFactor: true };
  throw error;
}

export type RedeemResult = { ok: true } | { ok: false; error: "codeInvalid" | "tooManyAttempts" };

/** Uses up a recovery code: the database deletes the person's factors, so they enrol again. */
export async function redeemRecoveryCode(
  supabase: RequestSupabase,
  code: string,
): Promise<RedeemResult> {
  const { data, error } = await supabase.client.rpc("redeem_recovery_code", { code });
  if (error) {
    if (error.code === "PT429") return { ok: false, error: "tooManyAttempts" };
    throw error;
  }
  return data === true ? { ok: true } : { ok: false, error: "codeInvalid" };
}
