/**
 * GoTrue's error codes and the two body shapes it answers with: `{code, message}` for clients
 * that send `X-Supabase-Api-Version: 2024-01-01` (every current supabase-js), the older
 * `{code: <status>, error_code, msg}` for anyone else.
 */

export type AuthErrorCode =
  | "validation_failed"
  | "bad_json"
  | "email_exists"
  | "user_already_exists"
  | "bad_jwt"
  | "not_admin"
  | "no_authorization"
  | "user_not_found"
  | "session_not_found"
  | "session_expired"
  | "refresh_token_not_found"
  | "refresh_token_already_used"
  | "flow_state_not_found"
  | "flow_state_expired"
  | "bad_code_verifier"
  | "signup_disabled"
  | "user_banned"
  | "email_not_confirmed"
  | "email_address_invalid"
  | "email_provider_disabled"
  | "phone_provider_disabled"
  | "anonymous_provider_disabled"
  | "otp_expired"
  | "otp_disabled"
  | "weak_password"
  | "same_password"
  | "invalid_credentials"
  | "over_request_rate_limit"
  | "over_email_send_rate_limit"
  | "insufficient_aal"
  | "mfa_factor_not_found"
  | "mfa_factor_name_conflict"
  | "too_many_enrolled_mfa_factors"
  | "mfa_challenge_expired"
  | "mfa_ip_address_mismatch"
  | "mfa_verification_failed"
  | "mfa_phone_enroll_not_enabled"
  | "mfa_webauthn_enroll_not_enabled"
  | "unexpected_failure"
  | "access_denied"
  | "not_found"
  | "unknown";

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: AuthErrorCode,
    message: string,
    /** Extra members of the body, e.g. `weak_password: {reasons}`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: AuthErrorCode, message: string) =>
  new AuthError(400, code, message);
export const unauthorized = (code: AuthErrorCode, message: string) =>
  new AuthError(401, code, message);
export const forbidden = (code: AuthErrorCode, message: string) =>
  new AuthError(403, code, message);
export const notFound = (code: AuthErrorCode, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: AuthErrorCode, message: string) =>
  new AuthError(422, code, message);
export const tooManyRequests = (code: AuthErrorCode, message: string) =>
  new AuthError(429, code, message);

export function weakPasswordError(message: string, reasons: string[]): AuthError {
  return new AuthError(422, "weak_password", message, { weak_password: { reasons } });
}

/** GoTrue's answer when neither credentials nor the account state may be disclosed. */
export const invalidCredentials = () =>
  badRequest("invalid_credentials", "Invalid login credentials");

/** OAuth-style errors (`{error, error_description}`) that GoTrue still uses for /token. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * Two sign-ups of one address racing each other both pass the "is it taken" check; the unique
 * index decides, and the loser gets the answer it would have got a moment later.
 */
export function fromDatabaseError(error: unknown): AuthError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, constraint, message } = error as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  const mentionsEmailIndex =
    constraint === "users_email_key" ||
    (typeof message === "string" && message.includes("users_email_key"));
  if (code === "23505" && mentionsEmailIndex) {
    return unprocessable(
      "email_exists",
      "A user with this email address has already been registered",
    );
  }
  return undefined;
}
