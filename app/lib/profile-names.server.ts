/** Display names of people, as the signed-in person may see them (RLS hides the rest). */
import type { SupabaseClient } from "@supabase/supabase-js";

export async function profileNames(
  client: SupabaseClient,
  ids: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data, error } = await client
    .from("profiles")
    .select("id, display_name")
    .in("id", unique)
    .returns<{ id: string; display_name: string }[]>();
  if (error) throw new Error(`Loading names failed: ${error.code} ${error.message}`);
  return new Map(data.map((row) => [row.id, row.display_name]));
}
