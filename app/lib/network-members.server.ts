/**
 * A network's people as its members tab shows them: active members, pending join requests and
 * invitations, and people a coordinator may invite. RLS decides every row (deactivated people are
 * not among a network's members; only coordinators see requests and invitations) and every change
 * is a function in the database that checks the caller; this module asks and reports the answer.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "./db-errors";
import type { Locale } from "./i18n";
import { type NetworkRole, networkRoles } from "./network";
import type { MemberIntent } from "./network-members";
import { organisationName } from "./organisations.server";

interface OrganisationRow {
  name_fi: string;
  name_sv: string | null;
  kind: string;
}

interface PersonRow {
  display_name: string;
  title: string | null;
  organisation: OrganisationRow | null;
}

const personColumns = "display_name, title, organisation:organisations!profiles_home_organisation_id_fkey(name_fi, name_sv, kind)";

export interface Person {
  userId: string;
  name: string;
  title: string | null;
  organisation: string | null;
  /** Their home organisation is a vendor. */
  isGuest: boolean;
}

function person(userId: string, row: PersonRow | null, locale: Locale): Person {
  return {
    userId,
    name: row?.display_name || userId,
    title: row?.title ?? null,
    organisation: row?.organisation ? organisationName(row.organisation, locale) : null,
    isGuest: row?.organisation?.kind === "vendor",
  };
}

export interface NetworkMember extends Person {
  role: NetworkRole;
  joinedAt: string;
}

/** Enough for the largest national network; the name filter narrows it down. */
const memberLimit = 2000;

const roleOrder: Record<NetworkRole, number> = { coordinator: 0, member: 1, observer: 2 };

/** Active members, coordinators first, then by name; `filter` keeps names that contain it. */
export async function networkMembers(
  client: SupabaseClient,
  networkId: string,
  locale: Locale,
  filter: string,
): Promise<NetworkMember[]> {
  const { data, error } = await client
    .from("network_members")
    .select(
      `user_id, role, joined_at, profile:profiles!network_members_user_id_fkey(${personColumns})`,
    )
    .eq("network_id", networkId)
    .limit(memberLimit)
    .returns<
      { user_id: string; role: NetworkRole; joined_at: string; profile: PersonRow | null }[]
    >();
  if (error) throw error;
  const needle = filter.trim().toLocaleLowerCase(locale);
  return data
    .map((row) => ({
      ...person(row.user_id, row.profile, locale),
      role: row.role,
      joinedAt: row.joined_at,
    }))
    .filter((member) => !needle || member.name.toLocaleLowerCase(locale).includes(needle))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, locale));
}

export interface JoinRequest extends Person {
  id: string;
  message: string | null;
  createdAt: string;
}

/** Pending join requests; RLS shows them to the network's coordinators only. */
export async function pendingJoinRequests(
  client: SupabaseClient,
  networkId: string,
  locale: Locale,
): Promise<JoinRequest[]> {
  const { data, error } = await client
    .from("network_join_requests")
    .select(
      `id, user_id, message, created_at, profile:profiles!network_join_requests_user_id_fkey(${personColumns})`,
    )
    .eq("network_id", networkId)
    .eq("status", "pending")
    .order("created_at", { ascending: true })
    .returns<
      {
        id: string;
        user_id: string;
        message: string | null;
        created_at: string;
        profile: PersonRow | null;
      }[]
    >();
  if (error) throw error;
  return data.map((row) => ({
    ...person(row.user_id, row.profile, locale),
    id: row.id,
    message: row.message,
    createdAt: row.created_at,
  }));
}

export interface PendingInvitation {
  id: string;
  /** The invited person's name, or the e-mail address of someone not yet known. */
  invitee: string;
  email: string | null;
  role: NetworkRole;
  invitedBy: string | null;
  createdAt: string;
}

/** Open invitations of the network; RLS shows them to its coordinators (and to each invitee). */
export async function pendingInvitations(
  client: SupabaseClient,
  networkId: string,
): Promise<PendingInvitation[]> {
  const { data, error } = await client
    .from("network_invitations")
    .select(
      "id, email, role, created_at, invitee:profiles!network_invitations_invited_user_id_fkey(display_name), inviter:profiles!network_invitations_invited_by_fkey(display_name)",
    )
    .eq("network_id", networkId)
    .eq("status", "pending")
    .order("created_at", { ascending: false })
    .returns<
      {
        id: string;
        email: string | null;
        role: NetworkRole;
        created_at: string;
        invitee: { display_name: string } | null;
        inviter: { display_name: string } | null;
      }[]
    >();
  if (error) throw error;
  return data.map((row) => ({
    id: row.id,
    invitee: row.invitee?.display_name || row.email || "",
    email: row.email,
    role: row.role,
    invitedBy: row.inviter?.display_name ?? null,
    createdAt: row.created_at,
  }));
}

export interface InviteCandidate extends Person {}

/** People the coordinator may invite whose name matches; the database refuses anyone else. */
export async function searchPeopleToInvite(
  client: SupabaseClient,
  networkId: string,
  searchText: string,
): Promise<{ people: InviteCandidate[]; error: PostgrestError | null }> {
  if (searchText.trim().length < 2) return { people: [], error: null };
  const { data, error } = await client.rpc("search_people_to_invite", {
    network_id: networkId,
    search_text: searchText.trim(),
  });
  if (error) return { people: [], error };
  const rows = (data ?? []) as {
    user_id: string;
    display_name: string;
    title: string | null;
    organisation_name: string | null;
    is_guest: boolean;
  }[];
  return {
    people: rows.map((row) => ({
      userId: row.user_id,
      name: row.display_name,
      title: row.title,
      organisation: row.organisation_name,
      isGuest: row.is_guest,
    })),
    error: null,
  };
}

// Actions ------------------------------------------------------------------------------------

const role = z.enum(networkRoles, { message: "invalid" });
const uuid = z.string({ required_error: "invalid" }).uuid("invalid");
const message = z
  .string()
  .trim()
  .max(2000, "tooLong")
  .optional()
  .transform((value) => value || undefined);

export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approveRequest"), requestId: uuid }),
  z.object({ intent: z.literal("rejectRequest"), requestId: uuid }),
  z.object({
    intent: z.literal("inviteEmail"),
    email: z
      .string({ required_error: "emailRequired" })
      .trim()
      .toLowerCase()
      .min(1, "emailRequired")
      .max(320, "tooLong")
      .email("emailInvalid"),
    role,
    message,
  }),
  z.object({ intent: z.literal("inviteUser"), userId: uuid, role }),
  z.object({ intent: z.literal("revokeInvitation"), invitationId: uuid }),
  z.object({ intent: z.literal("setRole"), userId: uuid, role }),
  z.object({ intent: z.literal("remove"), userId: uuid }),
]);
export type MemberAction = z.output<typeof memberActionSchema>;
// Every intent the schema knows is one the page names, and the other way round.
type SameIntents = MemberAction["intent"] extends MemberIntent
  ? MemberIntent extends MemberAction["intent"]
    ? true
    : never
  : never;
export const memberIntentsMatch: SameIntents = true;

/** Runs one coordinator action; the database's refusal comes back as it is. */
export async function runMemberAction(
  client: SupabaseClient,
  networkId: string,
  action: MemberAction,
): Promise<PostgrestError | null> {
  const call = () => {
    switch (action.intent) {
      case "approveRequest":
      case "rejectRequest":
        return client.rpc("decide_join_request", {
          request_id: action.requestId,
          approve: action.intent === "approveRequest",
        });
      case "inviteEmail":
        return client.rpc("invite_to_network", {
          network_id: networkId,
          email: action.email,
          role: action.role,
          message: action.message ?? null,
        });
      case "inviteUser":
        return client.rpc("invite_to_network", {
          network_id: networkId,
          user_id: action.userId,
          role: action.role,
        });
      case "revokeInvitation":
        return client.rpc("revoke_invitation", { invitation_id: action.invitationId });
      case "setRole":
        return client.rpc("set_network_member_role", {
          network_id: networkId,
          user_id: action.userId,
          role: action.role,
        });
      case "remove":
        return client.rpc("remove_network_member", {
          network_id: networkId,
          user_id: action.userId,
        });
    }
  };
  const { error } = await call();
  return error;
}

// What the database said, in words ----------------------------------------------------------

/**
 * Refusals of the network functions that deserve their own words. The database decides; this
 * only recognises its messages (supabase/migrations/20251124100500_networks.sql) so the person
 * reads "this network does not allow guests" rather than "you may not do this".
 */
const knownRefusals = {
  "this network does not allow guests": "noGuests",
  "a network needs at least one coordinator: appoint another first": "needsCoordinator",
  "a guest cannot coordinate a network": "guestCannotCoordinate",
  "the person is already a member": "alreadyMember",
  "the person has already been invited": "alreadyInvited",
  "the network is archived and read-only": "archived",
  "the request has already been decided": "alreadyDecided",
  "the invitation is no longer open": "invitationClosed",
  "leave the network instead of removing yourself": "removeSelf",
  "the review date must be within the next two years": "reviewDateRange",
  "only the network's coordinators can do this": "coordinatorsOnly",
  "no such invitation": "noInvitation",
} as const;
export type NetworkRefusalKey = (typeof knownRefusals)[keyof typeof knownRefusals];

export type Refusal = { kind: "network"; key: NetworkRefusalKey } | { kind: "db"; key: DbErrorKey };

function isKnownRefusal(message: string): message is keyof typeof knownRefusals {
  return Object.hasOwn(knownRefusals, message);
}

/** The words and HTTP status for a refusal; unexpected failures are logged with `what`. */
export function describeRefusal(
  error: DbErrorLike,
  what: string,
): { refusal: Refusal; status: number } {
  const key = dbErrorKey(error);
  const known = error.message ?? "";
  if (isKnownRefusal(known)) {
    // 55000 (object not in the state the action needs) is a conflict, not an outage.
    const status = key === "unavailable" ? 409 : statusForDbError[key];
    return { refusal: { kind: "network", key: knownRefusals[known] }, status };
  }
  const status = statusForDbError[key];
  if (key === "unavailable") console.error(`${what} failed`, error);
  return { refusal: { kind: "db", key }, status };
}
