/**
 * Who is who in the legal-sparring RLS tests, on top of the network fixture (network-fixture.ts):
 * two sparring networks, an editorial board for interpretations, a fictional act and questions in
 * every state.
 *
 *   sparraus  a legal_sparring network visible to every signed-in user (its content is still for
 *             members only), target 3 working days: kerttu (Tampere) coordinates, lasse (spare
 *             organisation) coordinates and is a lawyer, lea (Tampere) is a lawyer, mikko
 *             (Helsinki) and lotta (Tampere) are members, oona (Helsinki) observes; dave
 *             (deactivated by Tampere) is a member still named a lawyer
 *   tulkinta  a members-only sparring network: lotta coordinates, tuuli (Helsinki) is a member;
 *             both are its lawyers
 *   lautakunta  the editorial board responsible for interpretations (2 approvals from 2
 *             organisations): bea (Tampere) coordinates, hugo (Helsinki) is a member
 *
 * The act 9999/2099 (fictional, so the tests do not depend on the reference data) has sections
 * 1 §, 2 § and 3 §, with ids by the same md5 formula as the real ones.
 *
 * Content (written as the owner, so every trigger runs but no policy):
 *   k1  sparraus, by mikko ten days ago, about 1 §: open and overdue
 *   k2  sparraus, by mikko, about 2 §: answered by lea (v2, citing 3 § and the interpretation
 *       vanha), endorsed by lasse
 *   k3  tulkinta, by tuuli, about 1 §: open
 *   k4  sparraus, by kerttu today, about 3 §: open, not yet due
 *   vanha  an interpretation owned by Helsinki about 1 §, published (directly) as version 1
 */
import { createHash } from "node:crypto";
import type { Claims, Database } from "../../../server/embedded/db";
import { nameOf, organisations } from "./identity-fixture";
import {
  networkFixtureSql,
  labelOf as networkLabelOf,
  networkPeople,
  networks,
} from "./network-fixture";
import { type Outcome, outcomeOf } from "./outcomes";

export const sparringPeople = {
  ...networkPeople,
  kerttu: "f0000000-0000-4000-8000-000000000031",
  lasse: "f0000000-0000-4000-8000-000000000032",
  lea: "f0000000-0000-4000-8000-000000000033",
  mikko: "f0000000-0000-4000-8000-000000000034",
  lotta: "f0000000-0000-4000-8000-000000000035",
  oona: "f0000000-0000-4000-8000-000000000036",
  tuuli: "f0000000-0000-4000-8000-000000000037",
  bea: "f0000000-0000-4000-8000-000000000038",
  hugo: "f0000000-0000-4000-8000-000000000039",
} as const;

export type SparringPerson = keyof typeof sparringPeople;

export const sparringNetworks = {
  sparraus: "a0000000-0000-4000-8000-000000000031",
  tulkinta: "a0000000-0000-4000-8000-000000000032",
  lautakunta: "a0000000-0000-4000-8000-000000000033",
} as const;

export const questions = {
  k1: "5a000000-0000-4000-8000-000000000001",
  k2: "5a000000-0000-4000-8000-000000000002",
  k3: "5a000000-0000-4000-8000-000000000003",
  k4: "5a000000-0000-4000-8000-000000000004",
} as const;

export const answers = { v2: "5b000000-0000-4000-8000-000000000002" } as const;

export const interpretationDocuments = { vanha: "ab000000-0000-4000-8000-000000000031" } as const;

export const act = "9999/2099";

/** md5(act_id || ':' || coalesce(chapter, '') || ':' || section)::uuid, as the migration says. */
export function sectionId(actId: string, chapter: string | null, section: string): string {
  const hex = createHash("md5")
    .update(`${actId}:${chapter ?? ""}:${section}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const sections = {
  s1: sectionId(act, null, "1"),
  s2: sectionId(act, null, "2"),
  s3: sectionId(act, null, "3"),
} as const;

const homes: [SparringPerson, string][] = [
  ["kerttu", "tampere.test"],
  ["lasse", "spare.test"],
  ["lea", "tampere.test"],
  ["mikko", "helsinki.test"],
  ["lotta", "tampere.test"],
  ["oona", "helsinki.test"],
  ["tuuli", "helsinki.test"],
  ["bea", "tampere.test"],
  ["hugo", "helsinki.test"],
];

type SparringNetwork = keyof typeof sparringNetworks;
const memberships: [SparringNetwork, SparringPerson, string][] = [
  ["sparraus", "kerttu", "coordinator"],
  ["sparraus", "lasse", "coordinator"],
  ["sparraus", "lea", "member"],
  ["sparraus", "mikko", "member"],
  ["sparraus", "lotta", "member"],
  ["sparraus", "oona", "observer"],
  ["sparraus", "dave", "member"],
  ["tulkinta", "lotta", "coordinator"],
  ["tulkinta", "tuuli", "member"],
  ["lautakunta", "bea", "coordinator"],
  ["lautakunta", "hugo", "member"],
];

const lawyers: [SparringNetwork, SparringPerson][] = [
  ["sparraus", "lasse"],
  ["sparraus", "lea"],
  ["sparraus", "dave"],
  ["tulkinta", "lotta"],
  ["tulkinta", "tuuli"],
];

const p = sparringPeople;
const n = sparringNetworks;
const q = questions;
const s = sections;
const vanha = interpretationDocuments.vanha;

export const sparringFixtureSql = `
${networkFixtureSql}
insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ${homes
    .map(
      ([person, domain]) =>
        `('${p[person]}', 'authenticated', 'authenticated', '${person}@${domain}', '{"full_name":"${person}"}')`,
    )
    .join(",\n  ")};
update public.organisation_members set status = 'active'
  where user_id in (${homes.map(([person]) => `'${p[person]}'`).join(", ")});

insert into public.legal_acts (id, title_fi, title_sv, title_en, position)
  values ('${act}', 'Laki kokeilusta', 'Lag om försök', 'Act on a Trial', 999);
insert into public.legal_sections (id, act_id, chapter, section, heading_fi, position) values
  ('${s.s1}', '${act}', null, '1', 'Soveltamisala', 1),
  ('${s.s2}', '${act}', null, '2', 'Määritelmät', 2),
  ('${s.s3}', '${act}', null, '3', 'Voimaantulo', 3);

insert into public.networks (id, slug, kind, name_fi, purpose_fi, owner_organisation_id, visibility,
    join_policy, allow_guests, created_by) values
  ('${n.sparraus}', 'sparraus', 'legal_sparring', 'Juridinen sparraus', 'Tulkintojen yhtenäistäminen.',
    '${organisations.tampere}', 'signed_in', 'request', false, '${p.kerttu}'),
  ('${n.tulkinta}', 'tulkinta', 'legal_sparring', 'Tulkintasparraus', 'Vain jäsenille.',
    '${organisations.tampere}', 'members', 'invitation', false, '${p.lotta}'),
  ('${n.lautakunta}', 'lautakunta', 'editorial_board', 'Tulkintojen toimituskunta', 'Hyväksyy tulkinnat.',
    '${organisations.tampere}', 'signed_in', 'invitation', false, '${p.bea}');
insert into public.network_members (network_id, user_id, role) values
  ${memberships.map(([network, person, role]) => `('${n[network]}', '${p[person]}', '${role}')`).join(",\n  ")};
select private.recount_network_members(array['${n.sparraus}', '${n.tulkinta}', '${n.lautakunta}']::uuid[]);
insert into public.editorial_board_scopes (board_id, document_kind) values ('${n.lautakunta}', 'interpretation');
insert into public.sparring_lawyers (network_id, user_id, added_by) values
  ${lawyers.map(([network, person]) => `('${n[network]}', '${p[person]}', '${p.kerttu}')`).join(",\n  ")};
insert into public.sparring_settings (network_id, first_answer_working_days, updated_by)
  values ('${n.sparraus}', 3, '${p.kerttu}');

insert into public.documents (id, kind, title, language, owner_organisation_id, status, created_by,
    text, html)
  values ('${vanha}', 'interpretation', 'Vanha tulkinta soveltamisalasta', 'fi',
    '${organisations.helsinki}', 'published', '${p.hugo}', 'Soveltamisala tulkitaan laajasti.',
    '<p>Soveltamisala tulkitaan laajasti.</p>');
insert into public.interpretations (document_id, issuing_body, justification, valid_from, created_by)
  values ('${vanha}', 'Helsingin työllisyysalue', 'Lain esityöt.', '2025-01-01', '${p.hugo}');
insert into public.document_legal_references (document_id, section_id) values ('${vanha}', '${s.s1}');
insert into public.published_versions (document_id, number, title, kind, language, content, html,
    text, owner_id, owner_name, owner_organisation_id, published_by)
  values ('${vanha}', 1, 'Vanha tulkinta soveltamisalasta', 'interpretation', 'fi', '{}',
    '<p>Soveltamisala tulkitaan laajasti.</p>', 'Soveltamisala tulkitaan laajasti.', '${p.hugo}',
    'hugo', '${organisations.helsinki}', '${p.hugo}');
update public.documents
  set slug = 'vanha-tulkinta', published_version = 1, published_at = now() - interval '1 day',
    owner_id = '${p.hugo}'
  where id = '${vanha}';

insert into public.sparring_questions (id, network_id, title, body, tags, author_id,
    organisation_id, created_at) values
  ('${q.k1}', '${n.sparraus}', 'Soveltuuko laki kokeiluun', 'Miten soveltamisalaa luetaan?',
    '{soveltamisala}', '${p.mikko}', '${organisations.helsinki}', now() - interval '10 days'),
  ('${q.k2}', '${n.sparraus}', 'Määritelmien tulkinta', 'Mitä työnhakijalla tarkoitetaan?',
    '{}', '${p.mikko}', '${organisations.helsinki}', now() - interval '2 days'),
  ('${q.k3}', '${n.tulkinta}', 'Suljetun verkoston kysymys', 'Koskeeko soveltamisala meitä?',
    '{}', '${p.tuuli}', '${organisations.helsinki}', now() - interval '1 day'),
  ('${q.k4}', '${n.sparraus}', 'Voimaantulon siirtymäaika', 'Milloin siirtymäaika päättyy?',
    '{}', '${p.kerttu}', '${organisations.tampere}', now());
insert into public.sparring_question_sections (question_id, section_id) values
  ('${q.k1}', '${s.s1}'), ('${q.k2}', '${s.s2}'), ('${q.k3}', '${s.s1}'), ('${q.k4}', '${s.s3}');
insert into public.sparring_answers (id, question_id, author_id, organisation_id, body_html)
  values ('${answers.v2}', '${q.k2}', '${p.lea}', '${organisations.tampere}',
    '<p>Työnhakijalla tarkoitetaan rekisteröitynyttä henkilöä.</p>');
insert into public.sparring_answer_sections (answer_id, section_id) values ('${answers.v2}', '${s.s3}');
insert into public.sparring_answer_interpretations (answer_id, document_id) values ('${answers.v2}', '${vanha}');
insert into public.sparring_endorsements (answer_id, user_id) values ('${answers.v2}', '${p.lasse}');
update public.sparring_questions set status = 'answered', first_answered_at = now() - interval '1 day'
  where id = '${q.k2}';
`;

const emails: Partial<Record<SparringPerson, string>> = {
  ...Object.fromEntries(homes.map(([person, domain]) => [person, `${person}@${domain}`])),
  pekka: "pekka@tampere.test",
  dave: "dave@tampere.test",
  olli: "olli@helsinki.test",
  aino: "aino@tampere.test",
  anna: "anna@tampere.test",
  ville: "ville@vendor.test",
  paula: "paula@helsinki.test",
};

export function sparringClaimsOf(person: SparringPerson, aal: "aal1" | "aal2" = "aal1"): Claims {
  return {
    role: "authenticated",
    sub: sparringPeople[person],
    aal,
    email: emails[person] ?? `${person}@x.test`,
  };
}

/** The actors every sparring table and function is tried with, by the part they play in sparraus. */
export const sparringActors = {
  anon: { role: "anon" },
  pending: sparringClaimsOf("pekka"),
  deactivated: sparringClaimsOf("dave"),
  outsider: sparringClaimsOf("olli"),
  platformAdmin: sparringClaimsOf("paula", "aal2"),
  guest: sparringClaimsOf("ville"),
  otherNetworkLawyer: sparringClaimsOf("tuuli"),
  observer: sparringClaimsOf("oona"),
  member: sparringClaimsOf("mikko"),
  memberLawyerElsewhere: sparringClaimsOf("lotta"),
  coordinator: sparringClaimsOf("kerttu"),
  lawyer: sparringClaimsOf("lea"),
  lawyerCoordinator: sparringClaimsOf("lasse"),
} satisfies Record<string, Claims>;

export type SparringActor = keyof typeof sparringActors;
export const sparringActorNames = Object.keys(sparringActors) as SparringActor[];
export type SparringOutcomes = Record<SparringActor, Outcome>;

/** `outcome` for every actor, with some overridden. */
export function forEverySparringActor(
  outcome: Outcome,
  overrides: Partial<SparringOutcomes> = {},
): SparringOutcomes {
  const result = {} as SparringOutcomes;
  for (const actor of sparringActorNames) result[actor] = outcome;
  return { ...result, ...overrides };
}

/** The sparraus members among the actors (every role), who read its content. */
export const sparrausReaders = [
  "observer",
  "member",
  "memberLawyerElsewhere",
  "coordinator",
  "lawyer",
  "lawyerCoordinator",
] as const satisfies readonly SparringActor[];

/** `inside` for sparraus's members, `outside` for every other signed-in actor, anon denied. */
export function sparrausMembersOnly(
  inside: Outcome,
  outside: Outcome,
  overrides: Partial<SparringOutcomes> = {},
): SparringOutcomes {
  const result = forEverySparringActor(outside, { anon: "denied" });
  for (const actor of sparrausReaders) result[actor] = inside;
  return { ...result, ...overrides };
}

const labels = new Map<string, string>([
  ...Object.entries(sparringPeople).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(sparringNetworks).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(networks).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(questions).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(answers).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(sections).map(([name, id]) => [id, name] as [string, string]),
  [vanha, "doc:vanha"],
]);

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every known id in `value` replaced by its name. */
export function labelOf(value: unknown): string {
  return networkLabelOf(nameOf(value).replace(uuidPattern, (id) => labels.get(id) ?? id));
}

function labelled(outcome: Outcome): Outcome {
  return Array.isArray(outcome) ? outcome.map(labelOf).sort() : outcome;
}

/** The outcome of `sql` for every sparring actor, each in its own rolled-back transaction. */
export async function sparringOutcomesFor(
  db: Database,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<SparringOutcomes> {
  const result = {} as SparringOutcomes;
  for (const actor of sparringActorNames) {
    result[actor] = labelled(await outcomeOf(db, sparringActors[actor], sql, params, shape));
  }
  return result;
}

/** What a refused call raised: its SQLSTATE, message and detail. */
export interface Refusal {
  code?: string;
  message?: string;
  detail?: string;
}

/** The error `work` raised; fails the test if it did not. */
export async function refusalOf(work: Promise<unknown>): Promise<Refusal> {
  try {
    await work;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error("expected the database to refuse");
}

/** The SQL each step of the story runs, with its parameters in order. */
export const sparringSteps = {
  ask: "select public.ask_sparring_question($1, $2, $3, $4::uuid[], $5::text[]) as id",
  edit: "select public.edit_sparring_question($1, $2, $3, $4::uuid[], $5::text[])",
  answer: "select public.answer_sparring_question($1, $2, $3::uuid[], $4::uuid[]) as id",
  endorse: "select public.endorse_sparring_answer($1, $2)",
  accept: "select public.accept_sparring_answer($1)",
  promote:
    "select public.promote_sparring_answer($1, $2, $3, $4, $5::date, $6::date, $7::uuid, $8::uuid[]) as id",
  saveInterpretation: "select public.save_interpretation($1, $2, $3, $4::date, $5::date, $6::uuid)",
  setLawyer: "select public.set_sparring_lawyer($1, $2, $3)",
  setTarget: "select public.set_sparring_target($1, $2)",
};
