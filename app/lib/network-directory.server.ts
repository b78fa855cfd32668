/**
 * The network directory: one page of the networks a person may see, and what its filters offer.
 * Both come from security-invoker SQL functions (supabase/migrations/…100900_network_directory.sql),
 * so the networks' policies decide what is listed; this only reads the query string.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { networkKinds, networkRoles } from "./network";

export const directoryPageSize = 24;
export const directorySorts = ["activity", "name"] as const;
export type DirectorySort = (typeof directorySorts)[number];
/** "Active lately" means something happened in the last 30 days. */
export const activeDays = 30;

export interface DirectoryFilters {
  q: string;
  kind: (typeof networkKinds)[number] | null;
  org: string | null;
  topic: string | null;
  mine: boolean;
  active: boolean;
  archived: boolean;
  sort: DirectorySort;
  page: number;
}

const uuid = z.string().uuid();

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : null;
}

/** The filters in a directory URL; anything unknown is ignored rather than refused. */
export function directoryFilters(params: URLSearchParams): DirectoryFilters {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const org = params.get("org");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    kind: oneOf(networkKinds, params.get("kind")),
    org: org && uuid.safeParse(org).success ? org : null,
    topic: (params.get("topic") ?? "").trim().slice(0, 60) || null,
    mine: params.get("mine") === "1",
    active: params.get("active") === "1",
    archived: params.get("archived") === "1",
    sort: oneOf(directorySorts, params.get("sort")) ?? "activity",
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** Whether any filter narrows the list (for the "clear filters" hint). */
export function hasFilters(filters: DirectoryFilters): boolean {
  return Boolean(
    filters.q || filters.kind || filters.org || filters.topic || filters.mine || filters.active,
  );
}

const directoryRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(networkKinds),
  name_fi: z.string(),
  name_sv: z.string().nullable(),
  purpose_fi: z.string(),
  purpose_sv: z.string().nullable(),
  visibility: z.enum(["signed_in", "members"]),
  join_policy: z.enum(["open", "request", "invitation"]),
  archived_at: z.string().nullable(),
  last_activity_at: z.string(),
  active_member_count: z.number(),
  owner_name_fi: z.string().nullable(),
  owner_name_sv: z.string().nullable(),
  coordinators: z.array(z.string()),
  my_role: z.enum(networkRoles).nullable(),
  total_count: z.coerce.number(),
});
export type DirectoryRow = z.infer<typeof directoryRowSchema>;

export interface DirectoryPage {
  rows: DirectoryRow[];
  total: number;
}

/** One page of the directory; `byRelevance` puts the best matches of `filters.q` first. */
export async function searchNetworks(
  client: SupabaseClient,
  filters: DirectoryFilters,
  locale: string,
  options: { pageSize?: number; byRelevance?: boolean } = {},
): Promise<DirectoryPage> {
  const pageSize = options.pageSize ?? directoryPageSize;
  const activeSince = new Date(Date.now() - activeDays * 24 * 60 * 60 * 1000).toISOString();
  const { data, error } = await client.rpc("network_directory", {
    search_text: filters.q || null,
    network_kind: filters.kind,
    owner_organisation: filters.org,
    topic: filters.topic,
    only_mine: filters.mine,
    active_since: filters.active ? activeSince : null,
    include_archived: filters.archived,
    sort: options.byRelevance
      ? "relevance"
      : filters.sort === "name"
        ? locale === "sv"
          ? "name_sv"
          : "name_fi"
        : "activity",
    page_size: pageSize,
    page_offset: (filters.page - 1) * pageSize,
  });
  if (error) throw new Error(`Listing networks failed: ${error.code} ${error.message}`);
  const rows = z.array(directoryRowSchema).parse(data ?? []);
  return { rows, total: rows[0]?.total_count ?? 0 };
}

const facetsSchema = z.object({
  topics: z.array(z.string()),
  owner_organisations: z.array(
    z.object({ id: z.string(), name_fi: z.string(), name_sv: z.string().nullable() }),
  ),
  pending_invitations: z.number(),
});

export interface DirectoryFacets {
  topics: string[];
  organisations: { id: string; name: string }[];
  pendingInvitations: number;
}

/** The topics and owner organisations to filter by, and the person's waiting invitations. */
export async function directoryFacets(
  client: SupabaseClient,
  locale: string,
): Promise<DirectoryFacets> {
  const { data, error } = await client.rpc("network_directory_facets").single();
  if (error) throw new Error(`Loading directory filters failed: ${error.code} ${error.message}`);
  const facets = facetsSchema.parse(data);
  const collator = new Intl.Collator(locale);
  return {
    topics: facets.topics,
    organisations: facets.owner_organisations
      .map((organisation) => ({
        id: organisation.id,
        name:
          locale === "sv" ? (organisation.name_sv ?? organisation.name_fi) : organisation.name_fi,
      }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    pendingInvitations: facets.pending_invitations,
  };
}

/** "3 days ago" for recent activity, the date for older, in the reader's language. */
export function describeActivity(iso: string, locale: string, now = Date.now()): string {
  const intlLocale = locale === "en" ? "en-GB" : locale;
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  const relative = new Intl.RelativeTimeFormat(intlLocale, { numeric: "auto" });
  if (minutes < 60) return relative.format(-minutes, "minute");
  if (minutes < 24 * 60) return relative.format(-Math.round(minutes / 60), "hour");
  if (minutes < activeDays * 24 * 60) return relative.format(-Math.round(minutes / 1440), "day");
  return new Intl.DateTimeFormat(intlLocale, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  }).format(new Date(iso));
}

/**
 * A name as a search for networks like it: any of its words (websearch "or"), so that
 * "Työttömyysturvan alueellinen verkosto" finds "Työttömyysturvan … asiantuntijaverkosto".
 */
export function similarNameQuery(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.replace(/["()\-]/g, ""))
    .filter((word) => word.length >= 3 && word.toLowerCase() !== "or")
    .slice(0, 12)
    .join(" or ");
}
