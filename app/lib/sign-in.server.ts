/** What follows a correct password: the person's own language, then the second step if they have one. */
import { type AppLoadContext, redirect } from "@remix-run/node";
import { serializeLanguageCookie } from "./i18n.server";
import { assuranceLevel } from "./mfa.server";
import { preferredLocaleOf } from "./profile.server";
import { getSupabase } from "./supabase.server";

/**
 * The redirect after a password sign-in. The profile's language goes into the `lng` cookie, so
 * a language chosen on another device follows the person here ("language persists per user").
 * People with a verified authenticator continue to `/login/mfa`.
 */
export async function redirectAfterPassword(
  request: Request,
  context: AppLoadContext,
  userId: string,
  redirectTo: string,
): Promise<Response> {
  const supabase = getSupabase(request, context);
  const [locale, level] = await Promise.all([
    preferredLocaleOf(supabase, userId),
    assuranceLevel(supabase),
  ]);
  const headers = new Headers(supabase.headers);
  if (locale) headers.append("Set-Cookie", await serializeLanguageCookie(locale, request));
  if (level.nextLevel === "aal2" && level.currentLevel !== "aal2") {
    return redirect(`/login/mfa?${new URLSearchParams({ redirectTo })}`, { headers });
  }
  return redirect(redirectTo, { headers });
}
