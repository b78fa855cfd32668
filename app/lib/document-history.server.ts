/**
 * A document's history: its versions (automatic snapshots, named versions, restores), naming the
 * current state, asking for a restore, and the texts two versions are compared by. Everything is
 * read and written as the signed-in person: RLS shows the versions of documents they may read,
 * name_document_version and restore_document_version refuse anyone without 'edit'.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import { isUuid } from "./discussion-form";
import {
  type ComparedText,
  currentRef,
  type RestoreStatus,
  type VersionKind,
  type VersionListItem,
} from "./document-history";
import type { Locale } from "./i18n";
import { dateTimeFormat, moment } from "./moment";
import { profileNames } from "./profile-names.server";

export const versionsPerPage = 50;

interface VersionRow {
  id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  created_at: string;
  created_by: string | null;
  contributors: string[];
  restored_from: string | null;
}

export interface VersionPage {
  versions: VersionListItem[];
  page: number;
  pageCount: number;
}

/** One page of the document's versions, newest first, with the names of who made them. */
export async function listVersions(
  client: SupabaseClient,
  documentId: string,
  page: number,
  locale: Locale,
): Promise<VersionPage> {
  const from = (page - 1) * versionsPerPage;
  const { data, error, count } = await client
    .from("document_versions")
    .select("id, number, kind, name, created_at, created_by, contributors, restored_from", {
      count: "exact",
    })
    .eq("document_id", documentId)
    .order("number", { ascending: false })
    .range(from, from + versionsPerPage - 1)
    .returns<VersionRow[]>();
  // Past the last page PostgREST answers 416; the page then shows nothing but the pager.
  if (error && error.code !== "PGRST103") {
    throw new Error(`Loading versions failed: ${error.message}`);
  }
  const rows = data ?? [];
  const numbers = new Map(rows.map((row) => [row.id, row.number]));
  const missing = rows
    .map((row) => row.restored_from)
    .filter((id): id is string => id !== null && !numbers.has(id));
  if (missing.length > 0) {
    const older = await client
      .from("document_versions")
      .select("id, number")
      .in("id", [...new Set(missing)])
      .returns<{ id: string; number: number }[]>();
    if (older.error) throw new Error(`Loading versions failed: ${older.error.message}`);
    for (const row of older.data) numbers.set(row.id, row.number);
  }
  const names = await profileNames(
    client,
    rows.flatMap((row) => [...row.contributors, ...(row.created_by ? [row.created_by] : [])]),
  );
  const format = dateTimeFormat(locale);
  const collator = new Intl.Collator(locale);
  return {
    versions: rows.map((row) => ({
      id: row.id,
      number: row.number,
      kind: row.kind,
      name: row.name,
      createdAt: moment(row.created_at, format),
      creatorName: row.created_by ? (names.get(row.created_by) ?? null) : null,
      contributorNames: row.contributors
        .map((id) => names.get(id))
        .filter((name): name is string => name !== undefined)
        .sort(collator.compare),
      restoredFromNumber: row.restored_from ? (numbers.get(row.restored_from) ?? null) : null,
    })),
    page,
    pageCount: Math.max(1, Math.ceil((count ?? 0) / versionsPerPage)),
  };
}

/**
 * Writes the live state to the database first, so what is named or compared is what the editors
 * see now rather than what the last compaction stored. Without a collab server there is no live
 * state beyond the stored one.
 */
async function flushLiveState(context: AppLoadContext, documentId: string): Promise<void> {
  await context.collab?.flushDocument(documentId);
}

/** Freezes the document's current content as a named version. */
export async function nameVersion(
  client: SupabaseClient,
  context: AppLoadContext,
  documentId: string,
  name: string,
): Promise<{ id: string } | { error: DbErrorLike }> {
  await flushLiveState(context, documentId);
  const { data, error } = await client.rpc("name_document_version", {
    document_id: documentId,
    name,
  });
  if (error) return { error };
  return { id: String(data) };
}

/**
 * Asks the collab server to bring back a version as a new change. The state being replaced is
 * kept first as a named version (`beforeRestoreName`) unless the newest version already holds it,
 * so a restore never loses anything, even edits made since the last automatic snapshot.
 */
export async function requestRestore(
  client: SupabaseClient,
  context: AppLoadContext,
  documentId: string,
  versionId: string,
  beforeRestoreName: string,
): Promise<{ restoreId: string } | { error: DbErrorLike }> {
  if (!isUuid(versionId)) return { error: { code: "P0002" } };
  // The version must belong to this document (RLS hides versions of documents one cannot read).
  const version = await client
    .from("document_versions")
    .select("id")
    .eq("id", versionId)
    .eq("document_id", documentId)
    .maybeSingle();
  if (version.error) return { error: version.error };
  if (!version.data) return { error: { code: "P0002" } };

  await flushLiveState(context, documentId);
  const [current, newest] = await Promise.all([
    client.from("documents").select("html").eq("id", documentId).maybeSingle<{ html: string }>(),
    client
      .from("document_versions")
      .select("html")
      .eq("document_id", documentId)
      .order("number", { ascending: false })
      .limit(1)
      .maybeSingle<{ html: string }>(),
  ]);
  if (current.error) return { error: current.error };
  if (newest.error) return { error: newest.error };
  if (!current.data) return { error: { code: "P0002" } };
  if (newest.data?.html !== current.data.html) {
    const kept = await client.rpc("name_document_version", {
      document_id: documentId,
      name: beforeRestoreName,
    });
    if (kept.error) return { error: kept.error };
  }
  const { data, error } = await client.rpc("restore_document_version", { version_id: versionId });
  if (error) return { error };
  return { restoreId: String(data) };
}

/** Where a restore request of this document stands; null when there is no such request. */
export async function getRestoreStatus(
  client: SupabaseClient,
  documentId: string,
  restoreId: string,
): Promise<RestoreStatus | null> {
  if (!isUuid(restoreId)) return null;
  const { data, error } = await client
    .from("document_restores")
    .select(
      "applied_at, failure, version:document_versions!document_restores_version_id_fkey(number)",
    )
    .eq("id", restoreId)
    .eq("document_id", documentId)
    .maybeSingle<{
      applied_at: string | null;
      failure: string | null;
      version: { number: number } | null;
    }>();
  if (error) throw new Error(`Loading restore failed: ${error.message}`);
  if (!data) return null;
  const versionNumber = data.version?.number ?? 0;
  if (data.failure) return { state: "failed", versionNumber, failure: data.failure };
  return { state: data.applied_at ? "applied" : "pending", versionNumber };
}

/** The text of a version of the document (or its current text); null when there is none. */
export async function getComparedText(
  client: SupabaseClient,
  context: AppLoadContext,
  documentId: string,
  ref: string,
  locale: Locale,
): Promise<ComparedText | null> {
  const format = dateTimeFormat(locale);
  if (ref === currentRef) {
    await flushLiveState(context, documentId);
    const { data, error } = await client
      .from("documents")
      .select("text, content_updated_at")
      .eq("id", documentId)
      .maybeSingle<{ text: string; content_updated_at: string | null }>();
    if (error) throw new Error(`Loading document text failed: ${error.message}`);
    if (!data) return null;
    return {
      ref,
      number: null,
      kind: "current",
      name: null,
      createdAt: data.content_updated_at ? moment(data.content_updated_at, format) : null,
      text: data.text,
    };
  }
  if (!isUuid(ref)) return null;
  const { data, error } = await client
    .from("document_versions")
    .select("id, number, kind, name, created_at, text")
    .eq("id", ref)
    .eq("document_id", documentId)
    .maybeSingle<{
      id: string;
      number: number;
      kind: VersionKind;
      name: string | null;
      created_at: string;
      text: string;
    }>();
  if (error) throw new Error(`Loading version failed: ${error.message}`);
  if (!data) return null;
  return {
    ref,
    number: data.number,
    kind: data.kind,
    name: data.name,
    createdAt: moment(data.created_at, format),
    text: data.text,
  };
}
