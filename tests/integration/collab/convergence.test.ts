/**
 * People typing into one document at once, through the stock y-websocket client: every client
 * ends with the same content, and it is the content the database holds (state and log loaded
 * afresh, and the derived text after compaction).
 */
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyLexicalEdit, textOfState } from "../../../server/collab/headless";
import {
  type CollabClient,
  connectClient,
  probeTextName,
  typeAtRandom,
  whenDocs,
} from "../../helpers/collab-clients";
import { availableBackends } from "../../helpers/databases";
import { type CollabFixture, type Person, startCollabFixture } from "./support";

const probe = (doc: Y.Doc) => doc.getText(probeTextName).toString();

/** Each client types `strokes` short strings at random places, yielding between keystrokes. */
async function typeConcurrently(clients: CollabClient[], strokes: number): Promise<number> {
  let typed = 0;
  await Promise.all(
    clients.map(async (client, index) => {
      for (let stroke = 0; stroke < strokes; stroke++) {
        const text = `${index}.${stroke};`;
        typeAtRandom(client.doc, text);
        typed += text.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  return typed;
}

async function connectAll(
  fixture: CollabFixture,
  documentId: string,
  people: Person[],
): Promise<CollabClient[]> {
  const clients = await Promise.all(
    people.map(async (person) =>
      connectClient({
        baseUrl: fixture.baseUrl,
        documentId,
        token: await fixture.tokenFor(person, documentId),
      }),
    ),
  );
  await Promise.all(clients.map((client) => client.synced));
  return clients;
}

function allEqual(clients: CollabClient[], length: number): boolean {
  const first = clients[0] ? probe(clients[0].doc) : "";
  return first.length === length && clients.every((client) => probe(client.doc) === first);
}

describe.each(availableBackends())("co-editing converges on %s", (backend) => {
  let fixture: CollabFixture;
  beforeAll(async () => {
    fixture = await startCollabFixture(backend);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it.each([2, 10])(
    "%i clients typing at once end with identical content, the content stored",
    async (count) => {
      const documentId = await fixture.createDocument(`Yhteinen ohje ${count}`);
      const people: Person[] = Array.from({ length: count }, (_, index) =>
        index % 2 === 0 ? "aino" : "anna",
      );
      const clients = await connectAll(fixture, documentId, people);
      try {
        const typed = await typeConcurrently(clients, 30);
        const docs = clients.map((client) => client.doc);
        await whenDocs(
          docs,
          () => allEqual(clients, typed),
          10_000,
          () =>
            `clients differ: ${clients.map((client) => probe(client.doc).length).join(", ")} of ${typed}`,
        );

        const stored = await fixture.storedDoc(documentId);
        expect(probe(stored)).toBe(probe(clients[0]?.doc ?? new Y.Doc()));
        // Not just the probe: the stored state holds exactly what every client holds.
        for (const client of clients) {
          expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(client.doc));
        }
        stored.destroy();
      } finally {
        for (const client of clients) client.destroy();
      }
    },
  );

  it("stores the editor's text, derived after compaction, as the clients see it", async () => {
    const documentId = await fixture.createDocument("Lexical-ohje");
    const clients = await connectAll(fixture, documentId, ["aino", "anna"]);
    try {
      // Each client adds a paragraph through a headless editor bound to its own document, as the
      // browser's CollaborationPlugin would.
      clients.forEach((client, index) => {
        applyLexicalEdit(client.doc, () => {
          const paragraph = $createParagraphNode();
          paragraph.append($createTextNode(`Kappale ${index + 1}`));
          $getRoot().append(paragraph);
        });
      });
      const docs = clients.map((client) => client.doc);
      const textOf = (doc: Y.Doc) => textOfState(Y.encodeStateAsUpdate(doc));
      await whenDocs(docs, () =>
        docs.every((doc) => /Kappale 1/.test(textOf(doc)) && /Kappale 2/.test(textOf(doc))),
      );
      await fixture.collab.service.flushDocument(documentId);
      const [row] = await fixture.as<{ text: string }>(
        "aino",
        "select text from public.documents where id = $1",
        [documentId],
      );
      for (const doc of docs) expect(textOf(doc)).toBe(row?.text);
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it("keeps what was typed when everyone leaves and someone opens the document again", async () => {
    const documentId = await fixture.createDocument("Palaava ohje");
    const [first] = await connectAll(fixture, documentId, ["aino"]);
    if (!first) throw new Error("no client");
    first.doc.getText(probeTextName).insert(0, "pysyy tallessa");
    await whenDocs([first.doc], () => true);
    first.destroy();
    const [second] = await connectAll(fixture, documentId, ["anna"]);
    try {
      await whenDocs(
        [second?.doc ?? new Y.Doc()],
        () => probe(second?.doc ?? new Y.Doc()) === "pysyy tallessa",
      );
    } finally {
      second?.destroy();
    }
  });
});
