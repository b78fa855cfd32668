import type { LoaderFunctionArgs } from "@remix-run/node";
import { notificationEventStream } from "~/lib/notification-stream.server";
import { activeUserForResource } from "~/lib/resource-access.server";
import { getSupabase } from "~/lib/supabase.server";

/**
 * Server-Sent Events: `changed` when the signed-in person's notifications change. 204 tells the
 * browser's EventSource to stop (nobody active is signed in, or this server has no live hub);
 * the page then polls its count instead.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const events = context.notifications;
  const user = events ? await activeUserForResource(request, context) : null;
  const headers = new Headers(getSupabase(request, context).headers);
  // no-transform: compression would hold events back until a buffer fills.
  headers.set("Cache-Control", "no-store, no-transform");
  if (!user || !events) return new Response(null, { status: 204, headers });
  headers.set("Content-Type", "text/event-stream; charset=utf-8");
  headers.set("X-Accel-Buffering", "no");
  const stream = notificationEventStream({ events, userId: user.id, signal: request.signal });
  return new Response(stream, { status: 200, headers });
}
