/**
 * Durable storage of co-edited documents in one database (decision 014): loading a live state
 * (bootstrapping a new document's first state once, on the server), the batched update log and
 * compaction. Everything runs on the owner connection; who may open a document is asked of
 * document_access elsewhere, before any of this is reached.
 */
import * as Y from "yjs";
import type { Database } from "../embedded/db";
import { compactDocument, persistenceOrigin } from "./compaction";
import { initialStateFromHtml } from "./headless";
import type { DocumentPersistence } from "./types";
import { UpdateLog, asBytea } from "./update-log";

export { persistenceOrigin } from "./compaction";

export interface DocumentPersistenceOptions {
  /** Longest an update waits before it is written to the log (default 100 ms). */
  batchMs?: number;
  /** Least time between automatic snapshots of a document (default 5 minutes). */
  snapshotEveryMs?: number;
  /** Told once per streak of failed log writes; default console.warn. */
  onWriteError?: (error: unknown) => void;
}

const fiveMinutes = 5 * 60 * 1000;

function warnOfWriteError(error: unknown): void {
  console.warn("Writing document updates failed; keeping them and retrying", error);
}

/** The stored state and log of a document, read under a share lock so no compaction interleaves. */
async function readStored(
  db: Database,
  documentId: string,
): Promise<{ state: Uint8Array; updates: Uint8Array[] } | null> {
  return db.transaction(null, async (tx) => {
    const { rows: documents } = await tx.query<{ html: string }>(
      "select html from public.documents where id = $1",
      [documentId],
    );
    const document = documents[0];
    if (!document) return null;
    const readState = () =>
      tx.query<{ ydoc: Uint8Array }>(
        "select ydoc from public.document_states where document_id = $1 for share",
        [documentId],
      );
    let { rows: states } = await readState();
    if (!states[0]) {
      // Whoever inserts first wins; everyone else reads the winner's state.
      const initial = initialStateFromHtml(document.html);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, initial);
      await tx.query(
        `insert into public.document_states (document_id, ydoc, state_vector) values ($1, $2, $3)
         on conflict (document_id) do nothing`,
        [documentId, asBytea(initial), asBytea(Y.encodeStateVector(doc))],
      );
      doc.destroy();
      ({ rows: states } = await readState());
    }
    const state = states[0];
    if (!state) throw new Error(`document ${documentId} has no state after bootstrapping it`);
    const { rows: log } = await tx.query<{ update: Uint8Array }>(
      "select update from public.document_updates where document_id = $1 order by id",
      [documentId],
    );
    return { state: state.ydoc, updates: log.map((row) => row.update) };
  });
}

export function createDocumentPersistence(
  db: Database,
  options: DocumentPersistenceOptions = {},
): DocumentPersistence {
  const log = new UpdateLog(db, {
    batchMs: options.batchMs ?? 100,
    onWriteError: options.onWriteError ?? warnOfWriteError,
  });
  const snapshotEveryMs = options.snapshotEveryMs ?? fiveMinutes;
  /** One compaction per document at a time in this process (the row lock covers the rest). */
  const compacting = new Map<string, Promise<void>>();

  return {
    async load(documentId) {
      const stored = await readStored(db, documentId);
      if (!stored) return null;
      const doc = new Y.Doc();
      Y.transact(
        doc,
        () => {
          Y.applyUpdate(doc, stored.state, persistenceOrigin);
          for (const update of stored.updates) Y.applyUpdate(doc, update, persistenceOrigin);
          // Received but not yet written: a room closed and reopened within the batch window.
          for (const update of log.pending(documentId)) {
            Y.applyUpdate(doc, update, persistenceOrigin);
          }
        },
        persistenceOrigin,
      );
      return doc;
    },

    append(documentId, update, authorId) {
      log.append(documentId, update, authorId);
    },

    flush() {
      return log.flush();
    },

    compact(documentId, doc) {
      const previous = compacting.get(documentId) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          await log.flush();
          await compactDocument(db, documentId, doc, { snapshotEveryMs });
        });
      const tracked = next.finally(() => {
        if (compacting.get(documentId) === tracked) compacting.delete(documentId);
      });
      compacting.set(documentId, tracked);
      return next;
    },

    async close() {
      await Promise.allSettled(compacting.values());
      await log.close();
    },
  };
}
