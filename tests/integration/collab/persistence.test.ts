/**
 * Durable storage of live documents on both backends: the first state built once from the stored
 * HTML, the 100 ms batched log, compaction (state, derived content, merged rows gone), automatic
 * snapshots with their contributors, and nothing lost when a write fails.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentRootName } from "../../../server/collab/headless";
import { createDocumentPersistence } from "../../../server/collab/persistence";
import type { DocumentPersistence } from "../../../server/collab/types";
import { UpdateLog } from "../../../server/collab/update-log";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  createStoredDocument,
  documentFixtureSql,
  documentPeople,
  textOf,
  typeParagraph,
} from "./store-fixture";

const { cilla, uma, hanna } = documentPeople;

describe.each(availableBackends())("document persistence on %s", (backend) => {
  let db: Database;
  const opened: DocumentPersistence[] = [];
  const persistence = (options?: Parameters<typeof createDocumentPersistence>[1]) => {
    const created = createDocumentPersistence(db, options);
    opened.push(created);
    return created;
  };

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });
  afterAll(() => db.close());

  async function logRows(documentId: string) {
    const { rows } = await db.query<{ update: Uint8Array; author_id: string | null }>(
      "select update, author_id from public.document_updates where document_id = $1 order by id",
      [documentId],
    );
    return rows;
  }

  it("answers null for a document that does not exist", async () => {
    expect(await persistence().load("00000000-0000-4000-8000-0000000000ff")).toBeNull();
  });

  it("builds the first state from the stored html, and stores it", async () => {
    const id = await createStoredDocument(db, "<h2>Ohje</h2><p>Ensimmäinen kappale.</p>");
    const doc = await persistence().load(id);
    expect(doc && textOf(doc)).toBe("Ohje\n\nEnsimmäinen kappale.");
    const { rows } = await db.query<{ ydoc: Uint8Array }>(
      "select ydoc from public.document_states where document_id = $1",
      [id],
    );
    expect(rows).toHaveLength(1);
  });

  it("gives an empty document one empty paragraph", async () => {
    const id = await createStoredDocument(db, "");
    const doc = await persistence().load(id);
    expect(doc && textOf(doc)).toBe("");
    expect(doc?.get(documentRootName, Y.XmlText).length).toBe(1);
  });

  it("bootstraps once even when two servers load the same new document at once", async () => {
    const id = await createStoredDocument(db, "<p>Yhteinen alku.</p>");
    const [first, second] = await Promise.all([persistence().load(id), persistence().load(id)]);
    if (!first || !second) throw new Error("not loaded");
    // Both hold the one stored state: same Yjs items, so their content merges without doubling.
    expect(Y.encodeStateVector(first)).toEqual(Y.encodeStateVector(second));
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
    expect(textOf(first)).toBe("Yhteinen alku.");
  });

  it("writes appended updates to the log within the 100 ms batch, merged per author", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const store = persistence();
    const doc = await store.load(id);
    if (!doc) throw new Error("not loaded");
    store.append(id, typeParagraph(doc, "Yksi."), cilla);
    store.append(id, typeParagraph(doc, "Kaksi."), cilla);
    store.append(id, typeParagraph(doc, "Kolme."), uma);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const rows = await logRows(id);
    expect(rows.map((row) => row.author_id).sort()).toEqual([cilla, uma].sort());

    const reloaded = await persistence().load(id);
    expect(reloaded && textOf(reloaded)).toBe(textOf(doc));
  });

  it("loads updates still waiting in the batch", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const store = persistence({ batchMs: 10_000 });
    const doc = await store.load(id);
    if (!doc) throw new Error("not loaded");
    store.append(id, typeParagraph(doc, "Vielä muistissa."), cilla);
    const reloaded = await store.load(id);
    expect(reloaded && textOf(reloaded)).toBe("Alku.\n\nVielä muistissa.");
  });

  it("compacts: the stored state equals the live doc, derived content matches, merged rows go", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const store = persistence();
    const doc = await store.load(id);
    if (!doc) throw new Error("not loaded");
    store.append(id, typeParagraph(doc, "Lisätty."), uma);
    await store.compact(id, doc);

    expect(await logRows(id)).toEqual([]);
    const { rows } = await db.query<{
      ydoc: Uint8Array;
      state_vector: Uint8Array;
      contributors_since_snapshot: string[];
      text: string;
      html: string;
      content: { root: { children: unknown[] } };
      last_edited_by: string;
      content_updated_at: Date | null;
    }>(
      `select s.ydoc, s.state_vector, s.contributors_since_snapshot, d.text, d.html, d.content,
         d.last_edited_by, d.content_updated_at
       from public.document_states s join public.documents d on d.id = s.document_id
       where s.document_id = $1`,
      [id],
    );
    const [stored] = rows;
    if (!stored) throw new Error("no state");
    const fromDb = new Y.Doc();
    Y.applyUpdate(fromDb, stored.ydoc);
    expect(textOf(fromDb)).toBe(textOf(doc));
    expect(new Uint8Array(stored.state_vector)).toEqual(Y.encodeStateVector(doc));
    expect(stored.text).toBe("Alku.\n\nLisätty.");
    expect(stored.html).toBe("<p><span>Alku.</span></p><p><span>Lisätty.</span></p>");
    expect(stored.content.root.children).toHaveLength(2);
    expect(stored.last_edited_by).toBe(uma);
    expect(stored.content_updated_at).not.toBeNull();
    expect(stored.contributors_since_snapshot).toEqual([uma]);
  });

  it("compaction takes in log rows the live doc lacks, and keeps rows appended meanwhile", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const store = persistence();
    const doc = await store.load(id);
    const elsewhere = await persistence().load(id);
    if (!doc || !elsewhere) throw new Error("not loaded");
    // Another server received this one; our live doc has never seen it.
    await db.query(
      "insert into public.document_updates (document_id, update, author_id) values ($1, $2, $3)",
      [id, Buffer.from(typeParagraph(elsewhere, "Toiselta palvelimelta.")), hanna],
    );
    await store.compact(id, doc);
    expect(textOf(doc)).toBe("Alku.\n\nToiselta palvelimelta.");
    const { rows } = await db.query<{ text: string }>(
      "select text from public.documents where id = $1",
      [id],
    );
    expect(rows[0]?.text).toBe("Alku.\n\nToiselta palvelimelta.");

    // An update that arrives after compaction read the log stays in the log.
    store.append(id, typeParagraph(doc, "Myöhemmin."), cilla);
    await store.flush();
    expect(await logRows(id)).toHaveLength(1);
    const reloaded = await persistence().load(id);
    expect(reloaded && textOf(reloaded)).toBe("Alku.\n\nToiselta palvelimelta.\n\nMyöhemmin.");
  });

  it("takes an automatic snapshot when one is due, naming the contributors since the last", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const store = persistence({ snapshotEveryMs: 60_000 });
    const doc = await store.load(id);
    if (!doc) throw new Error("not loaded");
    const versions = async () =>
      (
        await db.query<{ number: number; kind: string; text: string; contributors: string[] }>(
          `select number, kind, text, contributors from public.document_versions
           where document_id = $1 order by number`,
          [id],
        )
      ).rows;
    // A minute and more goes by (the database's clock decides what is due).
    const aMinuteLater = () =>
      db
        .query(
          `update public.documents set created_at = created_at - interval '61 seconds' where id = $1;`,
          [id],
        )
        .then(() =>
          db.query(
            `update public.document_versions set created_at = created_at - interval '61 seconds'
           where document_id = $1`,
            [id],
          ),
        );

    // Within a minute of creation: not due, however much was written.
    store.append(id, typeParagraph(doc, "Umalta."), uma);
    await store.compact(id, doc);
    expect(await versions()).toEqual([]);

    await aMinuteLater();
    store.append(id, typeParagraph(doc, "Cillalta."), cilla);
    await store.compact(id, doc);
    const [first] = await versions();
    expect(first).toMatchObject({ number: 1, kind: "auto", text: "Alku.\n\nUmalta.\n\nCillalta." });
    expect(first?.contributors.sort()).toEqual([cilla, uma].sort());

    // Within the minute after it: contributors accumulate, no new snapshot.
    store.append(id, typeParagraph(doc, "Hannalta."), hanna);
    await store.compact(id, doc);
    expect(await versions()).toHaveLength(1);
    const { rows } = await db.query<{ contributors_since_snapshot: string[] }>(
      "select contributors_since_snapshot from public.document_states where document_id = $1",
      [id],
    );
    expect(rows[0]?.contributors_since_snapshot).toEqual([hanna]);

    // Due again: hanna's writing gets its snapshot; then nobody writes, and none follows.
    await aMinuteLater();
    await store.compact(id, doc);
    expect(await versions()).toHaveLength(2);
    const [, second] = await versions();
    expect(second?.contributors).toEqual([hanna]);
    await store.compact(id, doc);
    expect(await versions()).toHaveLength(2);
  });

  it("keeps a batch whose write failed and writes it on a later try", async () => {
    const id = await createStoredDocument(db, "<p>Alku.</p>");
    const doc = await persistence().load(id);
    if (!doc) throw new Error("not loaded");
    let failNext = true;
    const flaky: Database = Object.create(db, {
      query: {
        value: (sql: string, params?: unknown[]) => {
          if (failNext) {
            failNext = false;
            return Promise.reject(new Error("connection reset"));
          }
          return db.query(sql, params);
        },
      },
    });
    const warnings: unknown[] = [];
    const log = new UpdateLog(flaky, {
      batchMs: 20,
      onWriteError: (error) => warnings.push(error),
    });
    log.append(id, typeParagraph(doc, "Sitkeä."), cilla);
    await expect(log.flush()).rejects.toThrow("connection reset");
    expect(log.size).toBe(1);
    // The retry timer writes it without anybody asking.
    await expect.poll(async () => (await logRows(id)).length, { timeout: 2000 }).toBe(1);
    expect(warnings).toHaveLength(1);
    await log.close();
  });
});
