/**
 * Who is who in the document RLS tests, on top of the network fixture (see network-fixture.ts):
 * four more people and eight documents, each showing one way to reach a document.
 *
 *   cilla   active at Tampere, in no network: created every document below
 *   hanna   active admin of Helsinki, which owns every document below
 *   uma     active at Tampere, in no network: reaches documents only through grants to her
 *   oskari  active at the spare organisation: reaches documents only through grants to it
 *
 * Documents (owner Helsinki, so anna's admin role at Tampere gives her nothing here):
 *   avoin, suljettu, arkisto  in the network of that name (the last one archived)
 *   luonnos                   no network, no grants: its creator and owner's admins only
 *   jaettuView/Comment/Edit   no network; granted at that level to uma, to the spare organisation
 *                             and to the suljettu network (jaettuEdit also to dave, deactivated)
 *   arkistoitu                archived document, granted edit to uma
 *
 * Every document has one automatic version; avoin has a pending restore; avoin, suljettu and
 * jaettuComment have a comment thread with a reply; avoin has a live state and an update in the
 * log. Rows are written as the owner, so every trigger runs but no policy.
 */
import type { Claims, Database } from "../../../server/embedded/db";
import { nameOf, organisations } from "./identity-fixture";
import {
  labelOf as networkLabelOf,
  networkFixtureSql,
  networkPeople,
  networks,
} from "./network-fixture";
import { type Outcome, outcomeOf } from "./outcomes";

export const documentPeople = {
  ...networkPeople,
  cilla: "f0000000-0000-4000-8000-000000000011",
  hanna: "f0000000-0000-4000-8000-000000000012",
  uma: "f0000000-0000-4000-8000-000000000013",
  oskari: "f0000000-0000-4000-8000-000000000014",
} as const;

export type DocumentPerson = keyof typeof documentPeople;

export const documentNames = [
  "avoin",
  "suljettu",
  "arkisto",
  "luonnos",
  "jaettuView",
  "jaettuComment",
  "jaettuEdit",
  "arkistoitu",
] as const;

export type DocumentName = (typeof documentNames)[number];

function idsOf(prefix: string): Record<DocumentName, string> {
  return Object.fromEntries(
    documentNames.map((name, index) => [
      name,
      `${prefix}0000000-0000-4000-8000-00000000000${index + 1}`,
    ]),
  ) as Record<DocumentName, string>;
}

export const documents = idsOf("5");
export const versions = idsOf("6");
export const restoreId = "90000000-0000-4000-8000-000000000001";
export const comments = {
  avoinThread: "70000000-0000-4000-8000-000000000001",
  avoinReply: "70000000-0000-4000-8000-000000000002",
  jaettuThread: "70000000-0000-4000-8000-000000000003",
  jaettuReply: "70000000-0000-4000-8000-000000000004",
  suljettuThread: "70000000-0000-4000-8000-000000000005",
  suljettuReply: "70000000-0000-4000-8000-000000000006",
} as const;

type Grantee = "uma" | "spare" | "suljettu" | "dave";
const grants: [DocumentName, Grantee, "view" | "comment" | "edit"][] = [
  ["jaettuView", "uma", "view"],
  ["jaettuView", "spare", "view"],
  ["jaettuView", "suljettu", "view"],
  ["jaettuComment", "uma", "comment"],
  ["jaettuComment", "spare", "comment"],
  ["jaettuComment", "suljettu", "comment"],
  ["jaettuEdit", "uma", "edit"],
  ["jaettuEdit", "spare", "edit"],
  ["jaettuEdit", "suljettu", "edit"],
  ["jaettuEdit", "dave", "edit"],
  ["arkistoitu", "uma", "edit"],
];

/** Permission ids: `grant:${document}/${grantee}`. */
export const permissions = Object.fromEntries(
  grants.map(([document, grantee], index) => [
    `${document}/${grantee}`,
    `80000000-0000-4000-8000-0000000000${String(index + 1).padStart(2, "0")}`,
  ]),
) as Record<string, string>;

const labels = new Map<string, string>([
  ...Object.entries(documentPeople).map(([name, id]) => [id, name] as [string, string]),
  ...documentNames.flatMap((name) => [
    [documents[name], `doc:${name}`] as [string, string],
    [versions[name], `version:${name}`] as [string, string],
  ]),
  ...Object.entries(comments).map(([name, id]) => [id, `comment:${name}`] as [string, string]),
  ...Object.entries(permissions).map(([name, id]) => [id, `grant:${name}`] as [string, string]),
  [restoreId, "restore:avoin"],
]);

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every known id in `value` replaced by its name. */
export function labelOf(value: unknown): string {
  return networkLabelOf(nameOf(value).replace(uuidPattern, (id) => labels.get(id) ?? id));
}

const p = documentPeople;
const d = documents;
const networkOf: Partial<Record<DocumentName, string>> = {
  avoin: networks.avoin,
  suljettu: networks.suljettu,
  arkisto: networks.arkisto,
};

function granteeColumns(grantee: Grantee): string {
  if (grantee === "spare") return `null, '${organisations.spare}', null`;
  if (grantee === "suljettu") return `null, null, '${networks.suljettu}'`;
  return `'${p[grantee]}', null, null`;
}

export const documentFixtureSql = `
${networkFixtureSql}
insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ('${p.cilla}', 'authenticated', 'authenticated', 'cilla@tampere.test', '{"full_name":"cilla"}'),
  ('${p.hanna}', 'authenticated', 'authenticated', 'hanna@helsinki.test', '{"full_name":"hanna"}'),
  ('${p.uma}', 'authenticated', 'authenticated', 'uma@tampere.test', '{"full_name":"uma"}'),
  ('${p.oskari}', 'authenticated', 'authenticated', 'oskari@spare.test', '{"full_name":"oskari"}');
update public.organisation_members set status = 'active'
  where user_id in ('${p.cilla}', '${p.hanna}', '${p.uma}', '${p.oskari}');
update public.organisation_members set role = 'admin' where user_id = '${p.hanna}';

insert into public.documents (id, kind, title, owner_organisation_id, network_id, status, created_by, text, html)
values
${documentNames
  .map(
    (name) =>
      `  ('${d[name]}', 'guidance', 'Ohje: ${name}', '${organisations.helsinki}', ${
        networkOf[name] ? `'${networkOf[name]}'` : "null"
      }, '${name === "arkistoitu" ? "archived" : "draft"}', '${p.cilla}', 'Miten toimitaan.', '<p>Miten toimitaan.</p>')`,
  )
  .join(",\n")};

insert into public.document_permissions (id, document_id, user_id, organisation_id, network_id, level, granted_by)
values
${grants
  .map(
    ([document, grantee, level]) =>
      `  ('${permissions[`${document}/${grantee}`]}', '${d[document]}', ${granteeColumns(grantee)}, '${level}', '${p.cilla}')`,
  )
  .join(",\n")};

insert into public.document_versions (id, document_id, number, kind, content, text, html, contributors, created_by)
values
${documentNames
  .map(
    (name) =>
      `  ('${versions[name]}', '${d[name]}', 1, 'auto', '{}', 'Miten toimitaan.', '<p>Miten toimitaan.</p>', '{${
        name === "avoin" ? p.aino : p.cilla
      }}', null)`,
  )
  .join(",\n")};

insert into public.document_restores (id, document_id, version_id, requested_by)
  values ('${restoreId}', '${d.avoin}', '${versions.avoin}', '${p.cilla}');

insert into public.document_comments (id, document_id, thread_id, quote, quote_offset, body, author_id) values
  ('${comments.avoinThread}', '${d.avoin}', null, 'Miten', 0, 'Tarkennetaanko?', '${p.aino}'),
  ('${comments.jaettuThread}', '${d.jaettuComment}', null, 'Miten', 0, 'Tarkennetaanko?', '${p.uma}'),
  ('${comments.suljettuThread}', '${d.suljettu}', null, 'Miten', 0, 'Tarkennetaanko?', '${p.aino}');
insert into public.document_comments (id, document_id, thread_id, body, author_id) values
  ('${comments.avoinReply}', '${d.avoin}', '${comments.avoinThread}', 'Kyllä.', '${p.cilla}'),
  ('${comments.jaettuReply}', '${d.jaettuComment}', '${comments.jaettuThread}', 'Kyllä.', '${p.aino}'),
  ('${comments.suljettuReply}', '${d.suljettu}', '${comments.suljettuThread}', 'Kyllä.', '${p.cilla}');

insert into public.document_states (document_id, ydoc, state_vector)
  values ('${d.avoin}', '\\x0000'::bytea, '\\x00'::bytea);
insert into public.document_updates (document_id, update, author_id)
  values ('${d.avoin}', '\\x0000'::bytea, '${p.aino}');
`;

const emails: Partial<Record<DocumentPerson, string>> = {
  pekka: "pekka@tampere.test",
  dave: "dave@tampere.test",
  olli: "olli@helsinki.test",
  aino: "aino@tampere.test",
  eero: "eero@helsinki.test",
  anna: "anna@tampere.test",
  ville: "ville@vendor.test",
  paula: "paula@helsinki.test",
  cilla: "cilla@tampere.test",
  hanna: "hanna@helsinki.test",
  uma: "uma@tampere.test",
  oskari: "oskari@spare.test",
};

export function documentClaimsOf(person: DocumentPerson, aal: "aal1" | "aal2" = "aal1"): Claims {
  return {
    role: "authenticated",
    sub: documentPeople[person],
    aal,
    email: emails[person] ?? `${person}@x.test`,
  };
}

/** The actors every document table and function is tried with, by the part they play. */
export const documentActors = {
  anon: { role: "anon" },
  pending: documentClaimsOf("pekka"),
  deactivated: documentClaimsOf("dave"),
  outsider: documentClaimsOf("olli"),
  guest: documentClaimsOf("ville"),
  observer: documentClaimsOf("eero"),
  member: documentClaimsOf("aino"),
  coordinator: documentClaimsOf("anna"),
  creator: documentClaimsOf("cilla"),
  orgAdmin: documentClaimsOf("hanna", "aal2"),
  userGrantee: documentClaimsOf("uma"),
  orgGrantee: documentClaimsOf("oskari"),
  platformAdmin: documentClaimsOf("paula", "aal2"),
} satisfies Record<string, Claims>;

export type DocumentActor = keyof typeof documentActors;
export const documentActorNames = Object.keys(documentActors) as DocumentActor[];

export type DocumentOutcomes = Record<DocumentActor, Outcome>;

export type AccessLevel = "edit" | "comment" | "view";

/**
 * What document_access() answers, per document and actor (absent: null). Every other expectation
 * in these tests is derived from this table, so the policies and the function cannot disagree.
 */
export const expectedAccess: Record<DocumentName, Partial<Record<DocumentActor, AccessLevel>>> = {
  // A 'signed_in' network that allows guests: its members edit, everyone but guests views.
  avoin: {
    outsider: "view",
    guest: "edit",
    observer: "view",
    member: "edit",
    coordinator: "edit",
    creator: "edit",
    orgAdmin: "edit",
    userGrantee: "view",
    orgGrantee: "view",
    platformAdmin: "view",
  },
  // Members only.
  suljettu: {
    observer: "view",
    member: "edit",
    coordinator: "edit",
    creator: "edit",
    orgAdmin: "edit",
  },
  // An archived network: at most view, for every reader of the network.
  arkisto: {
    outsider: "view",
    observer: "view",
    member: "view",
    coordinator: "view",
    creator: "view",
    orgAdmin: "view",
    userGrantee: "view",
    orgGrantee: "view",
    platformAdmin: "view",
  },
  luonnos: { creator: "edit", orgAdmin: "edit" },
  // Grants to uma, to the spare organisation and to the suljettu network (observers at most view).
  jaettuView: {
    observer: "view",
    member: "view",
    coordinator: "view",
    creator: "edit",
    orgAdmin: "edit",
    userGrantee: "view",
    orgGrantee: "view",
  },
  jaettuComment: {
    observer: "view",
    member: "comment",
    coordinator: "comment",
    creator: "edit",
    orgAdmin: "edit",
    userGrantee: "comment",
    orgGrantee: "comment",
  },
  // dave's own edit grant does not help: his organisation has ended his access.
  jaettuEdit: {
    observer: "view",
    member: "edit",
    coordinator: "edit",
    creator: "edit",
    orgAdmin: "edit",
    userGrantee: "edit",
    orgGrantee: "edit",
  },
  // An archived document: at most view, even for its creator.
  arkistoitu: { creator: "view", orgAdmin: "view", userGrantee: "view" },
};

const rank: Record<AccessLevel, number> = { view: 1, comment: 2, edit: 3 };

/** The documents `actor` reaches at `level` or above, as labels. */
export function documentsAt(actor: DocumentActor, level: AccessLevel, prefix = "doc"): string[] {
  return documentNames
    .filter((name) => {
      const granted = expectedAccess[name][actor];
      return granted !== undefined && rank[granted] >= rank[level];
    })
    .map((name) => `${prefix}:${name}`)
    .sort();
}

/** For every actor (anon denied by grants): the labels of `names` they reach at `level`. */
export function reachedAt(
  level: AccessLevel,
  names: readonly DocumentName[] = documentNames,
  prefix = "doc",
): DocumentOutcomes {
  const result = {} as DocumentOutcomes;
  for (const actor of documentActorNames) {
    result[actor] =
      actor === "anon"
        ? "denied"
        : documentsAt(actor, level, prefix).filter((label) =>
            names.some((name) => label === `${prefix}:${name}`),
          );
  }
  return result;
}

function labelled(outcome: Outcome): Outcome {
  return Array.isArray(outcome) ? outcome.map(labelOf).sort() : outcome;
}

export async function documentOutcomeOf(
  db: Database,
  claims: Claims,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<Outcome> {
  return labelled(await outcomeOf(db, claims, sql, params, shape));
}

/** The outcome of `sql` for every document actor, ids read as names. */
export async function documentOutcomesFor(
  db: Database,
  sql: string,
  params: unknown[] = [],
  shape: "rows" | "call" = "rows",
): Promise<DocumentOutcomes> {
  const result = {} as DocumentOutcomes;
  for (const actor of documentActorNames) {
    result[actor] = await documentOutcomeOf(db, documentActors[actor], sql, params, shape);
  }
  return result;
}

/** `outcome` for every actor, with some overridden. */
export function forAllActors(
  outcome: Outcome,
  overrides: Partial<DocumentOutcomes> = {},
): DocumentOutcomes {
  const result = {} as DocumentOutcomes;
  for (const actor of documentActorNames) result[actor] = outcome;
  return { ...result, ...overrides };
}

/** `outcome` for every signed-in actor, anon denied by grants before any policy. */
export function signedInActors(
  outcome: Outcome,
  overrides: Partial<DocumentOutcomes> = {},
): DocumentOutcomes {
  return forAllActors(outcome, { anon: "denied", ...overrides });
}
