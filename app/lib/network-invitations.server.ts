/**
 * The signed-in person's open invitations to networks. RLS shows a person the invitations made
 * to them (by account or by e-mail address) and those of networks they coordinate, so the query
 * keeps the person's own; accepting or declining is a function in the database.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import type { Locale } from "./i18n";
import { type NetworkRole, networkName, networkPurpose } from "./network";

export interface MyInvitation {
  id: string;
  networkSlug: string;
  networkName: string;
  networkPurpose: string;
  role: NetworkRole;
  message: string | null;
  invitedBy: string | null;
  createdAt: string;
}

interface InvitationRow {
  id: string;
  role: NetworkRole;
  message: string | null;
  created_at: string;
  network: {
    slug: string;
    name_fi: string;
    name_sv: string | null;
    purpose_fi: string;
    purpose_sv: string | null;
  } | null;
  inviter: { display_name: string } | null;
}

const invitationColumns =
  "id, role, message, created_at, network:networks(slug, name_fi, name_sv, purpose_fi, purpose_sv), inviter:profiles!network_invitations_invited_by_fkey(display_name)";

/** Open invitations addressed to this person, newest first. */
export async function myPendingInvitations(
  client: SupabaseClient,
  user: { id: string; email?: string },
  locale: Locale,
): Promise<MyInvitation[]> {
  const email = (user.email ?? "").toLowerCase();
  // The address goes in double quotes: PostgREST's logic syntax reserves , . ( ) in values.
  const mine = email
    ? `invited_user_id.eq.${user.id},email.eq."${email.replaceAll('"', "")}"`
    : `invited_user_id.eq.${user.id}`;
  const { data, error } = await client
    .from("network_invitations")
    .select(invitationColumns)
    .eq("status", "pending")
    .or(mine)
    .order("created_at", { ascending: false })
    .returns<InvitationRow[]>();
  if (error) throw error;
  return data.flatMap((row) =>
    row.network
      ? [
          {
            id: row.id,
            networkSlug: row.network.slug,
            networkName: networkName(row.network, locale),
            networkPurpose: networkPurpose(row.network, locale),
            role: row.role,
            message: row.message,
            invitedBy: row.inviter?.display_name ?? null,
            createdAt: row.created_at,
          },
        ]
      : [],
  );
}

export const invitationResponseSchema = z.object({
  intent: z.enum(["accept", "decline"], { message: "invalid" }),
  invitationId: z.string({ required_error: "invalid" }).uuid("invalid"),
});

/** The slug of the network an invitation of this person's is to, to go there after accepting. */
export async function invitationNetworkSlug(
  client: SupabaseClient,
  invitationId: string,
): Promise<string | null> {
  const { data, error } = await client
    .from("network_invitations")
    .select("network:networks(slug)")
    .eq("id", invitationId)
    .maybeSingle<{ network: { slug: string } | null }>();
  if (error) throw error;
  return data?.network?.slug ?? null;
}

export async function respondToInvitation(
  client: SupabaseClient,
  invitationId: string,
  accept: boolean,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("respond_to_invitation", {
    invitation_id: invitationId,
    accept,
  });
  return error;
}
