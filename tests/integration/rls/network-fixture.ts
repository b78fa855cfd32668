/**
 * Who is who in the network RLS tests, on top of the identity fixture: three networks and the
 * same few people in every network role, with one row of every kind of content in each network.
 *
 *   avoin     visible to every signed-in user, joined by request, guests allowed
 *   suljettu  visible to its members only, joined by invitation, no guests
 *   arkisto   visible to every signed-in user, archived (read-only)
 *
 * anna coordinates all three, aino is a member of all three, eero observes avoin and suljettu,
 * ville (a vendor's employee, so a guest) is a member of avoin, dave (deactivated by Tampere) is a
 * member of avoin and suljettu, olli is in no network but has asked to join avoin and been
 * invited to suljettu. Rows are written as the owner, so every trigger runs but no policy.
 */
import type { Claims, Database } from "../../../server/embedded/db";
import {
  identityFixtureSql,
  nameOf,
  organisations,
  people as identityPeople,
} from "./identity-fixture";
import { type Outcome, outcomeOf } from "./outcomes";

export const vendor = "e0000000-0000-4000-8000-000000000004";

export const networkPeople = {
  ...identityPeople,
  ville: "f0000000-0000-4000-8000-000000000010", // active at a vendor: a guest
} as const;

export const networks = {
  avoin: "a0000000-0000-4000-8000-000000000001",
  suljettu: "a0000000-0000-4000-8000-000000000002",
  arkisto: "a0000000-0000-4000-8000-000000000003",
} as const;

export type NetworkName = keyof typeof networks;
const networkNames = Object.keys(networks) as NetworkName[];

/** Content ids: `${kind}${n}` where n is 1, 2, 3 for avoin, suljettu, arkisto. */
function contentId(prefix: string, index: number): string {
  return `${prefix}0000000-0000-4000-8000-00000000000${index}`;
}

function idsOf(prefix: string): Record<NetworkName, string> {
  return Object.fromEntries(
    networkNames.map((name, index) => [name, contentId(prefix, index + 1)]),
  ) as Record<NetworkName, string>;
}

export const threads = idsOf("b");
export const replies = idsOf("c");
export const reactions = idsOf("d");
export const meetings = idsOf("1");
export const tasks = idsOf("2");
export const joinRequestId = "30000000-0000-4000-8000-000000000001";
export const invitations = {
  olli: "40000000-0000-4000-8000-000000000001",
  byEmail: "40000000-0000-4000-8000-000000000002",
} as const;

const labels = new Map<string, string>([
  ...Object.entries(networkPeople).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(networks).map(([name, id]) => [id, name] as [string, string]),
  ...networkNames.flatMap((name) => [
    [threads[name], `thread:${name}`] as [string, string],
    [replies[name], `reply:${name}`] as [string, string],
    [reactions[name], `reaction:${name}`] as [string, string],
    [meetings[name], `meeting:${name}`] as [string, string],
    [tasks[name], `task:${name}`] as [string, string],
  ]),
  [joinRequestId, "request:olli"],
  [invitations.olli, "invitation:olli"],
  [invitations.byEmail, "invitation:by-email"],
]);

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every known id in `text` replaced by its name, so "uuid/uuid" reads "avoin/aino". */
export function labelOf(value: unknown): string {
  return nameOf(value).replace(uuidPattern, (id) => labels.get(id) ?? id);
}

const members: [NetworkName, keyof typeof networkPeople, string][] = [
  ["avoin", "anna", "coordinator"],
  ["avoin", "aino", "member"],
  ["avoin", "eero", "observer"],
  ["avoin", "ville", "member"],
  ["avoin", "dave", "member"],
  ["suljettu", "anna", "coordinator"],
  ["suljettu", "aino", "member"],
  ["suljettu", "eero", "observer"],
  ["suljettu", "dave", "member"],
  ["arkisto", "anna", "coordinator"],
  ["arkisto", "aino", "member"],
];

const p = networkPeople;
const n = networks;

const contentSql = networkNames
  .map(
    (name) => `
insert into public.discussion_threads (id, network_id, kind, title, body_html, body_text, author_id)
  values ('${threads[name]}', '${n[name]}', 'question', 'Kysymys: ${name}', '<p>Miten?</p>', 'Miten?', '${p.aino}');
insert into public.discussion_replies (id, thread_id, network_id, body_html, body_text, author_id)
  values ('${replies[name]}', '${threads[name]}', '${n[name]}', '<p>Näin.</p>', 'Näin.', '${p.aino}');
insert into public.discussion_reactions (id, thread_id, network_id, user_id, reaction)
  values ('${reactions[name]}', '${threads[name]}', '${n[name]}', '${p.aino}', 'thumbs_up');
insert into public.meetings (id, network_id, title, starts_at, ends_at, capacity, created_by)
  values ('${meetings[name]}', '${n[name]}', 'Tapaaminen: ${name}', now() + interval '7 days',
    now() + interval '7 days 2 hours', 10, '${p.anna}');
insert into public.meeting_registrations (meeting_id, user_id, network_id, status)
  values ('${meetings[name]}', '${p.aino}', '${n[name]}', 'registered');
insert into public.tasks (id, network_id, title, owner_id, due_date, created_by)
  values ('${tasks[name]}', '${n[name]}', 'Tehtävä: ${name}', '${p.aino}', current_date + 14, '${p.aino}');`,
  )
  .join("\n");

export const networkFixtureSql = `
${identityFixtureSql}
insert into public.organisations (id, name_fi, kind) values ('${vendor}', 'ICT-palvelu Oy', 'vendor');
insert into public.organisation_domains (domain, organisation_id) values ('vendor.test', '${vendor}');
insert into auth.users (id, aud, role, email, raw_user_meta_data)
  values ('${p.ville}', 'authenticated', 'authenticated', 'ville@vendor.test', '{"full_name":"ville"}');
update public.organisation_members set status = 'active' where user_id = '${p.ville}';

insert into public.networks (id, slug, kind, name_fi, purpose_fi, owner_organisation_id, visibility,
    join_policy, allow_guests, created_by) values
  ('${n.avoin}', 'avoin', 'national', 'Avoin verkosto', 'Kaikille näkyvä.', '${organisations.tampere}',
    'signed_in', 'request', true, '${p.anna}'),
  ('${n.suljettu}', 'suljettu', 'legal_sparring', 'Suljettu verkosto', 'Vain jäsenille.',
    '${organisations.tampere}', 'members', 'invitation', false, '${p.anna}'),
  ('${n.arkisto}', 'arkisto', 'regional', 'Arkistoitu verkosto', 'Ei enää käytössä.',
    '${organisations.tampere}', 'signed_in', 'open', false, '${p.anna}');
insert into public.network_members (network_id, user_id, role) values
  ${members.map(([network, person, role]) => `('${n[network]}', '${p[person]}', '${role}')`).join(",\n  ")};
select private.recount_network_members(array['${n.avoin}', '${n.suljettu}', '${n.arkisto}']::uuid[]);

insert into public.network_join_requests (id, network_id, user_id, message)
  values ('${joinRequestId}', '${n.avoin}', '${p.olli}', 'Haluaisin mukaan.');
insert into public.network_invitations (id, network_id, invited_user_id, role, invited_by)
  values ('${invitations.olli}', '${n.suljettu}', '${p.olli}', 'member', '${p.anna}');
insert into public.network_invitations (id, network_id, email, role, invited_by)
  values ('${invitations.byEmail}', '${n.suljettu}', 'nobody@elsewhere.test', 'member', '${p.anna}');
insert into public.network_visits (network_id, user_id) values ('${n.avoin}', '${p.aino}'), ('${n.avoin}', '${p.dave}');
${contentSql}
insert into public.meeting_registrations (meeting_id, user_id, network_id, status)
  values ('${meetings.avoin}', '${p.dave}', '${n.avoin}', 'registered');
select private.recount_registrations(id) from public.meetings;
-- Archived last: the fixture's content was written while it was open.
update public.networks set archived_at = now(), archived_by = '${p.anna}' where id = '${n.arkisto}';
`;

const emails: Partial<Record<keyof typeof networkPeople, string>> = {
  pekka: "pekka@tampere.test",
  dave: "dave@tampere.test",
  olli: "olli@helsinki.test",
  aino: "aino@tampere.test",
  eero: "eero@helsinki.test",
  anna: "anna@tampere.test",
  ville: "ville@vendor.test",
  paula: "paula@helsinki.test",
  nobody: "nobody@elsewhere.test",
};

export function networkClaimsOf(
  person: keyof typeof networkPeople,
  aal: "aal1" | "aal2" = "aal1",
): Claims {
  return {
    role: "authenticated",
    sub: networkPeople[person],
    aal,
    email: emails[person] ?? `${person}@x.test`,
  };
}

/** The actors every network table is tried with, by the part they play. */
export const networkActors = {
  anon: { role: "anon" },
  pending: networkClaimsOf("pekka"),
  deactivated: networkClaimsOf("dave"),
  outsider: networkClaimsOf("olli"),
  guest: networkClaimsOf("ville"),
  observer: networkClaimsOf("eero"),
  member: networkClaimsOf("aino"),
  coordinator: networkClaimsOf("anna"),
  platformAdmin: networkClaimsOf("paula", "aal2"),
} satisfies Record<string, Claims>;

export type NetworkActor = keyof typeof networkActors;

export type NetworkOutcomes = Record<NetworkActor, Outcome>;

function labelled(outcome: Outcome): Outcome {
  return Array.isArray(outcome) ? outcome.map(labelOf).sort() : outcome;
}

/** One actor's outcome, ids read as names. */
export async function networkOutcomeOf(
  db: Database,
  claims: Claims,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<Outcome> {
  return labelled(await outcomeOf(db, claims, sql, params, shape));
}

/** The outcome of `sql` for every network actor, ids read as names. */
export async function networkOutcomesFor(
  db: Database,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<NetworkOutcomes> {
  const result = {} as NetworkOutcomes;
  for (const actor of Object.keys(networkActors) as NetworkActor[]) {
    result[actor] = await networkOutcomeOf(db, networkActors[actor], sql, params, shape);
  }
  return result;
}

/** `outcome` for every actor, with some actors' outcomes overridden. */
export function forAll(
  outcome: Outcome,
  overrides: Partial<NetworkOutcomes> = {},
): NetworkOutcomes {
  const result = {} as NetworkOutcomes;
  for (const actor of Object.keys(networkActors) as NetworkActor[]) result[actor] = outcome;
  return { ...result, ...overrides };
}

/** `outcome` for every signed-in actor, anon denied by grants before any policy. */
export function signedIn(
  outcome: Outcome,
  overrides: Partial<NetworkOutcomes> = {},
): NetworkOutcomes {
  return forAll(outcome, { anon: "denied", ...overrides });
}
