import type { EmailOtpType } from "@supabase/supabase-js";
import type { RequestSupabase } from "./supabase.server";

const otpTypes: readonly EmailOtpType[] = [
  "signup",
  "invite",
  "magiclink",
  "recovery",
  "email_change",
  "email",
];

function isOtpType(value: string | null): value is EmailOtpType {
  return (otpTypes as readonly (string | null)[]).includes(value);
}

/**
 * Turns the link's `code` (PKCE: needs the verifier cookie of the browser that asked for the
 * e-mail) or `token_hash` + `type` into a session. False when the link carries an error from the
 * auth server or cannot be used (expired, used, opened in another browser).
 */
export async function confirmEmailLink(
  supabase: RequestSupabase,
  params: URLSearchParams,
): Promise<boolean> {
  if (params.get("error") || params.get("error_code")) return false;
  const code = params.get("code");
  if (code) {
    const { error } = await supabase.client.auth.exchangeCodeForSession(code);
    if (error)
      console.warn("An e-mail link's code could not be exchanged", error.code ?? error.name);
    return !error;
  }
  const tokenHash = params.get("token_hash");
  const type = params.get("type");
  if (tokenHash && isOtpType(type)) {
    const { error } = await supabase.client.auth.verifyOtp({ token_hash: tokenHash, type });
    if (error)
      console.warn("An e-mail link's token could not be verified", error.code ?? error.name);
    return !error;
  }
  return false;
}
