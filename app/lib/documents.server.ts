/**
 * Documents in workspaces: a network's documents, the caller's recent and readable documents,
 * creating one, and who a document is shared with. Every read goes through RLS (readers of a
 * document see it and its grants) and every write through create_document,
 * grant_document_permission, revoke_document_permission and create_minutes_document, which
 * decide who may; this module only asks and reports the answer.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "./db-errors";
import type { Moment } from "./discussion-form";
import {
  type DocumentAccess,
  type DocumentKind,
  documentAccessSchema,
  type documentStatuses,
} from "./document";
import { documentAccess } from "./document-access.server";
import {
  type CreateDocumentField,
  type CreateDocumentFields,
  type CreateDocumentValues,
  createDocumentSchema,
  type DocumentListQuery,
  documentsPerPage,
  type GrantFields,
  isUuid,
  postedCreateDocumentValues,
} from "./document-form";
import { type FieldErrors, formValues, parseForm } from "./form-errors";
import type { Locale } from "./i18n";
import { dateTimeFormat, moment } from "./moment";
import { networkName } from "./network";
import { organisationName } from "./organisations.server";

type DocumentStatus = (typeof documentStatuses)[number];

interface NameRow {
  name_fi: string;
  name_sv: string | null;
}

// Lists ---------------------------------------------------------------------------------------

/** A document as the lists show it. */
export interface DocumentListItem {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  language: string;
  /** The last change to the text, or the creation when nobody has written yet. */
  lastEdited: Moment;
  /** Who made that change (or created it); null when their profile is hidden or gone. */
  lastEditor: string | null;
  edited: boolean;
  network: { slug: string; name: string } | null;
  /** Known only where the list asked document_access (recent documents). */
  access: DocumentAccess | null;
}

interface DocumentListRow {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  language: string;
  created_at: string;
  content_updated_at: string | null;
  editor: { display_name: string } | null;
  creator: { display_name: string } | null;
  network: (NameRow & { slug: string }) | null;
}

/** documents relate to profiles twice (creator, last editor): name each key. */
const documentListColumns =
  "id, title, kind, status, language, created_at, content_updated_at, " +
  "editor:profiles!documents_last_edited_by_fkey(display_name), " +
  "creator:profiles!documents_created_by_fkey(display_name), " +
  "network:networks!documents_network_id_fkey(slug, name_fi, name_sv)";

function listItem(
  row: DocumentListRow,
  format: Intl.DateTimeFormat,
  locale: Locale,
): DocumentListItem {
  const edited = row.content_updated_at !== null;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    language: row.language,
    lastEdited: moment(row.content_updated_at ?? row.created_at, format),
    lastEditor: (edited ? row.editor?.display_name : row.creator?.display_name) || null,
    edited,
    network: row.network
      ? { slug: row.network.slug, name: networkName(row.network, locale) }
      : null,
    access: null,
  };
}

function byLastEdit(a: DocumentListItem, b: DocumentListItem): number {
  return b.lastEdited.iso.localeCompare(a.lastEdited.iso);
}

/** Enough for any network's shelf; the /documents search finds the rest. */
const networkDocumentLimit = 500;

/** The network's documents that the caller may read, last edited first. */
export async function listNetworkDocuments(
  client: SupabaseClient,
  networkId: string,
  locale: Locale,
): Promise<DocumentListItem[]> {
  const { data, error } = await client
    .from("documents")
    .select(documentListColumns)
    .eq("network_id", networkId)
    .order("updated_at", { ascending: false })
    .limit(networkDocumentLimit)
    .returns<DocumentListRow[]>();
  if (error) throw error;
  const format = dateTimeFormat(locale);
  return data.map((row) => listItem(row, format, locale)).sort(byLastEdit);
}

export interface DocumentPage {
  documents: DocumentListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/** `ilike` treats % and _ as wildcards: a search for "50%" means the characters. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** One page of every document the caller may read (RLS decides), newest change first. */
export async function listReadableDocuments(
  client: SupabaseClient,
  query: DocumentListQuery,
  locale: Locale,
): Promise<DocumentPage> {
  const from = (query.page - 1) * documentsPerPage;
  let request = client.from("documents").select(documentListColumns, { count: "exact" });
  if (query.search) request = request.ilike("title", likePattern(query.search));
  if (query.kind !== "all") request = request.eq("kind", query.kind);
  const { data, error, count } = await request
    .order("updated_at", { ascending: false })
    .order("id", { ascending: true })
    .range(from, from + documentsPerPage - 1)
    .returns<DocumentListRow[]>();
  // Past the last page PostgREST answers 416; the page then shows the end of the list.
  if (error && error.code !== "PGRST103") throw error;
  const total = count ?? 0;
  const format = dateTimeFormat(locale);
  return {
    documents: (data ?? []).map((row) => listItem(row, format, locale)),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / documentsPerPage)),
  };
}

interface RecentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  network_id: string | null;
  status: DocumentStatus;
  content_updated_at: string | null;
  updated_at: string;
  access: string | null;
}

export const recentDocumentCount = 10;

/** What the caller created or edited lately (my_recent_documents), with their access. */
export async function listRecentDocuments(
  client: SupabaseClient,
  locale: Locale,
): Promise<DocumentListItem[]> {
  const { data: rows, error } = await client.rpc("my_recent_documents", {
    max_rows: recentDocumentCount,
  });
  if (error) throw error;
  const data = (rows ?? []) as RecentRow[];
  const networks = await networkNames(
    client,
    data.flatMap((row) => (row.network_id ? [row.network_id] : [])),
    locale,
  );
  const format = dateTimeFormat(locale);
  return data.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    language: "",
    lastEdited: moment(row.content_updated_at ?? row.updated_at, format),
    lastEditor: null,
    edited: row.content_updated_at !== null,
    network: row.network_id ? (networks.get(row.network_id) ?? null) : null,
    access: documentAccessSchema.catch(null).parse(row.access),
  }));
}

async function networkNames(
  client: SupabaseClient,
  ids: string[],
  locale: Locale,
): Promise<Map<string, { slug: string; name: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data, error } = await client
    .from("networks")
    .select("id, slug, name_fi, name_sv")
    .in("id", unique)
    .returns<(NameRow & { id: string; slug: string })[]>();
  if (error) throw error;
  return new Map(data.map((row) => [row.id, { slug: row.slug, name: networkName(row, locale) }]));
}

// Creating -------------------------------------------------------------------------------------

export interface NetworkOption {
  id: string;
  name: string;
}

/**
 * The open networks the caller is a coordinator or member of: where a new document may go. Only
 * a choice list; create_document checks again.
 */
export async function writableNetworks(
  client: SupabaseClient,
  userId: string,
  locale: Locale,
): Promise<NetworkOption[]> {
  const { data: memberships, error } = await client
    .from("network_members")
    .select("network_id")
    .eq("user_id", userId)
    .in("role", ["coordinator", "member"])
    .returns<{ network_id: string }[]>();
  if (error) throw error;
  if (memberships.length === 0) return [];
  const { data, error: networkError } = await client
    .from("networks")
    .select("id, name_fi, name_sv")
    .in(
      "id",
      memberships.map((row) => row.network_id),
    )
    .is("archived_at", null)
    .returns<(NameRow & { id: string })[]>();
  if (networkError) throw networkError;
  return data
    .map((row) => ({ id: row.id, name: networkName(row, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export async function createDocument(
  client: SupabaseClient,
  fields: CreateDocumentFields,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client.rpc("create_document", {
    title: fields.title,
    kind: fields.kind,
    language: fields.language,
    network_id: fields.networkId,
  });
  if (error) return { error };
  return { id: data as string };
}

export type CreateDocumentOutcome =
  | { id: string }
  | {
      status: number;
      values: CreateDocumentValues;
      errors: {
        fieldErrors: FieldErrors<CreateDocumentField>;
        formError: DbErrorKey | null;
      };
    };

/**
 * A create form's submit: checks the fields, then asks create_document. `networkId` fixes the
 * network (a network's own tab) whatever the form says.
 */
export async function submitCreateDocument(
  client: SupabaseClient,
  form: FormData,
  networkId?: string,
): Promise<CreateDocumentOutcome> {
  const values = postedCreateDocumentValues(formValues(form));
  if (networkId !== undefined) values.networkId = networkId;
  const parsed = parseForm(createDocumentSchema, { ...values });
  if (!parsed.success) {
    return {
      status: 400,
      values,
      errors: {
        fieldErrors: parsed.fieldErrors as FieldErrors<CreateDocumentField>,
        formError: null,
      },
    };
  }
  const created = await createDocument(client, parsed.data as CreateDocumentFields);
  if ("id" in created) return created;
  const formError = dbErrorKey(created.error);
  if (formError === "unavailable") console.error("Creating a document failed", created.error);
  return {
    status: statusForDbError[formError],
    values,
    errors: { fieldErrors: {}, formError },
  };
}

/** The meeting's co-edited minutes (created on the first call, the same one after). */
export async function createMinutesDocument(
  client: SupabaseClient,
  meetingId: string,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client.rpc("create_minutes_document", { meeting_id: meetingId });
  if (error) return { error };
  return { id: data as string };
}

// Sharing --------------------------------------------------------------------------------------

export interface SharedDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  creator: string | null;
  ownerOrganisation: string | null;
  network: { slug: string; name: string; visibility: "signed_in" | "members" } | null;
  access: DocumentAccess | null;
  canManage: boolean;
}

interface SharedDocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  creator: { display_name: string } | null;
  owner: NameRow | null;
  network: (NameRow & { slug: string; visibility: "signed_in" | "members" }) | null;
}

/** The document with what the caller may do with it, or null when they may not read it. */
export async function getSharedDocument(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<SharedDocument | null> {
  if (!isUuid(documentId)) return null;
  const { data, error } = await client
    .from("documents")
    .select(
      "id, title, kind, status, " +
        "creator:profiles!documents_created_by_fkey(display_name), " +
        "owner:organisations!documents_owner_organisation_id_fkey(name_fi, name_sv), " +
        "network:networks!documents_network_id_fkey(slug, name_fi, name_sv, visibility)",
    )
    .eq("id", documentId)
    .maybeSingle<SharedDocumentRow>();
  if (error) throw error;
  if (!data) return null;
  const [access, manages] = await Promise.all([
    documentAccess(client, documentId),
    client.rpc("can_manage_document", { document_id: documentId }),
  ]);
  if (manages.error) throw manages.error;
  return {
    id: data.id,
    title: data.title,
    kind: data.kind,
    status: data.status,
    creator: data.creator?.display_name || null,
    ownerOrganisation: data.owner ? organisationName(data.owner, locale) : null,
    network: data.network
      ? {
          slug: data.network.slug,
          name: networkName(data.network, locale),
          visibility: data.network.visibility,
        }
      : null,
    access,
    canManage: manages.data === true,
  };
}

export interface Grant {
  id: string;
  grantee: "user" | "organisation" | "network";
  /** The person's, organisation's or network's name; null when hidden from the reader. */
  name: string | null;
  level: DocumentAccess;
  grantedBy: string | null;
  grantedAt: Moment;
}

interface GrantRow {
  id: string;
  level: DocumentAccess;
  granted_at: string;
  user_id: string | null;
  organisation_id: string | null;
  network_id: string | null;
  person: { display_name: string } | null;
  organisation: NameRow | null;
  network: NameRow | null;
  granter: { display_name: string } | null;
}

/** Who the document is shared with, people first, then organisations and networks, by name. */
export async function listGrants(
  client: SupabaseClient,
  documentId: string,
  locale: Locale,
): Promise<Grant[]> {
  const { data, error } = await client
    .from("document_permissions")
    .select(
      "id, level, granted_at, user_id, organisation_id, network_id, " +
        "person:profiles!document_permissions_user_id_fkey(display_name), " +
        "organisation:organisations!document_permissions_organisation_id_fkey(name_fi, name_sv), " +
        "network:networks!document_permissions_network_id_fkey(name_fi, name_sv), " +
        "granter:profiles!document_permissions_granted_by_fkey(display_name)",
    )
    .eq("document_id", documentId)
    .returns<GrantRow[]>();
  if (error) throw error;
  const format = dateTimeFormat(locale);
  const order = { user: 0, organisation: 1, network: 2 } as const;
  return data
    .map((row): Grant => {
      const grantee = row.user_id ? "user" : row.organisation_id ? "organisation" : "network";
      const name =
        grantee === "user"
          ? row.person?.display_name || null
          : grantee === "organisation"
            ? row.organisation
              ? organisationName(row.organisation, locale)
              : null
            : row.network
              ? networkName(row.network, locale)
              : null;
      return {
        id: row.id,
        grantee,
        name,
        level: row.level,
        grantedBy: row.granter?.display_name || null,
        grantedAt: moment(row.granted_at, format),
      };
    })
    .sort(
      (a, b) =>
        order[a.grantee] - order[b.grantee] || (a.name ?? "").localeCompare(b.name ?? "", locale),
    );
}

export interface PersonOption {
  id: string;
  name: string;
  organisation: string | null;
}

export const personSearchLimit = 20;

/** People the caller can see (RLS: active members) whose name matches, for a grant. */
export async function searchPeople(
  client: SupabaseClient,
  search: string,
  locale: Locale,
): Promise<PersonOption[]> {
  if (search.trim() === "") return [];
  const { data, error } = await client
    .from("profiles")
    .select(
      "id, display_name, organisation:organisations!profiles_home_organisation_id_fkey(name_fi, name_sv)",
    )
    .ilike("display_name", likePattern(search.trim()))
    .neq("display_name", "")
    .order("display_name", { ascending: true })
    .limit(personSearchLimit)
    .returns<{ id: string; display_name: string; organisation: NameRow | null }[]>();
  if (error) throw error;
  return data.map((row) => ({
    id: row.id,
    name: row.display_name,
    organisation: row.organisation ? organisationName(row.organisation, locale) : null,
  }));
}

/** Enough for every organisation and open network in the country; a choice list only. */
const optionLimit = 2000;

/** Organisations and open networks a document can be shared with, by name. */
export async function grantOptions(
  client: SupabaseClient,
  locale: Locale,
): Promise<{ organisations: NetworkOption[]; networks: NetworkOption[] }> {
  const [organisations, networks] = await Promise.all([
    client
      .from("organisations")
      .select("id, name_fi, name_sv")
      .order("name_fi", { ascending: true })
      .limit(optionLimit)
      .returns<(NameRow & { id: string })[]>(),
    client
      .from("networks")
      .select("id, name_fi, name_sv")
      .is("archived_at", null)
      .order("name_fi", { ascending: true })
      .limit(optionLimit)
      .returns<(NameRow & { id: string })[]>(),
  ]);
  if (organisations.error) throw organisations.error;
  if (networks.error) throw networks.error;
  const byName = (a: NetworkOption, b: NetworkOption) => a.name.localeCompare(b.name, locale);
  return {
    organisations: organisations.data
      .map((row) => ({ id: row.id, name: organisationName(row, locale) }))
      .sort(byName),
    networks: networks.data
      .map((row) => ({ id: row.id, name: networkName(row, locale) }))
      .sort(byName),
  };
}

export async function grantPermission(
  client: SupabaseClient,
  documentId: string,
  fields: GrantFields,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("grant_document_permission", {
    document_id: documentId,
    level: fields.level,
    user_id: fields.grantee === "user" ? fields.granteeId : null,
    organisation_id: fields.grantee === "organisation" ? fields.granteeId : null,
    network_id: fields.grantee === "network" ? fields.granteeId : null,
  });
  return error;
}

export async function revokePermission(
  client: SupabaseClient,
  permissionId: string,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("revoke_document_permission", {
    permission_id: permissionId,
  });
  return error;
}
