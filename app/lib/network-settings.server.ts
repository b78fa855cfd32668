/**
 * Changing a network's settings, its yearly review and archiving. The update goes straight to
 * `networks` through RLS (coordinators of a network that is not archived, granted columns only);
 * the rest are functions in the database that check the caller and write the audit log.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import type { NetworkSettings } from "./network-settings-form";

/**
 * Saves the settings. RLS hides the row from anyone who may not change it, so an update that
 * touches no row is a refusal too (reported as 42501, as the database would).
 */
export async function updateNetworkSettings(
  client: SupabaseClient,
  networkId: string,
  settings: NetworkSettings,
): Promise<DbErrorLike | null> {
  const { data, error } = await client
    .from("networks")
    .update(settings)
    .eq("id", networkId)
    .select("id");
  if (error) return error;
  if (data.length === 0) {
    return { code: "42501", message: "only the network's coordinators can do this" };
  }
  return null;
}

export async function markNetworkReviewed(
  client: SupabaseClient,
  networkId: string,
  nextReview: string,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("mark_network_reviewed", {
    network_id: networkId,
    next_review: nextReview,
  });
  return error;
}

export async function archiveNetwork(
  client: SupabaseClient,
  networkId: string,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("archive_network", { network_id: networkId });
  return error;
}

export async function restoreNetwork(
  client: SupabaseClient,
  networkId: string,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("restore_network", { network_id: networkId });
  return error;
}
