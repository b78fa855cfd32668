/**
 * The workspace header: who owns the network, whether the person has asked to join, how much of
 * the network reaches them, and the membership actions (join, ask, withdraw, leave, notification
 * level). Each action is one SQL function that decides whether the person may; this passes the
 * request on and names the refusal.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "./db-errors";
import {
  type MembershipAction,
  type NotificationLevel,
  notificationLevels,
} from "./network-membership";

export interface WorkspaceHeader {
  ownerName: string | null;
  /** The person's home organisation is a vendor: they join only by invitation. */
  isGuest: boolean;
  pendingRequestId: string | null;
  notificationLevel: NotificationLevel;
}

const organisationRows = z.array(
  z.object({
    id: z.string(),
    name_fi: z.string(),
    name_sv: z.string().nullable(),
    kind: z.string(),
  }),
);

/** What the header shows besides the network itself; three small reads side by side. */
export async function workspaceHeader(
  client: SupabaseClient,
  options: {
    networkId: string;
    ownerOrganisationId: string;
    homeOrganisationId: string | null;
    userId: string;
    isMember: boolean;
    locale: string;
  },
): Promise<WorkspaceHeader> {
  const organisationIds = [options.ownerOrganisationId, options.homeOrganisationId].filter(
    (id): id is string => Boolean(id),
  );
  const [organisations, request, setting] = await Promise.all([
    client.from("organisations").select("id, name_fi, name_sv, kind").in("id", organisationIds),
    options.isMember
      ? Promise.resolve({ data: null, error: null })
      : client
          .from("network_join_requests")
          .select("id")
          .eq("network_id", options.networkId)
          .eq("user_id", options.userId)
          .eq("status", "pending")
          .maybeSingle(),
    options.isMember
      ? client
          .from("network_notification_settings")
          .select("level")
          .eq("network_id", options.networkId)
          .eq("user_id", options.userId)
          .maybeSingle()
      : Promise.resolve({ data: null, error: null }),
  ]);
  if (organisations.error) {
    throw new Error(`Loading organisations failed: ${organisations.error.message}`);
  }
  if (request.error) throw new Error(`Loading join request failed: ${request.error.message}`);
  // Until the notifications migration exists the level is simply the default.
  if (setting.error) console.error("Loading the notification level failed", setting.error);
  const rows = organisationRows.parse(organisations.data ?? []);
  const owner = rows.find((row) => row.id === options.ownerOrganisationId);
  const home = rows.find((row) => row.id === options.homeOrganisationId);
  const level = z.enum(notificationLevels).safeParse(setting.data?.level);
  return {
    ownerName: owner
      ? options.locale === "sv"
        ? (owner.name_sv ?? owner.name_fi)
        : owner.name_fi
      : null,
    isGuest: home?.kind === "vendor",
    pendingRequestId: request.data?.id ?? null,
    notificationLevel: level.success ? level.data : "default",
  };
}

/** Runs one membership action as the person; the database's answer, null when it agreed. */
export async function runMembershipAction(
  client: SupabaseClient,
  networkId: string,
  action: MembershipAction,
): Promise<DbErrorLike | null> {
  switch (action.intent) {
    case "join":
      return (await client.rpc("join_network", { network_id: networkId })).error;
    case "request":
      return (
        await client.rpc("request_to_join", { network_id: networkId, message: action.message })
      ).error;
    case "withdraw":
      return (await client.rpc("withdraw_join_request", { request_id: action.requestId })).error;
    case "leave":
      return (await client.rpc("leave_network", { network_id: networkId })).error;
    case "notifications":
      return (
        await client.rpc("set_network_notification_level", {
          network_id: networkId,
          level: action.level,
        })
      ).error;
  }
}

/** The database's refusals a person can act on, by the message the SQL functions raise. */
const knownRefusals = {
  "a network needs at least one coordinator: appoint another first": "lastCoordinator",
  "the network is archived and read-only": "archived",
  "you have already asked to join": "alreadyAsked",
  "you are already a member": "alreadyMember",
  "guests join networks only by invitation": "guestsByInvitation",
  "this network is not open: ask to join instead": "notOpen",
  "this network does not take join requests": "noRequests",
  "no pending request of yours": "noPendingRequest",
  "you are not a member": "notMember",
} as const;
export type MembershipRefusalKey = (typeof knownRefusals)[keyof typeof knownRefusals];

export type MembershipRefusal =
  | { kind: "membership"; key: MembershipRefusalKey }
  | { kind: "db"; key: DbErrorKey };

export function describeMembershipRefusal(error: DbErrorLike): {
  refusal: MembershipRefusal;
  status: number;
} {
  const key = dbErrorKey(error);
  const message = error.message ?? "";
  if (Object.hasOwn(knownRefusals, message)) {
    const known = knownRefusals[message as keyof typeof knownRefusals];
    return {
      refusal: { kind: "membership", key: known },
      status: key === "unavailable" ? 409 : statusForDbError[key],
    };
  }
  if (key === "unavailable") console.error("A membership action failed", error);
  return { refusal: { kind: "db", key }, status: statusForDbError[key] };
}
