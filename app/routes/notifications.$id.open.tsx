import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActiveUser } from "~/lib/access.server";
import { openNotification } from "~/lib/notifications.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { getSupabase } from "~/lib/supabase.server";

/**
 * Following a notification: marks it read and goes where it points. A link (not a form), so it
 * opens in a new tab too; marking one's own notification read is harmless to repeat.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const supabase = getSupabase(request, context);
  const id = z.string().uuid().safeParse(params.id);
  const opened = id.success ? await openNotification(supabase, id.data) : null;
  if (!opened) throw new Response("Not Found", { status: 404, headers: supabase.headers });
  // The database allows only same-site paths; checked again, as every redirect is.
  throw redirect(safeRedirect(opened.link, "/notifications"), { headers: supabase.headers });
}

/** Never rendered (the loader always redirects); it lets the list's links navigate client-side. */
export default function OpenNotification() {
  return null;
}
