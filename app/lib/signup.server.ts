import type { Locale } from "./i18n";
import type { SignupErrorKey, SignupInput } from "./signup-form";
import { signupErrorKey } from "./signup-form";
import type { RequestSupabase } from "./supabase.server";

/**
 * Creates the account; the database's sign-up trigger makes the profile and the pending
 * membership (by the e-mail's domain, else the chosen organisation). The confirmation link
 * comes back to `/auth/confirm`.
 */
export async function signUp(
  supabase: RequestSupabase,
  input: SignupInput,
  options: { origin: string; locale: Locale },
): Promise<{ ok: true } | { ok: false; error: SignupErrorKey }> {
  const { error } = await supabase.client.auth.signUp({
    email: input.email,
    password: input.password,
    options: {
      emailRedirectTo: `${options.origin}/auth/confirm`,
      data: {
        full_name: input.displayName,
        locale: options.locale,
        ...(input.organisationId ? { organisation_id: input.organisationId } : {}),
      },
    },
  });
  if (!error) return { ok: true };
  const key = signupErrorKey(error);
  if (key === null) return { ok: true };
  if (key === "unavailable") console.error("Sign-up failed unexpectedly", error);
  return { ok: false, error: key };
}
