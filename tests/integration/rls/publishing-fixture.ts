/**
 * Who is who in the publishing RLS tests, on top of the document fixture (document-fixture.ts):
 * an editorial board with members from three organisations, a second board, and documents of
 * the kinds they are responsible for.
 *
 *   toimitus  an editorial_board network, responsible (besides its own documents) for manuals:
 *             kaisa (Tampere) coordinates, tuomas (Tampere), helena (Helsinki) and sanna (the
 *             spare organisation) are members, otto (Helsinki) observes
 *   toinen    a second board, responsible for interpretations: bertta (Helsinki) coordinates
 *
 * Documents (owner Helsinki, created by cilla):
 *   ohje        a Finnish manual in the suljettu network: editors are cilla, hanna (owner's
 *               admin), anna and aino (suljettu), tuomas (an edit grant); eero views (observer),
 *               uma comments (a grant); the board's other members have no access until it is
 *               submitted to them
 *   handbok     a Swedish manual in suljettu, to be made ohje's translation
 *   irrallinen  a page in no network: no board is responsible for it
 *   tulkinta    an interpretation published (directly, as the owner) with its review due in ten
 *               days: it belongs to toinen's dashboard
 *
 * Rows are written as the owner, so every trigger runs but no policy. The workflow is exercised
 * by `inScenario`, which runs every step as its actor inside one transaction rolled back at the
 * end, so the tests share one database without seeing each other's changes.
 */
import type { Claims, Database, Queryable } from "../../../server/embedded/db";
import {
  type DocumentPerson,
  documentClaimsOf,
  documentFixtureSql,
  labelOf as documentLabelOf,
  documentPeople,
} from "./document-fixture";
import { organisations } from "./identity-fixture";
import { networks } from "./network-fixture";
import type { Outcome } from "./outcomes";

export const publishingPeople = {
  ...documentPeople,
  kaisa: "f0000000-0000-4000-8000-000000000015",
  tuomas: "f0000000-0000-4000-8000-000000000016",
  helena: "f0000000-0000-4000-8000-000000000017",
  sanna: "f0000000-0000-4000-8000-000000000018",
  otto: "f0000000-0000-4000-8000-000000000019",
  bertta: "f0000000-0000-4000-8000-000000000020",
} as const;

export type PublishingPerson = keyof typeof publishingPeople;

export const boards = {
  toimitus: "a0000000-0000-4000-8000-000000000011",
  toinen: "a0000000-0000-4000-8000-000000000012",
} as const;

export const publishingDocuments = {
  ohje: "ab000000-0000-4000-8000-000000000001",
  handbok: "ab000000-0000-4000-8000-000000000002",
  irrallinen: "ab000000-0000-4000-8000-000000000003",
  tulkinta: "ab000000-0000-4000-8000-000000000004",
} as const;

export type PublishingDocument = keyof typeof publishingDocuments;

const newPeople: [PublishingPerson, string][] = [
  ["kaisa", "tampere.test"],
  ["tuomas", "tampere.test"],
  ["helena", "helsinki.test"],
  ["sanna", "spare.test"],
  ["otto", "helsinki.test"],
  ["bertta", "helsinki.test"],
];

const boardMembers: [keyof typeof boards, PublishingPerson, string][] = [
  ["toimitus", "kaisa", "coordinator"],
  ["toimitus", "tuomas", "member"],
  ["toimitus", "helena", "member"],
  ["toimitus", "sanna", "member"],
  ["toimitus", "otto", "observer"],
  ["toinen", "bertta", "coordinator"],
];

const p = publishingPeople;
const d = publishingDocuments;

export const publishingFixtureSql = `
${documentFixtureSql}
insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ${newPeople
    .map(
      ([person, domain]) =>
        `('${p[person]}', 'authenticated', 'authenticated', '${person}@${domain}', '{"full_name":"${person}"}')`,
    )
    .join(",\n  ")};
update public.organisation_members set status = 'active'
  where user_id in (${newPeople.map(([person]) => `'${p[person]}'`).join(", ")});

insert into public.networks (id, slug, kind, name_fi, purpose_fi, owner_organisation_id, visibility,
    join_policy, allow_guests, created_by) values
  ('${boards.toimitus}', 'toimitus', 'editorial_board', 'Käsikirjan toimituskunta', 'Hyväksyy käsikirjat.',
    '${organisations.tampere}', 'signed_in', 'invitation', false, '${p.kaisa}'),
  ('${boards.toinen}', 'toinen', 'editorial_board', 'Tulkintojen toimituskunta', 'Hyväksyy tulkinnat.',
    '${organisations.helsinki}', 'signed_in', 'invitation', false, '${p.bertta}');
insert into public.network_members (network_id, user_id, role) values
  ${boardMembers.map(([board, person, role]) => `('${boards[board]}', '${p[person]}', '${role}')`).join(",\n  ")};
select private.recount_network_members(array['${boards.toimitus}', '${boards.toinen}']::uuid[]);
insert into public.editorial_board_scopes (board_id, document_kind) values
  ('${boards.toimitus}', 'manual'), ('${boards.toinen}', 'interpretation');

insert into public.documents (id, kind, title, language, owner_organisation_id, network_id, status,
    created_by, text, html) values
  ('${d.ohje}', 'manual', 'Työttömyysturvan käsikirja', 'fi', '${organisations.helsinki}',
    '${networks.suljettu}', 'draft', '${p.cilla}', 'Ensimmäinen versio.', '<p>Ensimmäinen versio.</p>'),
  ('${d.handbok}', 'manual', 'Handbok för arbetslöshetsskydd', 'sv', '${organisations.helsinki}',
    '${networks.suljettu}', 'draft', '${p.cilla}', 'Första versionen.', '<p>Första versionen.</p>'),
  ('${d.irrallinen}', 'page', 'Irrallinen sivu', 'fi', '${organisations.helsinki}', null, 'draft',
    '${p.cilla}', 'Muistiinpanoja.', '<p>Muistiinpanoja.</p>'),
  ('${d.tulkinta}', 'interpretation', 'Tulkinta sovitellusta päivärahasta', 'fi',
    '${organisations.helsinki}', null, 'published', '${p.cilla}', 'Tulkinta.', '<p>Tulkinta.</p>');
insert into public.document_permissions (document_id, user_id, level, granted_by) values
  ('${d.ohje}', '${p.tuomas}', 'edit', '${p.cilla}'),
  ('${d.ohje}', '${p.uma}', 'comment', '${p.cilla}');

insert into public.published_versions (document_id, number, title, kind, language, content, html,
    text, owner_id, owner_name, owner_organisation_id, published_by)
  values ('${d.tulkinta}', 1, 'Tulkinta sovitellusta päivärahasta', 'interpretation', 'fi', '{}',
    '<p>Tulkinta.</p>', 'Tulkinta.', '${p.cilla}', 'cilla', '${organisations.helsinki}', '${p.cilla}');
update public.documents
  set slug = 'tulkinta-sovitellusta-paivarahasta', published_version = 1, published_at = now(),
    owner_id = '${p.cilla}', review_due = current_date + 10
  where id = '${d.tulkinta}';
`;

export function publishingClaimsOf(
  person: PublishingPerson,
  aal: "aal1" | "aal2" = "aal1",
): Claims {
  if (person in documentPeople) return documentClaimsOf(person as DocumentPerson, aal);
  const domain = newPeople.find(([name]) => name === person)?.[1] ?? "x.test";
  return { role: "authenticated", sub: p[person], aal, email: `${person}@${domain}` };
}

/** The actors the workflow is tried with, by the part they play for the manual `ohje`. */
export const publishingActors = {
  anon: { role: "anon" },
  pending: publishingClaimsOf("pekka"),
  deactivated: publishingClaimsOf("dave"),
  outsider: publishingClaimsOf("olli"),
  guest: publishingClaimsOf("ville"),
  viewer: publishingClaimsOf("eero"),
  commenter: publishingClaimsOf("uma"),
  networkMember: publishingClaimsOf("aino"),
  networkCoordinator: publishingClaimsOf("anna"),
  creator: publishingClaimsOf("cilla"),
  orgAdmin: publishingClaimsOf("hanna", "aal2"),
  editorOnBoard: publishingClaimsOf("tuomas"),
  boardCoordinator: publishingClaimsOf("kaisa"),
  boardMember: publishingClaimsOf("helena"),
  boardMemberElsewhere: publishingClaimsOf("sanna"),
  boardObserver: publishingClaimsOf("otto"),
  otherBoard: publishingClaimsOf("bertta"),
} satisfies Record<string, Claims>;

export type PublishingActor = keyof typeof publishingActors;
export const publishingActorNames = Object.keys(publishingActors) as PublishingActor[];
export type PublishingOutcomes = Record<PublishingActor, Outcome>;

export const serviceRole: Claims = { role: "service_role" };

/** `outcome` for every actor, with some overridden. */
export function forEveryone(
  outcome: Outcome,
  overrides: Partial<PublishingOutcomes> = {},
): PublishingOutcomes {
  const result = {} as PublishingOutcomes;
  for (const actor of publishingActorNames) result[actor] = outcome;
  return { ...result, ...overrides };
}

const labels = new Map<string, string>([
  ...Object.entries(publishingPeople).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(boards).map(([name, id]) => [id, `board:${name}`] as [string, string]),
  ...Object.entries(publishingDocuments).map(
    ([name, id]) => [id, `doc:${name}`] as [string, string],
  ),
]);

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every known id in `value` replaced by its name. */
export function labelOf(value: unknown): string {
  return documentLabelOf(value).replace(uuidPattern, (id) => labels.get(id) ?? id);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * One story told by several people in one transaction: each step runs under its actor's role
 * and claims (as PostgREST would) inside a savepoint, so a refused step leaves the rest intact.
 */
export class Scenario {
  constructor(private readonly tx: Queryable) {}

  /** Runs `sql` as `claims` and returns its rows; a refusal fails the test. */
  async as<Row = Record<string, unknown>>(
    claims: Claims,
    sql: string,
    params: unknown[] = [],
  ): Promise<Row[]> {
    await this.tx.query("savepoint step");
    try {
      await this.tx.query(
        "select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)",
        [JSON.stringify(claims), claims.role],
      );
      const { rows } = await this.tx.query<Row>(sql, params);
      await this.tx.query(
        "select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)",
      );
      await this.tx.query("release savepoint step");
      return rows;
    } catch (error) {
      await this.tx.query("rollback to savepoint step");
      await this.tx.query("release savepoint step");
      throw error;
    }
  }

  /** The one value `sql` returns as `claims`. */
  async value<T>(claims: Claims, sql: string, params: unknown[] = []): Promise<T> {
    const rows = await this.as(claims, sql, params);
    return Object.values(rows[0] ?? {})[0] as T;
  }

  /**
   * What a policy or function decided for `claims`: "denied" (42501), the labels of the rows'
   * first column, "ok" for a call, or the SQLSTATE of another error. A refused step is undone.
   */
  async attempt(
    claims: Claims,
    sql: string,
    params: unknown[] = [],
    shape: "rows" | "call" = "rows",
  ): Promise<Outcome> {
    try {
      const rows = await this.as(claims, sql, params);
      return shape === "call" ? "ok" : rows.map((row) => labelOf(Object.values(row)[0])).sort();
    } catch (error) {
      const code = errorCode(error);
      if (!code) throw error;
      return code === "42501" ? "denied" : { error: code };
    }
  }

  /** `attempt` for every actor; a step that succeeds is undone so each actor starts alike. */
  async attemptByEveryone(
    sql: string,
    params: unknown[] = [],
    shape: "rows" | "call" = "rows",
  ): Promise<PublishingOutcomes> {
    const result = {} as PublishingOutcomes;
    for (const actor of publishingActorNames) {
      await this.tx.query("savepoint everyone");
      result[actor] = await this.attempt(publishingActors[actor], sql, params, shape);
      await this.tx.query("rollback to savepoint everyone");
      await this.tx.query("release savepoint everyone");
    }
    return result;
  }

  /** As the owner: to look behind the policies at what a step wrote. */
  async owner<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.tx.query<Row>(sql, params)).rows;
  }
}

class RollBack extends Error {
  constructor() {
    super("roll back");
  }
}

/** Runs `story` in a transaction that is always rolled back. */
export async function inScenario(
  db: Database,
  story: (scenario: Scenario) => Promise<void>,
): Promise<void> {
  try {
    await db.transaction(null, async (tx) => {
      await story(new Scenario(tx));
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

/** The common steps, by the person who usually takes them. */
export const steps = {
  submit: "select public.submit_document($1, $2) as id",
  review: "select public.review_submission($1, $2, $3) as status",
  publish: "select public.publish_submission($1) as number",
};

/**
 * cilla submits `document`, kaisa (Tampere) and helena (Helsinki) approve: an approved
 * submission, ready to publish. Returns its id.
 */
export async function approvedSubmission(
  scenario: Scenario,
  document: string,
  summary = "Uusi versio",
): Promise<string> {
  const id = await scenario.value<string>(publishingActors.creator, steps.submit, [
    document,
    summary,
  ]);
  await scenario.as(publishingActors.boardCoordinator, steps.review, [id, "approve", ""]);
  await scenario.as(publishingActors.boardMember, steps.review, [id, "approve", "Hyvä."]);
  return id;
}

/** Submits, approves and publishes `document` as above; returns the version number. */
export async function publishedVersion(
  scenario: Scenario,
  document: string,
  summary = "Uusi versio",
): Promise<number> {
  const id = await approvedSubmission(scenario, document, summary);
  return scenario.value<number>(publishingActors.creator, steps.publish, [id]);
}
