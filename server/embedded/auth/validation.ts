/** Request bodies as zod schemas. Unknown members (gotrue_meta_security, …) are dropped, as GoTrue ignores them. */
import { z } from "zod";
import { BodyError, readJsonBody } from "../http";
import { badRequest } from "./errors";

const metadata = z.record(z.unknown());
const optionalString = z.string().nullish();

export const signupBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata.nullish(),
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

export const passwordGrantBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: z.string({
    required_error: "password is required",
    invalid_type_error: "password must be a string",
  }),
});

export const refreshTokenGrantBody = z.object({ refresh_token: optionalString });

export const pkceGrantBody = z.object({ auth_code: optionalString, code_verifier: optionalString });

export const verifyTypes = [
  "signup",
  "invite",
  "recovery",
  "magiclink",
  "email_change",
  "email",
] as const;
export type VerifyType = (typeof verifyTypes)[number];

export const verifyBody = z.object({
  type: z.string({ required_error: "Verify requires a verification type" }),
  token: optionalString,
  token_hash: optionalString,
  email: optionalString,
  phone: optionalString,
  redirect_to: optionalString,
});

export const recoverBody = z.object({
  email: z.string({ required_error: "Password recovery requires an email" }),
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

export const otpBody = z.object({
  email: optionalString,
  phone: optionalString,
  create_user: z.boolean().nullish(),
  data: metadata.nullish(),
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

export const resendBody = z.object({
  type: z.string(),
  email: optionalString,
  phone: optionalString,
});

export const updateUserBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata.nullish(),
  nonce: optionalString,
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

export const adminUserBody = z.object({
  id: z.string().uuid().nullish(),
  aud: optionalString,
  role: optionalString,
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  password_hash: optionalString,
  email_confirm: z.boolean().nullish(),
  phone_confirm: z.boolean().nullish(),
  user_metadata: metadata.nullish(),
  app_metadata: metadata.nullish(),
  ban_duration: optionalString,
});

export const adminDeleteBody = z.object({ should_soft_delete: z.boolean().nullish() });

export const generateLinkBody = z.object({
  type: z.enum(["signup", "invite", "magiclink", "recovery"]),
  email: z.string(),
  password: optionalString,
  data: metadata.nullish(),
  redirect_to: optionalString,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are checked before they reach a uuid column, which would answer 22P02. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && uuidPattern.test(value);
}

export const enrollFactorBody = z.object({
  factor_type: optionalString,
  friendly_name: optionalString,
  issuer: optionalString,
  phone: optionalString,
});

export const verifyFactorBody = z.object({
  challenge_id: optionalString,
  code: optionalString,
});

/** Reads and validates a JSON body: malformed JSON is bad_json, a wrong shape validation_failed (both 400). */
export async function parseBody<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await readJsonBody(request);
  } catch (error) {
    if (error instanceof BodyError) {
      throw badRequest("bad_json", `Could not parse request body as JSON: ${error.message}`);
    }
    throw error;
  }
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw badRequest("validation_failed", `${where}${issue?.message ?? "Invalid request body"}`);
  }
  return parsed.data;
}

// Deliberately loose, like GoTrue: one @, something before it, a dot in the domain, no spaces.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased and trimmed address, or 400 validation_failed as GoTrue's validateEmail. */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (trimmed.length > 255 || !emailPattern.test(trimmed)) {
    throw badRequest("validation_failed", "Unable to validate email address: invalid format");
  }
  return trimmed;
}
