/**
 * The network a workspace page is about, as the signed-in person may see it. The database decides
 * (RLS hides networks the person may not read); `role`, `canWrite` and `isCoordinator` only choose
 * which controls to show, and every action is checked again by a policy or SQL function.
 */
import { type AppLoadContext, data } from "@remix-run/node";
import type { SupabaseClient, User } from "@supabase/supabase-js";
import type { Access } from "./access";
import { type Network, type NetworkRole, networkColumns, networkSchema } from "./network";
import { requireActiveUser } from "./access.server";
import { getSupabase } from "./supabase.server";

export interface NetworkContext {
  user: User;
  access: Access;
  client: SupabaseClient;
  headers: Headers;
  network: Network;
  /** The person's role, null when they are not a member. */
  role: NetworkRole | null;
  /** Coordinator or member of a network that is not archived. */
  canWrite: boolean;
  isCoordinator: boolean;
}

/** Loads the network by slug for an active user, or throws 404 when they may not see it. */
export async function requireNetwork(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
): Promise<NetworkContext> {
  const { user, access } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const { data: row, error } = await client
    .from("networks")
    .select(networkColumns)
    .eq("slug", slug ?? "")
    .maybeSingle();
  if (error) throw new Error(`Loading network ${slug} failed: ${error.code} ${error.message}`);
  if (!row) throw data({ notFound: true }, { status: 404, headers });
  const network = networkSchema.parse(row);
  const { data: membership, error: roleError } = await client
    .from("network_members")
    .select("role")
    .eq("network_id", network.id)
    .eq("user_id", user.id)
    .maybeSingle();
  if (roleError) throw new Error(`Loading network role failed: ${roleError.message}`);
  const role = (membership?.role ?? null) as NetworkRole | null;
  const open = network.archived_at === null;
  return {
    user,
    access,
    client,
    headers,
    network,
    role,
    canWrite: open && (role === "coordinator" || role === "member"),
    isCoordinator: role === "coordinator",
  };
}
