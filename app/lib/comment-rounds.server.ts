/**
 * Comment rounds (lausuntokierros): opening one on a document's current content, reading a round
 * with its invited parties and responses, responding, recording what was done about each comment
 * and closing. Everything runs as the signed-in person: RLS shows the rounds they read and the
 * functions refuse what they may not do. Which invited parties the person answers for and whether
 * they run the round only choose which controls the page shows; the functions check again.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { ResponseItem, RoundItemHandling } from "./comment-round-form";
import type { DbErrorLike } from "./db-errors";
import { documentAccess } from "./document-access.server";
import { grantOptions, type NetworkOption, type PersonOption } from "./documents.server";
import type { Locale } from "./i18n";
import { dateTimeFormat, type Moment, moment } from "./moment";
import { networkName } from "./network";
import { organisationName } from "./organisations.server";
import { type Paragraph, paragraphsOf } from "./paragraphs";
import { profileNames } from "./profile-names.server";
import { isUuid } from "./uuid";

interface NameRow {
  name_fi: string;
  name_sv: string | null;
}

export type InviteeKind = "person" | "organisation" | "network";

export interface RoundInvitee {
  id: string;
  kind: InviteeKind;
  name: string | null;
  /** The signed-in person answers for this party (themselves, their organisation, a network they write in). */
  mine: boolean;
  response: { id: string; submittedAt: Moment; responderName: string | null } | null;
}

export interface RoundItem {
  id: string;
  partyName: string | null;
  paragraphIndex: number | null;
  paragraphText: string | null;
  comment: string;
  handling: RoundItemHandling;
  handlingNote: string | null;
  handledAt: Moment | null;
}

export interface RoundDetail {
  id: string;
  title: string;
  instructions: string;
  documentId: string;
  documentTitle: string;
  /** The person may open the working document (RLS returned its row). */
  documentReadable: boolean;
  deadline: Moment;
  open: boolean;
  closedAt: Moment | null;
  openedAt: Moment;
  openerName: string | null;
  paragraphs: Paragraph[];
  invitees: RoundInvitee[];
  items: RoundItem[];
  /** The opener or an editor of the document: shows the handling and closing controls. */
  runs: boolean;
}

interface RoundRow {
  id: string;
  document_id: string;
  document_title: string;
  title: string;
  instructions: string;
  text: string;
  deadline: string;
  opened_by: string | null;
  opened_at: string;
  closed_at: string | null;
}

interface InviteeRow {
  id: string;
  round_id: string;
  user_id: string | null;
  organisation_id: string | null;
  network_id: string | null;
}

interface ResponseRow {
  id: string;
  invitee_id: string;
  responder_id: string | null;
  submitted_at: string;
  comment_round_items: {
    id: string;
    position: number;
    paragraph_index: number | null;
    paragraph_text: string | null;
    comment: string;
    handling: RoundItemHandling;
    handling_note: string | null;
    handled_at: string | null;
  }[];
}

const roundColumns =
  "id, document_id, document_title, title, instructions, text, deadline, opened_by, opened_at, closed_at";

function isOpen(row: Pick<RoundRow, "closed_at" | "deadline">, now: Date): boolean {
  return row.closed_at === null && now.getTime() < new Date(row.deadline).getTime();
}

/** Whether the person answers for an invited party: the database's my_round_invitees() says. */
async function answersFor(client: SupabaseClient): Promise<(invitee: InviteeRow) => boolean> {
  const { data, error } = await client.rpc("my_round_invitees");
  if (error) throw new Error(`Loading my invitations failed: ${error.code} ${error.message}`);
  const mine = new Set((data ?? []) as string[]);
  return (invitee) => mine.has(invitee.id);
}

/** Names of invited parties the person may see (RLS hides the rest: null). */
async function inviteeNames(
  client: SupabaseClient,
  invitees: InviteeRow[],
  locale: Locale,
): Promise<Map<string, string>> {
  const ids = (key: "organisation_id" | "network_id") => [
    ...new Set(invitees.map((row) => row[key]).filter((id): id is string => id !== null)),
  ];
  const organisationIds = ids("organisation_id");
  const networkIds = ids("network_id");
  const [people, organisations, networks] = await Promise.all([
    profileNames(
      client,
      invitees.map((row) => row.user_id).filter((id): id is string => id !== null),
    ),
    organisationIds.length > 0
      ? client.from("organisations").select("id, name_fi, name_sv").in("id", organisationIds)
      : Promise.resolve({ data: [], error: null }),
    networkIds.length > 0
      ? client.from("networks").select("id, name_fi, name_sv").in("id", networkIds)
      : Promise.resolve({ data: [], error: null }),
  ]);
  if (organisations.error) throw organisations.error;
  if (networks.error) throw networks.error;
  const names = new Map(people);
  for (const row of (organisations.data ?? []) as (NameRow & { id: string })[]) {
    names.set(row.id, organisationName(row, locale));
  }
  for (const row of (networks.data ?? []) as (NameRow & { id: string })[]) {
    names.set(row.id, networkName(row, locale));
  }
  return names;
}

function inviteeKind(row: InviteeRow): InviteeKind {
  return row.user_id ? "person" : row.organisation_id ? "organisation" : "network";
}

function partyId(row: InviteeRow): string {
  return row.user_id ?? row.organisation_id ?? row.network_id ?? "";
}

/** One round as the person sees it; null when there is no such round or they may not read it. */
export async function loadRound(
  client: SupabaseClient,
  roundId: string,
  person: { userId: string },
  locale: Locale,
  now: Date = new Date(),
): Promise<RoundDetail | null> {
  if (!isUuid(roundId)) return null;
  const { data: round, error } = await client
    .from("comment_rounds")
    .select(roundColumns)
    .eq("id", roundId)
    .maybeSingle<RoundRow>();
  if (error) throw new Error(`Loading round failed: ${error.code} ${error.message}`);
  if (!round) return null;
  const [invitees, responses, documentRow, access, matches] = await Promise.all([
    client
      .from("comment_round_invitees")
      .select("id, round_id, user_id, organisation_id, network_id")
      .eq("round_id", round.id)
      .returns<InviteeRow[]>(),
    client
      .from("comment_round_responses")
      .select(
        "id, invitee_id, responder_id, submitted_at, comment_round_items(id, position, paragraph_index, paragraph_text, comment, handling, handling_note, handled_at)",
      )
      .eq("round_id", round.id)
      .order("submitted_at", { ascending: true })
      .returns<ResponseRow[]>(),
    client.from("documents").select("id").eq("id", round.document_id).maybeSingle(),
    documentAccess(client, round.document_id),
    answersFor(client),
  ]);
  if (invitees.error) throw invitees.error;
  if (responses.error) throw responses.error;
  if (documentRow.error) throw documentRow.error;
  const [names, people] = await Promise.all([
    inviteeNames(client, invitees.data, locale),
    profileNames(client, [
      ...(round.opened_by ? [round.opened_by] : []),
      ...responses.data.map((row) => row.responder_id).filter((id): id is string => id !== null),
    ]),
  ]);
  const format = dateTimeFormat(locale);
  const responseOf = new Map(responses.data.map((row) => [row.invitee_id, row]));
  const partyNameOf = new Map(
    invitees.data.map((row) => [row.id, names.get(partyId(row)) ?? null] as const),
  );
  const collator = new Intl.Collator(locale);
  const inviteeOrder: Record<InviteeKind, number> = { organisation: 0, network: 1, person: 2 };
  return {
    id: round.id,
    title: round.title,
    instructions: round.instructions,
    documentId: round.document_id,
    documentTitle: round.document_title,
    documentReadable: documentRow.data !== null && access !== null,
    deadline: moment(round.deadline, format),
    open: isOpen(round, now),
    closedAt: round.closed_at ? moment(round.closed_at, format) : null,
    openedAt: moment(round.opened_at, format),
    openerName: round.opened_by ? (people.get(round.opened_by) ?? null) : null,
    paragraphs: paragraphsOf(round.text),
    invitees: invitees.data
      .map((row) => {
        const response = responseOf.get(row.id);
        return {
          id: row.id,
          kind: inviteeKind(row),
          name: names.get(partyId(row)) ?? null,
          mine: matches(row),
          response: response
            ? {
                id: response.id,
                submittedAt: moment(response.submitted_at, format),
                responderName: response.responder_id
                  ? (people.get(response.responder_id) ?? null)
                  : null,
              }
            : null,
        };
      })
      .sort(
        (a, b) =>
          inviteeOrder[a.kind] - inviteeOrder[b.kind] ||
          collator.compare(a.name ?? "", b.name ?? ""),
      ),
    items: responses.data.flatMap((response) =>
      [...response.comment_round_items]
        .sort((a, b) => a.position - b.position)
        .map((item) => ({
          id: item.id,
          partyName: partyNameOf.get(response.invitee_id) ?? null,
          paragraphIndex: item.paragraph_index,
          paragraphText: item.paragraph_text,
          comment: item.comment,
          handling: item.handling,
          handlingNote: item.handling_note,
          handledAt: item.handled_at ? moment(item.handled_at, format) : null,
        })),
    ),
    runs: round.opened_by === person.userId || access === "edit",
  };
}

export interface RoundListItem {
  id: string;
  title: string;
  documentTitle: string;
  deadline: Moment;
  open: boolean;
  /** Invited parties the person answers for that have not responded yet. */
  awaitingMyResponse: number;
  responses: number;
  invitees: number;
}

const listLimit = 200;

/**
 * Rounds the person is invited to (open first, nearest deadline first) and rounds they run: those
 * they opened and those of documents they created or own.
 */
export async function listMyRounds(
  client: SupabaseClient,
  person: { userId: string },
  locale: Locale,
  now: Date = new Date(),
): Promise<{ invited: RoundListItem[]; running: RoundListItem[] }> {
  const { data: rounds, error } = await client
    .from("comment_rounds")
    .select(
      "id, title, document_title, deadline, closed_at, opened_by, document:documents(created_by, owner_id), comment_round_invitees(id, round_id, user_id, organisation_id, network_id), comment_round_responses(invitee_id)",
    )
    .order("deadline", { ascending: false })
    .limit(listLimit)
    .returns<
      {
        id: string;
        title: string;
        document_title: string;
        deadline: string;
        closed_at: string | null;
        opened_by: string | null;
        document: { created_by: string | null; owner_id: string | null } | null;
        comment_round_invitees: InviteeRow[];
        comment_round_responses: { invitee_id: string }[];
      }[]
    >();
  if (error) throw new Error(`Loading rounds failed: ${error.code} ${error.message}`);
  const matches = await answersFor(client);
  const format = dateTimeFormat(locale);
  const invited: RoundListItem[] = [];
  const running: RoundListItem[] = [];
  for (const row of rounds) {
    const responded = new Set(row.comment_round_responses.map((response) => response.invitee_id));
    const mine = row.comment_round_invitees.filter(matches);
    const item: RoundListItem = {
      id: row.id,
      title: row.title,
      documentTitle: row.document_title,
      deadline: moment(row.deadline, format),
      open: isOpen(row, now),
      awaitingMyResponse: mine.filter((invitee) => !responded.has(invitee.id)).length,
      responses: responded.size,
      invitees: row.comment_round_invitees.length,
    };
    if (mine.length > 0) invited.push(item);
    if (
      row.opened_by === person.userId ||
      row.document?.created_by === person.userId ||
      row.document?.owner_id === person.userId
    ) {
      running.push(item);
    }
  }
  const byDeadline = (a: RoundListItem, b: RoundListItem) =>
    a.open === b.open
      ? a.open
        ? a.deadline.iso.localeCompare(b.deadline.iso)
        : b.deadline.iso.localeCompare(a.deadline.iso)
      : a.open
        ? -1
        : 1;
  return { invited: invited.sort(byDeadline), running: running.sort(byDeadline) };
}

// Opening --------------------------------------------------------------------------------------

/** Organisations and networks the person can see, to invite; a choice list only. */
export async function inviteOptions(
  client: SupabaseClient,
  locale: Locale,
): Promise<{ organisations: NetworkOption[]; networks: NetworkOption[] }> {
  return grantOptions(client, locale);
}

/** The chosen people's names, to show them again after a search or a refusal. */
export async function chosenPeople(
  client: SupabaseClient,
  ids: string[],
  locale: Locale,
): Promise<PersonOption[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  const { data, error } = await client
    .from("profiles")
    .select(
      "id, display_name, organisation:organisations!profiles_home_organisation_id_fkey(name_fi, name_sv)",
    )
    .in("id", valid)
    .returns<{ id: string; display_name: string; organisation: NameRow | null }[]>();
  if (error) throw error;
  return data.map((row) => ({
    id: row.id,
    name: row.display_name,
    organisation: row.organisation ? organisationName(row.organisation, locale) : null,
  }));
}

/**
 * Opens a round on what the editors see now: the live co-editing state is written to the row
 * first, so the frozen copy is not the last compaction's.
 */
export async function openRound(
  client: SupabaseClient,
  context: AppLoadContext,
  documentId: string,
  input: {
    title: string;
    instructions: string;
    deadline: string;
    organisations: string[];
    networks: string[];
    people: string[];
  },
): Promise<{ id: string } | { error: DbErrorLike }> {
  await context.collab?.flushDocument(documentId);
  const { data, error } = await client.rpc("open_comment_round", {
    document_id: documentId,
    title: input.title,
    deadline: input.deadline,
    instructions: input.instructions,
    invite_users: input.people,
    invite_organisations: input.organisations,
    invite_networks: input.networks,
  });
  if (error) return { error };
  return { id: String(data) };
}

// Responding, handling, closing ----------------------------------------------------------------

export async function respondToRound(
  client: SupabaseClient,
  roundId: string,
  inviteeId: string,
  items: ResponseItem[],
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("respond_to_comment_round", {
    round_id: roundId,
    invitee_id: inviteeId,
    items,
  });
  return error;
}

export async function handleRoundItem(
  client: SupabaseClient,
  itemId: string,
  handling: RoundItemHandling,
  note: string,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("handle_comment_round_item", {
    item_id: itemId,
    handling,
    note,
  });
  return error;
}

export async function closeRound(
  client: SupabaseClient,
  roundId: string,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("close_comment_round", { round_id: roundId });
  return error;
}
