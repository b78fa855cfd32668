/** The sign-up form: a work e-mail, a name and a password; an organisation when the domain is unknown. */
import { z } from "zod";

/** Longer than GoTrue's default of 6; bcrypt reads at most 72 bytes. */
export const passwordMinLength = 10;
export const passwordMaxLength = 72;

export const emailField = z
  .string({ required_error: "emailRequired", invalid_type_error: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(320, "emailInvalid")
  .email("emailInvalid");

export const newPasswordField = z
  .string({ required_error: "passwordRequired", invalid_type_error: "passwordRequired" })
  .min(1, "passwordRequired")
  .min(passwordMinLength, "passwordTooShort")
  .refine(
    (value) => new TextEncoder().encode(value).length <= passwordMaxLength,
    "passwordTooLong",
  );

export const signupSchema = z.object({
  email: emailField,
  displayName: z
    .string({ required_error: "nameRequired", invalid_type_error: "nameRequired" })
    .trim()
    .min(1, "nameRequired")
    .max(200, "tooLong"),
  password: newPasswordField,
  organisationId: z
    .union([z.literal(""), z.string().uuid("organisationRequired")])
    .optional()
    .transform((value) => value || null),
});
export type SignupInput = z.infer<typeof signupSchema>;

export const newPasswordSchema = z
  .object({ password: newPasswordField, confirmPassword: z.string().optional() })
  .refine((value) => value.password === value.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });

export const forgotPasswordSchema = z.object({ email: emailField });

/** Keys under `signup.errors`: the auth server's refusals of a sign-up. */
export type SignupErrorKey = "weakPassword" | "tooManyAttempts" | "unavailable";

export function signupErrorKey(error: { status?: number; code?: string }): SignupErrorKey | null {
  // An address that is taken is not reported: that would tell anyone who has an account.
  if (error.code === "user_already_exists" || error.code === "email_exists") return null;
  if (error.code === "weak_password") return "weakPassword";
  if (error.status === 429 || error.code?.startsWith("over_")) return "tooManyAttempts";
  return "unavailable";
}
