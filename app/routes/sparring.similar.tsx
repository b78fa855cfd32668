import type { LoaderFunctionArgs } from "@remix-run/node";
import { activeUserForResource } from "~/lib/resource-access.server";
import { similarItems } from "~/lib/sparring.server";
import { getSupabase } from "~/lib/supabase.server";

/**
 * `{ items }`: earlier questions and published interpretations like ?q=, for the ask form while
 * the person types. similar_sparring_items() only searches what the person may read.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await activeUserForResource(request, context);
  const { client, headers: cookies } = getSupabase(request, context);
  const headers = new Headers(cookies);
  headers.set("Cache-Control", "no-store");
  if (!user) return Response.json({ items: [] }, { status: 401, headers });
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json({ items: await similarItems(client, query) }, { headers });
}
