/**
 * Compaction: folds a document's update log into document_states.ydoc, writes the derived
 * content, text and html with it, takes an automatic snapshot when one is due, and deletes the
 * log rows it merged — all in one transaction under the state row's lock, so two servers (or a
 * compaction and a load) never see half of it.
 *
 * The expensive part, deriving content with headless Lexical, runs before the transaction so
 * PGlite's single connection is not held for it; under the lock the state is re-read and, in the
 * rare case another server changed it meanwhile, derived again.
 */
import * as Y from "yjs";
import type { Database, Queryable } from "../embedded/db";
import { type DerivedContent, deriveContent } from "./headless";
import { takeAutoSnapshotIfDue } from "./snapshots";
import { asBytea } from "./update-log";

/** Origin of updates persistence applies to a live doc (the room must not log them again). */
export const persistenceOrigin = Symbol("verkko-persistence");

interface LogRow {
  id: string;
  update: Uint8Array | null;
  author_id: string | null;
}

export interface CompactionOptions {
  snapshotEveryMs: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Applies stored state and log rows to `doc`; true when that changed the doc. */
function applyStored(doc: Y.Doc, state: Uint8Array | null, rows: LogRow[]): boolean {
  const before = Y.encodeStateVector(doc);
  Y.transact(
    doc,
    () => {
      if (state) Y.applyUpdate(doc, state, persistenceOrigin);
      for (const row of rows) if (row.update) Y.applyUpdate(doc, row.update, persistenceOrigin);
    },
    persistenceOrigin,
  );
  return !sameBytes(before, Y.encodeStateVector(doc));
}

/**
 * The log of a document: ids and authors of every row, bytes only of rows not among `applied`
 * (ids commit out of order across connections, so "newer than the last seen id" is not enough).
 */
async function readLog(db: Queryable, documentId: string, applied: string[]): Promise<LogRow[]> {
  const { rows } = await db.query<LogRow>(
    `select id::text as id, author_id,
       case when id = any($2::bigint[]) then null else update end as update
     from public.document_updates where document_id = $1 order by id`,
    [documentId, applied],
  );
  return rows;
}

export async function compactDocument(
  db: Database,
  documentId: string,
  doc: Y.Doc,
  options: CompactionOptions,
): Promise<void> {
  const { rows: states } = await db.query<{ ydoc: Uint8Array }>(
    "select ydoc from public.document_states where document_id = $1",
    [documentId],
  );
  const seen = await readLog(db, documentId, []);
  applyStored(doc, states[0]?.ydoc ?? null, seen);
  const applied = seen.map((row) => row.id);
  let derived: DerivedContent = deriveContent(doc);

  await db.transaction(null, async (tx) => {
    const { rows: locked } = await tx.query<{
      ydoc: Uint8Array;
      contributors_since_snapshot: string[];
    }>(
      `select ydoc, contributors_since_snapshot from public.document_states
       where document_id = $1 for update`,
      [documentId],
    );
    const state = locked[0];
    if (!state) return; // The document was deleted meanwhile.
    const log = await readLog(tx, documentId, applied);
    if (applyStored(doc, state.ydoc, log)) derived = deriveContent(doc);
    const authors = log.map((row) => row.author_id).filter((id): id is string => id !== null);
    const contributors = [...new Set([...state.contributors_since_snapshot, ...authors])];

    const { rows: current } = await tx.query<{ has_content: boolean }>(
      "select content is not null as has_content from public.documents where id = $1",
      [documentId],
    );
    if (log.length > 0 || !current[0]?.has_content) {
      await tx.query(
        `update public.documents
         set content = $2::jsonb, text = $3, html = $4,
           content_updated_at = case when $5 then now() else content_updated_at end,
           last_edited_by = coalesce($6::uuid, last_edited_by)
         where id = $1`,
        [
          documentId,
          JSON.stringify(derived.content),
          derived.text,
          derived.html,
          log.length > 0,
          authors.at(-1) ?? null,
        ],
      );
    }
    const snapshotTaken = await takeAutoSnapshotIfDue(
      tx,
      documentId,
      derived,
      contributors,
      options.snapshotEveryMs,
    );
    await tx.query(
      `update public.document_states
       set ydoc = $2, state_vector = $3, contributors_since_snapshot = $4::uuid[],
         compacted_at = now()
       where document_id = $1`,
      [
        documentId,
        asBytea(Y.encodeStateAsUpdate(doc)),
        asBytea(Y.encodeStateVector(doc)),
        snapshotTaken ? [] : contributors,
      ],
    );
    if (log.length > 0) {
      // Exactly the rows merged: rows appended (or committed out of id order) after the read
      // above stay for the next compaction.
      await tx.query(
        "delete from public.document_updates where document_id = $1 and id = any($2::bigint[])",
        [documentId, log.map((row) => row.id)],
      );
    }
  });
}
