/**
 * Rows of document_versions the collab server writes: automatic snapshots (at most one per
 * `everyMs` of activity, naming who contributed since the previous one) and the version a
 * restore produces. Named versions are the name_document_version RPC's.
 */
import type { Queryable } from "../embedded/db";
import type { DerivedContent } from "./headless";

export interface NewVersion {
  documentId: string;
  kind: "auto" | "restore";
  derived: DerivedContent;
  contributors: string[];
  createdBy?: string | null;
  restoredFrom?: string | null;
}

/**
 * Inserts the document's next version. Locks the document row first, as name_document_version
 * does, so the two never pick the same number.
 */
export async function insertVersion(tx: Queryable, version: NewVersion): Promise<string> {
  await tx.query("select 1 from public.documents where id = $1 for update", [version.documentId]);
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.document_versions
       (document_id, number, kind, content, text, html, contributors, created_by, restored_from)
     values ($1,
       coalesce((select max(number) from public.document_versions where document_id = $1), 0) + 1,
       $2, $3::jsonb, $4, $5, $6::uuid[], $7, $8)
     returning id`,
    [
      version.documentId,
      version.kind,
      JSON.stringify(version.derived.content),
      version.derived.text,
      version.derived.html,
      version.contributors,
      version.createdBy ?? null,
      version.restoredFrom ?? null,
    ],
  );
  const [row] = rows;
  if (!row) throw new Error("the version was not inserted");
  return row.id;
}

/**
 * Takes an automatic snapshot when someone contributed since the last one and the newest version
 * (or, before the first, the document's creation) is older than `everyMs`. True when it did; the
 * caller then resets contributors_since_snapshot in the same transaction.
 */
export async function takeAutoSnapshotIfDue(
  tx: Queryable,
  documentId: string,
  derived: DerivedContent,
  contributors: string[],
  everyMs: number,
): Promise<boolean> {
  if (contributors.length === 0) return false;
  // The database's clock decides, so servers with skewed clocks agree on the cadence.
  const { rows } = await tx.query<{ due: boolean }>(
    `select coalesce(
       (select max(created_at) from public.document_versions where document_id = doc.id),
       doc.created_at
     ) <= now() - make_interval(secs => $2::double precision / 1000) as due
     from public.documents as doc where doc.id = $1`,
    [documentId, everyMs],
  );
  if (!rows[0]?.due) return false;
  await insertVersion(tx, { documentId, kind: "auto", derived, contributors });
  return true;
}
