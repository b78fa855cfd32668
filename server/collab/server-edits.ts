/**
 * Edits the server makes to live documents on people's behalf, after the database said they may
 * (restore_document_version, and inserting a comment thread, check document_access): bringing a
 * version back as a new change, and wrapping a new thread's quote in its mark. Both go through
 * the live room (openDocument), so connected editors see them like anyone's typing, and both can
 * run again without doing anything twice.
 */
import type { SerializedEditorState } from "lexical";
import * as Y from "yjs";
import type { Database } from "../embedded/db";
import { deriveContent, replaceContent, wrapQuoteInMark } from "./headless";
import type { OpenDocument } from "./index";
import { insertVersion } from "./snapshots";

/** Origin of the server's own edits on a live doc. */
export const serverEditOrigin = Symbol("verkko-server-edit");

interface PendingRestore {
  id: string;
  document_id: string;
  version_id: string;
  requested_by: string | null;
  content: SerializedEditorState;
}

async function withDocument<T>(
  openDocument: OpenDocument,
  documentId: string,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  const { doc, release } = await openDocument(documentId);
  try {
    return fn(doc);
  } finally {
    release();
  }
}

/** True when `doc` already shows `content` (compared after the same round trip through Yjs). */
function showsContent(doc: Y.Doc, content: SerializedEditorState): boolean {
  const restored = new Y.Doc();
  try {
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(doc));
    replaceContent(restored, content);
    return (
      JSON.stringify(deriveContent(restored).content) === JSON.stringify(deriveContent(doc).content)
    );
  } finally {
    restored.destroy();
  }
}

/**
 * Keeps what was written since the last automatic snapshot as a version of its own before a
 * restore replaces it, so the versions list still shows the state that was restored over.
 */
async function snapshotBeforeRestore(db: Database, documentId: string, doc: Y.Doc): Promise<void> {
  const derived = deriveContent(doc);
  await db.transaction(null, async (tx) => {
    const { rows } = await tx.query<{ contributors: string[] }>(
      `select contributors_since_snapshot as contributors from public.document_states
       where document_id = $1 for update`,
      [documentId],
    );
    const contributors = rows[0]?.contributors ?? [];
    if (contributors.length === 0) return;
    // The history page names a version "before restore" itself; the same text twice is noise.
    const newest = await tx.query<{ html: string }>(
      `select html from public.document_versions where document_id = $1
       order by number desc limit 1`,
      [documentId],
    );
    if (newest.rows[0]?.html !== derived.html) {
      await insertVersion(tx, { documentId, kind: "auto", derived, contributors });
    }
    await tx.query(
      "update public.document_states set contributors_since_snapshot = '{}' where document_id = $1",
      [documentId],
    );
  });
}

async function applyRestore(db: Database, restore: PendingRestore, openDocument: OpenDocument) {
  const restored = await (async () => {
    const { doc, release } = await openDocument(restore.document_id);
    try {
      if (!Array.isArray(restore.content.root?.children)) {
        throw new Error("the version has no Lexical content to restore");
      }
      // Already the version's content (a run interrupted after the edit): nothing to change.
      if (!showsContent(doc, restore.content)) {
        await snapshotBeforeRestore(db, restore.document_id, doc);
        replaceContent(doc, restore.content, serverEditOrigin);
      }
      return deriveContent(doc);
    } finally {
      release();
    }
  })();
  await db.transaction(null, async (tx) => {
    const { affectedRows } = await tx.query(
      "update public.document_restores set applied_at = now(), failure = null where id = $1 and applied_at is null",
      [restore.id],
    );
    if (affectedRows === 0) return;
    await insertVersion(tx, {
      documentId: restore.document_id,
      kind: "restore",
      derived: restored,
      contributors: restore.requested_by ? [restore.requested_by] : [],
      createdBy: restore.requested_by,
      restoredFrom: restore.version_id,
    });
  });
}

/**
 * Applies every restore not yet applied (or only `restoreId`): the version's content becomes the
 * live content as one new change, a 'restore' version records it, and applied_at is set. A
 * restore that cannot be applied gets its failure written and is not tried again.
 */
export async function applyPendingRestores(
  db: Database,
  openDocument: OpenDocument,
  restoreId?: string,
): Promise<number> {
  const { rows } = await db.query<PendingRestore>(
    `select restore.id, restore.document_id, restore.version_id, restore.requested_by,
       version.content
     from public.document_restores as restore
     join public.document_versions as version on version.id = restore.version_id
     where restore.applied_at is null and restore.failure is null
       and ($1::uuid is null or restore.id = $1::uuid)
     order by restore.requested_at`,
    [restoreId ?? null],
  );
  let applied = 0;
  for (const restore of rows) {
    try {
      await applyRestore(db, restore, openDocument);
      applied++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.query(
        "update public.document_restores set failure = $2 where id = $1 and applied_at is null",
        [restore.id, message.slice(0, 1000)],
      );
      console.error(
        `Restoring version ${restore.version_id} of ${restore.document_id} failed`,
        error,
      );
    }
  }
  return applied;
}

/**
 * Wraps a new comment thread's quote (nearest its quote_offset) in a mark whose id is the
 * thread's id, and sets anchored_at. A quote no longer in the text leaves the thread unanchored
 * (anchored_at null); replies and anchored threads are left alone. True when it is anchored.
 */
export async function anchorCommentThread(
  db: Database,
  commentId: string,
  openDocument: OpenDocument,
): Promise<boolean> {
  const { rows } = await db.query<{
    document_id: string;
    quote: string;
    quote_offset: number;
    anchored_at: Date | null;
  }>(
    `select document_id, quote, quote_offset, anchored_at from public.document_comments
     where id = $1 and thread_id is null`,
    [commentId],
  );
  const thread = rows[0];
  if (!thread) return false;
  if (thread.anchored_at) return true;
  const anchored = await withDocument(openDocument, thread.document_id, (doc) =>
    wrapQuoteInMark(doc, commentId, thread.quote, thread.quote_offset, serverEditOrigin),
  );
  if (anchored) {
    await db.query(
      "update public.document_comments set anchored_at = now() where id = $1 and anchored_at is null",
      [commentId],
    );
  }
  return anchored;
}
