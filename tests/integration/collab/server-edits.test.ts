/**
 * The server's own edits: restoring a version as a new change (with the versions that record
 * it), anchoring a comment thread's quote in a mark, both idempotent, and both started by the
 * database's notifications.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDocumentPersistence } from "../../../server/collab/persistence";
import { serverEditsOf } from "../../../server/collab/server-edit-listener";
import { anchorCommentThread, applyPendingRestores } from "../../../server/collab/server-edits";
import type { DocumentPersistence } from "../../../server/collab/types";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  createStoredDocument,
  documentClaimsOf,
  documentFixtureSql,
  documentPeople,
  openDocumentsOf,
  restoreId,
  textOf,
  typeParagraph,
} from "./store-fixture";

const { cilla, uma } = documentPeople;

describe.each(availableBackends())("server edits on %s", (backend) => {
  let db: Database;
  let persistence: DocumentPersistence;

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterEach(async () => {
    await persistence.close();
  });
  afterAll(() => db.close());

  async function asCilla<Row>(sql: string, params: unknown[]): Promise<Row> {
    const { rows } = await db.transaction(documentClaimsOf("cilla"), (tx) =>
      tx.query<Row>(sql, params),
    );
    const [row] = rows;
    if (!row) throw new Error("no row");
    return row;
  }

  /** A document whose first version says "Ensimmäinen versio.", then edited further by uma. */
  async function editedDocument() {
    persistence = createDocumentPersistence(db);
    const { openDocument, live } = openDocumentsOf(persistence);
    const id = await createStoredDocument(db, "<p>Ensimmäinen versio.</p>");
    const { doc } = await openDocument(id);
    await persistence.compact(id, doc);
    const { version } = await asCilla<{ version: string }>(
      "select public.name_document_version($1, 'Alkuperäinen') as version",
      [id],
    );
    persistence.append(id, typeParagraph(doc, "Umaan lisäys."), uma);
    await persistence.compact(id, doc);
    return { id, doc, version, openDocument, live };
  }

  async function versionsOf(id: string) {
    const { rows } = await db.query<{
      number: number;
      kind: string;
      text: string;
      restored_from: string | null;
      created_by: string | null;
    }>(
      `select number, kind, text, restored_from, created_by from public.document_versions
       where document_id = $1 order by number`,
      [id],
    );
    return rows;
  }

  it("restores a version as a new change, keeping what it replaced as a version", async () => {
    const { id, doc, version, openDocument } = await editedDocument();
    const { restore } = await asCilla<{ restore: string }>(
      "select public.restore_document_version($1) as restore",
      [version],
    );
    expect(await applyPendingRestores(db, openDocument, restore)).toBe(1);
    expect(textOf(doc)).toBe("Ensimmäinen versio.");

    expect(await versionsOf(id)).toEqual([
      {
        number: 1,
        kind: "named",
        text: "Ensimmäinen versio.",
        restored_from: null,
        created_by: cilla,
      },
      {
        number: 2,
        kind: "auto",
        text: "Ensimmäinen versio.\n\nUmaan lisäys.",
        restored_from: null,
        created_by: null,
      },
      {
        number: 3,
        kind: "restore",
        text: "Ensimmäinen versio.",
        restored_from: version,
        created_by: cilla,
      },
    ]);
    const { rows } = await db.query<{ applied: boolean; failure: string | null }>(
      "select applied_at is not null as applied, failure from public.document_restores where id = $1",
      [restore],
    );
    expect(rows).toEqual([{ applied: true, failure: null }]);

    // The change reached the log like anyone's typing, and survives a reload.
    await persistence.flush();
    const reloaded = await createDocumentPersistence(db).load(id);
    expect(reloaded && textOf(reloaded)).toBe("Ensimmäinen versio.");

    // Nothing is pending any more: a second run does nothing.
    expect(await applyPendingRestores(db, openDocument, restore)).toBe(0);
    expect(await versionsOf(id)).toHaveLength(3);
  });

  it("finishes a restore interrupted after the edit without changing the document again", async () => {
    const { id, doc, version, openDocument } = await editedDocument();
    const { restore } = await asCilla<{ restore: string }>(
      "select public.restore_document_version($1) as restore",
      [version],
    );
    await applyPendingRestores(db, openDocument, restore);
    // As if the server died before marking it: the content is already the version's.
    await db.query("update public.document_restores set applied_at = null where document_id = $1", [
      id,
    ]);
    const before = textOf(doc);
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    expect(await applyPendingRestores(db, openDocument, restore)).toBe(1);
    expect(updates).toEqual([]);
    expect(textOf(doc)).toBe(before);
  });

  it("records why a restore of a version without content failed, and does not retry it", async () => {
    persistence = createDocumentPersistence(db);
    const { openDocument } = openDocumentsOf(persistence);
    // The fixture's pending restore points at a version whose content is '{}'.
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await applyPendingRestores(db, openDocument, restoreId)).toBe(0);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    const { rows } = await db.query<{ applied_at: Date | null; failure: string | null }>(
      "select applied_at, failure from public.document_restores where id = $1",
      [restoreId],
    );
    expect(rows).toEqual([
      { applied_at: null, failure: "the version has no Lexical content to restore" },
    ]);
    expect(await applyPendingRestores(db, openDocument, restoreId)).toBe(0);
  });

  it("anchors a comment thread's quote in a mark with the thread's id", async () => {
    persistence = createDocumentPersistence(db);
    const { openDocument, live } = openDocumentsOf(persistence);
    const id = await createStoredDocument(db, "<p>Asiakas ohjataan palveluun viikon kuluessa.</p>");
    const { thread } = await asCilla<{ thread: string }>(
      `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
       values ($1, 'viikon kuluessa', 28, 'Onko tämä laissa?', $2) returning id as thread`,
      [id, cilla],
    );
    expect(await anchorCommentThread(db, thread, openDocument)).toBe(true);
    const doc = live.get(id);
    if (!doc) throw new Error("not opened");
    const { rows } = await db.query<{ anchored: boolean }>(
      "select anchored_at is not null as anchored from public.document_comments where id = $1",
      [thread],
    );
    expect(rows).toEqual([{ anchored: true }]);
    await persistence.compact(id, doc);
    const { rows: stored } = await db.query<{ html: string }>(
      "select html from public.documents where id = $1",
      [id],
    );
    expect(stored[0]?.html).toContain(
      `<mark data-thread-ids="${thread}"><span>viikon kuluessa</span></mark>`,
    );
    // Again: nothing to do.
    expect(await anchorCommentThread(db, thread, openDocument)).toBe(true);
  });

  it("leaves a thread unanchored when its quote is no longer in the text", async () => {
    persistence = createDocumentPersistence(db);
    const { openDocument } = openDocumentsOf(persistence);
    const id = await createStoredDocument(db, "<p>Teksti muuttui.</p>");
    const { thread } = await asCilla<{ thread: string }>(
      `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
       values ($1, 'poistettu lause', 0, 'Miksi?', $2) returning id as thread`,
      [id, cilla],
    );
    expect(await anchorCommentThread(db, thread, openDocument)).toBe(false);
    const { rows } = await db.query<{ anchored_at: Date | null }>(
      "select anchored_at from public.document_comments where id = $1",
      [thread],
    );
    expect(rows).toEqual([{ anchored_at: null }]);
  });

  it("applies restores and anchors threads when the database announces them", async () => {
    const { id, doc, version, openDocument } = await editedDocument();
    // Only this test's restore: the fixture's own (a version without content) would fail loudly.
    await db.query(
      "update public.document_restores set failure = 'not this test' where applied_at is null",
    );
    const stop = await serverEditsOf(db)(openDocument);
    try {
      const { restore } = await asCilla<{ restore: string }>(
        "select public.restore_document_version($1) as restore",
        [version],
      );
      await expect
        .poll(
          async () => {
            const { rows } = await db.query<{ applied: boolean }>(
              "select applied_at is not null as applied from public.document_restores where id = $1",
              [restore],
            );
            return rows[0]?.applied;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(textOf(doc)).toBe("Ensimmäinen versio.");

      const { thread } = await asCilla<{ thread: string }>(
        `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
         values ($1, 'versio', 12, 'Hyvä.', $2) returning id as thread`,
        [id, cilla],
      );
      await expect
        .poll(
          async () => {
            const { rows } = await db.query<{ anchored: boolean }>(
              "select anchored_at is not null as anchored from public.document_comments where id = $1",
              [thread],
            );
            return rows[0]?.anchored;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
    } finally {
      await stop();
    }
  });
});
