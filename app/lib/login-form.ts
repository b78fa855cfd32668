import { z } from "zod";

/** Keys under `login.errors` in the locale files; the schema speaks in keys, the page translates. */
export const loginErrorKeys = [
  "emailRequired",
  "emailInvalid",
  "passwordRequired",
  "invalidCredentials",
  "emailNotConfirmed",
  "accessEnded",
  "tooManyAttempts",
  "unavailable",
] as const;
export type LoginErrorKey = (typeof loginErrorKeys)[number];

function isLoginErrorKey(value: string): value is LoginErrorKey {
  return (loginErrorKeys as readonly string[]).includes(value);
}

export const loginSchema = z.object({
  email: z
    .string({ required_error: "emailRequired", invalid_type_error: "emailRequired" })
    .trim()
    .min(1, "emailRequired")
    .max(320, "emailInvalid")
    .email("emailInvalid"),
  password: z
    .string({ required_error: "passwordRequired", invalid_type_error: "passwordRequired" })
    .min(1, "passwordRequired"),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type LoginFieldErrors = Partial<Record<keyof LoginInput, LoginErrorKey>>;

export type LoginParseResult =
  | { success: true; data: LoginInput }
  | { success: false; fieldErrors: LoginFieldErrors };

/** Validates the login form; on failure, the first problem of each field as a message key. */
export function parseLoginForm(form: { email: unknown; password: unknown }): LoginParseResult {
  const parsed = loginSchema.safeParse(form);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: LoginFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !fieldErrors[field]) {
      fieldErrors[field] = isLoginErrorKey(issue.message)
        ? issue.message
        : field === "email"
          ? "emailInvalid"
          : "passwordRequired";
    }
  }
  return { success: false, fieldErrors };
}

/**
 * What to tell a person whose sign-in the auth server refused. GoTrue's error codes come first;
 * the status is the fallback for servers that send none.
 */
export function loginErrorKey(error: { status?: number; code?: string }): LoginErrorKey {
  if (
    error.status === 429 ||
    error.code === "over_request_rate_limit" ||
    error.code === "over_email_send_rate_limit"
  ) {
    return "tooManyAttempts";
  }
  if (error.code === "email_not_confirmed") return "emailNotConfirmed";
  // The access token hook (SQL) refuses members their organisation has deactivated.
  if (error.code === "access_denied") return "accessEnded";
  if (error.code === "invalid_credentials") return "invalidCredentials";
  if (error.status === 400 || error.status === 401 || error.status === 422)
    return "invalidCredentials";
  return "unavailable";
}
