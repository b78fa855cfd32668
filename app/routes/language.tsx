import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { resolveLocale } from "~/lib/i18n";
import { serializeLanguageCookie } from "~/lib/i18n.server";
import { savePreferredLocale } from "~/lib/profile.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { getSupabase } from "~/lib/supabase.server";

export async function loader() {
  return redirect("/");
}

/**
 * Remembers the chosen language in the `lng` cookie and goes back where the switch was used; for
 * a signed-in person also in their profile, so it follows them across devices.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = resolveLocale(form.get("lng"));
  const supabase = getSupabase(request, context);
  const user = await supabase.getUser();
  // Signed in: the choice goes with the profile, and the next sign-in anywhere brings it back.
  if (user) await savePreferredLocale(supabase, user.id, locale);
  const headers = new Headers(supabase.headers);
  headers.append("Set-Cookie", await serializeLanguageCookie(locale, request));
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}
