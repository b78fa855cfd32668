/** The second-step forms: a six-digit authenticator code, or a recovery code. */
import { z } from "zod";

export const totpCodeSchema = z.object({
  code: z
    .string({ required_error: "codeFormat", invalid_type_error: "codeFormat" })
    // People paste codes with spaces ("123 456"); the authenticator shows them that way.
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "codeFormat")),
});

export const enrolmentSchema = totpCodeSchema.extend({
  factorId: z.string({ required_error: "invalid" }).uuid("invalid"),
});

export const recoveryCodeSchema = z.object({
  code: z
    .string({ required_error: "recoveryCodeFormat", invalid_type_error: "recoveryCodeFormat" })
    .trim()
    .min(1, "recoveryCodeFormat")
    .max(64, "recoveryCodeFormat")
    .regex(/^[0-9a-zA-Z\s-]+$/, "recoveryCodeFormat"),
});

/** Keys under `mfa.errors`: what the auth server's refusal of a code means to the person. */
export type SecondFactorErrorKey = "codeInvalid" | "tooManyAttempts" | "noFactor" | "unavailable";

export function secondFactorErrorKey(error: {
  status?: number;
  code?: string;
}): SecondFactorErrorKey {
  if (error.status === 429 || error.code === "over_request_rate_limit") return "tooManyAttempts";
  if (
    error.code === "mfa_verification_failed" ||
    error.code === "mfa_challenge_expired" ||
    error.code === "mfa_verification_rejected"
  ) {
    return "codeInvalid";
  }
  if (error.status === 422 || error.status === 400) return "codeInvalid";
  return "unavailable";
}
