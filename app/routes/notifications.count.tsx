import type { LoaderFunctionArgs } from "@remix-run/node";
import { unreadNotificationCount } from "~/lib/notifications.server";
import { activeUserForResource } from "~/lib/resource-access.server";
import { getSupabase } from "~/lib/supabase.server";

/** `{ unread }` for the header's badge, which fetches it when told that something changed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await activeUserForResource(request, context);
  const supabase = getSupabase(request, context);
  const headers = new Headers(supabase.headers);
  headers.set("Cache-Control", "no-store");
  if (!user) return Response.json({ unread: null }, { status: 401, headers });
  return Response.json({ unread: await unreadNotificationCount(supabase) }, { headers });
}
