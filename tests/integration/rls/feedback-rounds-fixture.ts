/**
 * Who is who in the feedback and comment round RLS tests, on top of the document fixture (see
 * document-fixture.ts): an editorial board, two documents of the kind it is responsible for, a
 * published version with readers' feedback on it, and a comment round with one response.
 *
 *   lautakunta  an editorial board network for kind 'manual': raili (Tampere) coordinates it,
 *               saku (spare organisation) is a member, eero only observes (so is no board member)
 *   julkaistu   in the suljettu network, owner organisation spare, created by cilla, published
 *               as version 1 at /library/julkaistu-ohje; otto (spare) is its owner
 *   valmisteilla  in the suljettu network, a draft that was never published; uma may comment
 *
 * Feedback on julkaistu v1 from olli (on the first paragraph) and from helmi (on the whole).
 * A comment round on valmisteilla opened by cilla, inviting olli himself, the Helsinki
 * organisation and the avoin network; ville answered for avoin with two comments.
 *
 * So: anna, aino and cilla edit both documents (suljettu's coordinator, member and the creator),
 * eero views them, uma comments on valmisteilla only, and olli, helmi, oskari and otto reach
 * neither (otto handles julkaistu only as its owner). Rows are written as the owner, so every
 * trigger runs but no policy.
 */
import type { Claims, Database } from "../../../server/embedded/db";
import {
  documentClaimsOf,
  documentFixtureSql,
  labelOf as documentLabelOf,
  documentPeople,
} from "./document-fixture";
import { organisations } from "./identity-fixture";
import { networks } from "./network-fixture";
import { type Outcome, outcomeOf } from "./outcomes";

export const publishingPeople = {
  ...documentPeople,
  otto: "f0000000-0000-4000-8000-000000000021", // active at spare: julkaistu's owner
  raili: "f0000000-0000-4000-8000-000000000022", // active at Tampere: coordinates the board
  saku: "f0000000-0000-4000-8000-000000000023", // active at spare: member of the board
  helmi: "f0000000-0000-4000-8000-000000000024", // active at Helsinki, in no network
} as const;

export type PublishingPerson = keyof typeof publishingPeople;

export const board = "ab000000-0000-4000-8000-000000000001";

export const publishingDocuments = {
  julkaistu: "5a000000-0000-4000-8000-000000000001",
  valmisteilla: "5a000000-0000-4000-8000-000000000002",
} as const;

export const librarySlug = "julkaistu-ohje";
export const publishedVersion = "6a000000-0000-4000-8000-000000000001";
export const frozenVersion = "6a000000-0000-4000-8000-000000000002";

export const publishedHtml = "<p>Ensimmäinen kappale.</p><p>Toinen kappale.</p>";
export const publishedText = "Ensimmäinen kappale.\n\nToinen kappale.";
export const draftHtml = "<p>Luonnoksen kappale.</p><p>Toinen luonnoksen kappale.</p>";
export const draftText = "Luonnoksen kappale.\n\nToinen luonnoksen kappale.";

export const feedback = {
  olli: "fb000000-0000-4000-8000-000000000001",
  helmi: "fb000000-0000-4000-8000-000000000002",
} as const;

export const round = "ce000000-0000-4000-8000-000000000001";
export const invitees = {
  olli: "ce100000-0000-4000-8000-000000000001",
  helsinki: "ce100000-0000-4000-8000-000000000002",
  avoin: "ce100000-0000-4000-8000-000000000003",
} as const;
export const response = "ce200000-0000-4000-8000-000000000001";
export const items = {
  general: "ce300000-0000-4000-8000-000000000001",
  paragraph: "ce300000-0000-4000-8000-000000000002",
} as const;

const labels = new Map<string, string>([
  ...Object.entries(publishingPeople).map(([name, id]) => [id, name] as [string, string]),
  [board, "lautakunta"],
  ...Object.entries(publishingDocuments).map(
    ([name, id]) => [id, `doc:${name}`] as [string, string],
  ),
  [publishedVersion, "published:julkaistu/1"],
  [frozenVersion, "version:valmisteilla"],
  ...Object.entries(feedback).map(([name, id]) => [id, `feedback:${name}`] as [string, string]),
  [round, "round"],
  ...Object.entries(invitees).map(([name, id]) => [id, `invitee:${name}`] as [string, string]),
  [response, "response:avoin"],
  ...Object.entries(items).map(([name, id]) => [id, `item:${name}`] as [string, string]),
]);

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every known id in `value` replaced by its name. */
export function labelOf(value: unknown): string {
  return documentLabelOf(
    String(value ?? "none").replace(uuidPattern, (id) => labels.get(id) ?? id),
  );
}

const p = publishingPeople;
const d = publishingDocuments;

export const feedbackRoundsFixtureSql = `
${documentFixtureSql}
insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ('${p.otto}', 'authenticated', 'authenticated', 'otto@spare.test', '{"full_name":"otto"}'),
  ('${p.raili}', 'authenticated', 'authenticated', 'raili@tampere.test', '{"full_name":"raili"}'),
  ('${p.saku}', 'authenticated', 'authenticated', 'saku@spare.test', '{"full_name":"saku"}'),
  ('${p.helmi}', 'authenticated', 'authenticated', 'helmi@helsinki.test', '{"full_name":"helmi"}');
update public.organisation_members set status = 'active'
  where user_id in ('${p.otto}', '${p.raili}', '${p.saku}', '${p.helmi}');

-- The network's trigger makes it a board responsible for its own documents; it also takes 'manual'.
insert into public.networks (id, slug, kind, name_fi, purpose_fi, owner_organisation_id, visibility,
    join_policy, allow_guests, created_by)
  values ('${board}', 'lautakunta', 'editorial_board', 'Toimituskunta', 'Hyväksyy ohjeet.',
    '${organisations.tampere}', 'members', 'invitation', false, '${p.raili}');
insert into public.network_members (network_id, user_id, role) values
  ('${board}', '${p.raili}', 'coordinator'),
  ('${board}', '${p.saku}', 'member'),
  ('${board}', '${p.eero}', 'observer');
select private.recount_network_members(array['${board}']::uuid[]);
insert into public.editorial_board_scopes (board_id, document_kind) values ('${board}', 'manual');

insert into public.documents (id, kind, title, owner_organisation_id, network_id, status, created_by,
    text, html, slug, owner_id, review_due, published_version, published_at) values
  ('${d.julkaistu}', 'manual', 'Julkaistu ohje', '${organisations.spare}', '${networks.suljettu}',
    'published', '${p.cilla}', 'Luonnos seuraavaan versioon.', '<p>Luonnos seuraavaan versioon.</p>',
    '${librarySlug}', '${p.otto}', current_date + 365, 1, now() - interval '1 day'),
  ('${d.valmisteilla}', 'manual', 'Valmisteilla oleva ohje', '${organisations.spare}',
    '${networks.suljettu}', 'draft', '${p.cilla}', '${draftText}', '${draftHtml}', null, null, null,
    null, null);
insert into public.document_permissions (document_id, user_id, level, granted_by)
  values ('${d.valmisteilla}', '${p.uma}', 'comment', '${p.cilla}');

insert into public.published_versions (id, document_id, number, title, kind, language, content,
    html, text, change_summary, owner_id, owner_name, owner_organisation_id, published_by, published_at)
  values ('${publishedVersion}', '${d.julkaistu}', 1, 'Julkaistu ohje', 'manual', 'fi', '{}',
    '${publishedHtml}', '${publishedText}', 'Ensimmäinen versio.', '${p.otto}', 'otto',
    '${organisations.spare}', '${p.cilla}', now() - interval '1 day');

insert into public.document_feedback (id, document_id, version_number, paragraph_index,
    paragraph_text, problem, suggestion, author_id) values
  ('${feedback.olli}', '${d.julkaistu}', 1, 0, 'Ensimmäinen kappale.', 'Kappale on epäselvä.',
    'Lisätään esimerkki.', '${p.olli}'),
  ('${feedback.helmi}', '${d.julkaistu}', 1, null, null, 'Ohje on vanhentunut.', null, '${p.helmi}');

insert into public.document_versions (id, document_id, number, kind, content, text, html, created_by)
  values ('${frozenVersion}', '${d.valmisteilla}', 1, 'frozen', '{}', '${draftText}', '${draftHtml}',
    '${p.cilla}');
insert into public.comment_rounds (id, document_id, version_id, title, instructions, html, text,
    deadline, opened_by)
  values ('${round}', '${d.valmisteilla}', '${frozenVersion}', 'Lausuntokierros', 'Kommentoikaa.',
    '${draftHtml}', '${draftText}', now() + interval '14 days', '${p.cilla}');
insert into public.comment_round_invitees (id, round_id, user_id, organisation_id, network_id) values
  ('${invitees.olli}', '${round}', '${p.olli}', null, null),
  ('${invitees.helsinki}', '${round}', null, '${organisations.helsinki}', null),
  ('${invitees.avoin}', '${round}', null, null, '${networks.avoin}');
insert into public.comment_round_responses (id, round_id, invitee_id, responder_id)
  values ('${response}', '${round}', '${invitees.avoin}', '${p.ville}');
insert into public.comment_round_items (id, response_id, position, paragraph_index, paragraph_text,
    comment) values
  ('${items.general}', '${response}', 0, null, null, 'Hyvä luonnos.'),
  ('${items.paragraph}', '${response}', 1, 1, 'Toinen luonnoksen kappale.', 'Tarkennettava.');
`;

export function publishingClaimsOf(
  person: PublishingPerson,
  aal: "aal1" | "aal2" = "aal1",
): Claims {
  if (person in documentPeople) return documentClaimsOf(person as keyof typeof documentPeople, aal);
  return { role: "authenticated", sub: publishingPeople[person], aal, email: `${person}@x.test` };
}

/** The actors every table and function is tried with, by the part they play. */
export const publishingActors = {
  anon: { role: "anon" },
  pending: publishingClaimsOf("pekka"),
  deactivated: publishingClaimsOf("dave"),
  // A vendor's employee in avoin: reaches neither document, but writes for the invited avoin.
  guest: publishingClaimsOf("ville"),
  // Active, reaches neither document, invited to nothing.
  outsider: publishingClaimsOf("oskari"),
  // Active at Helsinki, reaches neither document; invited to the round by name.
  reader: publishingClaimsOf("olli"),
  // Active at Helsinki, reaches neither document; invited to the round with Helsinki.
  orgMember: publishingClaimsOf("helmi"),
  observer: publishingClaimsOf("eero"),
  commenter: publishingClaimsOf("uma"),
  editor: publishingClaimsOf("aino"),
  coordinator: publishingClaimsOf("anna"),
  creator: publishingClaimsOf("cilla"),
  owner: publishingClaimsOf("otto"),
  boardCoordinator: publishingClaimsOf("raili"),
  boardMember: publishingClaimsOf("saku"),
} satisfies Record<string, Claims>;

export type PublishingActor = keyof typeof publishingActors;
export const publishingActorNames = Object.keys(publishingActors) as PublishingActor[];
export type PublishingOutcomes = Record<PublishingActor, Outcome>;

/** The person each actor is, for expectations that name the caller. */
export const personOf = Object.fromEntries(
  publishingActorNames.map((actor) => {
    const claims: Claims = publishingActors[actor];
    return [actor, labelOf(claims.sub)];
  }),
) as Record<PublishingActor, string>;

/** Who handles julkaistu's feedback: its editors, its owner and its board's members. */
export const feedbackHandlers: PublishingActor[] = [
  "editor",
  "coordinator",
  "creator",
  "owner",
  "boardCoordinator",
  "boardMember",
];

/** Who reads the round: valmisteilla's readers and the parties it invited. */
export const roundReaders: PublishingActor[] = [
  "guest",
  "reader",
  "orgMember",
  "observer",
  "commenter",
  "editor",
  "coordinator",
  "creator",
];

/** Who runs the round: its opener, valmisteilla's editors and suljettu's coordinator. */
export const roundOrganisers: PublishingActor[] = ["editor", "coordinator", "creator"];

/** Active people who may not call anything: refused by require_active_user() (42501). */
export const inactive: PublishingActor[] = ["pending", "deactivated"];

function labelled(outcome: Outcome): Outcome {
  return Array.isArray(outcome) ? outcome.map(labelOf).sort() : outcome;
}

export async function publishingOutcomeOf(
  db: Database,
  claims: Claims,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<Outcome> {
  return labelled(await outcomeOf(db, claims, sql, params, shape));
}

/** The outcome of `sql` for every actor, ids read as names. */
export async function publishingOutcomesFor(
  db: Database,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<PublishingOutcomes> {
  const result = {} as PublishingOutcomes;
  for (const actor of publishingActorNames) {
    result[actor] = await publishingOutcomeOf(db, publishingActors[actor], sql, params, shape);
  }
  return result;
}

/** `outcome` for every actor, then `outcome` for each group in `groups` (later groups win). */
export function outcomes(
  outcome: Outcome,
  ...groups: [PublishingActor[], Outcome][]
): PublishingOutcomes {
  const result = {} as PublishingOutcomes;
  for (const actor of publishingActorNames) result[actor] = outcome;
  for (const [actors, groupOutcome] of groups) {
    for (const actor of actors) result[actor] = groupOutcome;
  }
  return result;
}

/** Notifications of `kind` to `person`, as "link status" lines, read as the owner. */
export async function notificationsOf(
  db: Database,
  person: PublishingPerson,
  kind: string,
): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `select link || ' ' || coalesce(data ->> 'status', '-') as line from public.notifications
     where recipient_id = $1 and kind = $2 order by created_at, id`,
    [publishingPeople[person], kind],
  );
  return rows.map((row) => labelOf(row.line));
}
