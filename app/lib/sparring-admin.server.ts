/**
 * The lawyers' and coordinators' side of legal sparring: the queue of unanswered questions, the
 * sparring networks a person belongs to, and a network's response target and lawyers. Everything
 * is asked as the signed-in person: sparring_queue() picks the questions (the networks where they
 * are a lawyer or coordinator), my_sparring_role() says what they are in a network, and
 * set_sparring_target() / set_sparring_lawyer() decide who may change what. What this module
 * computes (ages, names, sort order) only shapes what the pages show.
 */
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { type CitedSection, citedSection, sectionJson } from "./cited-sections";
import type { Locale } from "./i18n";
import { failLoading } from "./load-failure";
import { dateTimeFormat, type Moment, moment } from "./moment";
import { type NetworkRole, networkName, networkRoles } from "./network";
import { networkMembers } from "./network-members.server";
import { helsinkiToday } from "./network-settings-form";
import { organisationName } from "./organisations.server";

export type QueueSection = CitedSection;

/** Whole calendar days in Helsinki from the day of `iso` to `today` (YYYY-MM-DD). */
export function helsinkiDaysSince(iso: string, today: string): number {
  const asked = helsinkiToday(new Date(iso));
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asked}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

// The queue ---------------------------------------------------------------------------------------

const queueRow = z.object({
  id: z.string(),
  network_id: z.string(),
  network_slug: z.string(),
  network_name_fi: z.string(),
  network_name_sv: z.string().nullable(),
  title: z.string(),
  author_name: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  created_at: z.string(),
  due_at: z.string(),
  overdue: z.boolean(),
  sections: z.array(sectionJson).nullable(),
});

export interface QueueItem {
  id: string;
  link: string;
  title: string;
  network: { slug: string; name: string };
  author: string | null;
  organisation: string | null;
  asked: Moment;
  /** Calendar days since it was asked, in Helsinki. */
  daysWaiting: number;
  due: Moment;
  overdue: boolean;
  sections: QueueSection[];
}

/** Unanswered questions of the networks where the person is a lawyer or coordinator, oldest first. */
export async function sparringQueue(
  client: SupabaseClient,
  locale: Locale,
  now = new Date(),
): Promise<QueueItem[]> {
  const { data, error } = await client.rpc("sparring_queue");
  if (error) failLoading("the sparring queue", error);
  const format = dateTimeFormat(locale);
  const today = helsinkiToday(now);
  return z
    .array(queueRow)
    .parse(data ?? [])
    .map((row) => ({
      id: row.id,
      link: `/networks/${row.network_slug}/sparring/${row.id}`,
      title: row.title,
      network: {
        slug: row.network_slug,
        name: networkName({ name_fi: row.network_name_fi, name_sv: row.network_name_sv }, locale),
      },
      author: row.author_name,
      organisation: row.organisation_name_fi
        ? organisationName(
            { name_fi: row.organisation_name_fi, name_sv: row.organisation_name_sv },
            locale,
          )
        : null,
      asked: moment(row.created_at, format),
      daysWaiting: helsinkiDaysSince(row.created_at, today),
      due: moment(row.due_at, format),
      overdue: row.overdue,
      sections: (row.sections ?? []).map((section) => citedSection(section, locale)),
    }));
}

// The person's sparring networks --------------------------------------------------------------------

const roleRow = z.object({
  is_member: z.boolean(),
  role: z.enum(networkRoles).nullable(),
  is_lawyer: z.boolean(),
  is_coordinator: z.boolean(),
  can_ask: z.boolean(),
  target_working_days: z.number(),
});

export interface SparringRole {
  isMember: boolean;
  role: NetworkRole | null;
  isLawyer: boolean;
  isCoordinator: boolean;
  canAsk: boolean;
  targetWorkingDays: number;
}

/** What the person is in a sparring network, as my_sparring_role() says (for showing controls). */
export async function sparringRole(
  client: SupabaseClient,
  networkId: string,
): Promise<SparringRole> {
  const { data, error } = await client.rpc("my_sparring_role", { network_id: networkId });
  if (error) failLoading("the sparring role", error);
  const row = roleRow.parse(Array.isArray(data) ? data[0] : data);
  return {
    isMember: row.is_member,
    role: row.role,
    isLawyer: row.is_lawyer,
    isCoordinator: row.is_coordinator,
    canAsk: row.can_ask,
    targetWorkingDays: row.target_working_days,
  };
}

export interface MySparringNetwork {
  id: string;
  slug: string;
  name: string;
  role: NetworkRole;
  isLawyer: boolean;
  isCoordinator: boolean;
}

const membershipRow = z.object({
  role: z.enum(networkRoles),
  network: z
    .object({
      id: z.string(),
      slug: z.string(),
      name_fi: z.string(),
      name_sv: z.string().nullable(),
      kind: z.string(),
      archived_at: z.string().nullable(),
    })
    .nullable(),
});

/** The open sparring networks the person is a member of, by name, with their part in each. */
export async function mySparringNetworks(
  client: SupabaseClient,
  userId: string,
  locale: Locale,
): Promise<MySparringNetwork[]> {
  const { data, error } = await client
    .from("network_members")
    .select("role, network:networks!inner(id, slug, name_fi, name_sv, kind, archived_at)")
    .eq("user_id", userId)
    .eq("network.kind", "legal_sparring")
    .is("network.archived_at", null)
    .limit(200);
  if (error) failLoading("the sparring networks", error);
  const memberships = z.array(membershipRow).parse(data ?? []);
  const networks = await Promise.all(
    memberships.flatMap(({ role, network }) =>
      network
        ? [
            sparringRole(client, network.id).then((part) => ({
              id: network.id,
              slug: network.slug,
              name: networkName(network, locale),
              role,
              isLawyer: part.isLawyer,
              isCoordinator: part.isCoordinator,
            })),
          ]
        : [],
    ),
  );
  return networks.sort((a, b) => a.name.localeCompare(b.name, locale));
}

// A network's settings -----------------------------------------------------------------------------

export interface SparringPerson {
  userId: string;
  name: string;
  organisation: string | null;
  role: NetworkRole;
  isLawyer: boolean;
}

const lawyerRow = z.object({
  user_id: z.string(),
  display_name: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  role: z.enum(networkRoles),
});

/** The network's lawyers as sparring_lawyers_of() lists them (for its members only). */
export async function sparringLawyers(
  client: SupabaseClient,
  networkId: string,
  locale: Locale,
): Promise<SparringPerson[]> {
  const { data, error } = await client.rpc("sparring_lawyers_of", { network_id: networkId });
  if (error) failLoading("the network's lawyers", error);
  return z
    .array(lawyerRow)
    .parse(data ?? [])
    .map((row) => ({
      userId: row.user_id,
      name: row.display_name || row.user_id,
      organisation: row.organisation_name_fi
        ? organisationName(
            { name_fi: row.organisation_name_fi, name_sv: row.organisation_name_sv },
            locale,
          )
        : null,
      role: row.role,
      isLawyer: true,
    }));
}

/**
 * The coordinators and members, who are the people a coordinator may name lawyers (observers only
 * follow; set_sparring_lawyer() refuses them), each marked whether they are one now.
 */
export async function lawyerCandidates(
  client: SupabaseClient,
  networkId: string,
  locale: Locale,
  lawyers: SparringPerson[],
): Promise<SparringPerson[]> {
  const named = new Set(lawyers.map((lawyer) => lawyer.userId));
  const members = await networkMembers(client, networkId, locale, "");
  return members
    .filter((member) => member.role === "coordinator" || member.role === "member")
    .map((member) => ({
      userId: member.userId,
      name: member.name,
      organisation: member.organisation,
      role: member.role,
      isLawyer: named.has(member.userId),
    }));
}

export async function setSparringTarget(
  client: SupabaseClient,
  networkId: string,
  workingDays: number,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("set_sparring_target", {
    network_id: networkId,
    working_days: workingDays,
  });
  return error;
}

export async function setSparringLawyer(
  client: SupabaseClient,
  networkId: string,
  userId: string,
  lawyer: boolean,
): Promise<PostgrestError | null> {
  const { error } = await client.rpc("set_sparring_lawyer", {
    network_id: networkId,
    user_id: userId,
    lawyer,
  });
  return error;
}
