/**
 * Documents for the persistence, headless and server-edit tests: the RLS document fixture (people,
 * organisations, networks) plus fresh documents made as the owner, and edits made the way a
 * browser makes them (Lexical bound to Yjs, in a Y.Doc of its own).
 */
import { randomUUID } from "node:crypto";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import * as Y from "yjs";
import { applyLexicalEdit, textOfState } from "../../../server/collab/headless";
import { persistenceOrigin } from "../../../server/collab/persistence";
import type { DocumentPersistence } from "../../../server/collab/types";
import type { Database } from "../../../server/embedded/db";
import { documentFixtureSql, documentPeople } from "../rls/document-fixture";
import { organisations } from "../rls/identity-fixture";

export { documentFixtureSql, documentPeople };

/** A new document owned by Helsinki, created by cilla, with `html` as its imported content. */
export async function createStoredDocument(db: Database, html = ""): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into public.documents (id, title, owner_organisation_id, created_by, html)
     values ($1, 'Testiohje', $2, $3, $4)`,
    [id, organisations.helsinki, documentPeople.cilla, html],
  );
  return id;
}

/** The text a browser would show for `doc`. */
export function textOf(doc: Y.Doc): string {
  return textOfState(Y.encodeStateAsUpdate(doc));
}

/**
 * Appends a paragraph to `doc` as another Yjs client would, and returns the update that carries
 * it (already applied to `doc`).
 */
export function typeParagraph(doc: Y.Doc, text: string): Uint8Array {
  const update = applyLexicalEdit(doc, () => {
    $getRoot().append($createParagraphNode().append($createTextNode(text)));
  });
  if (!update) throw new Error("typing changed nothing");
  return update;
}

/** A copy of `doc` as a separate client holding the same state. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

export { documentClaimsOf, restoreId } from "../rls/document-fixture";

/**
 * openDocument as the collab server provides it, without sockets: the live doc of a document,
 * loaded once and kept, with every update to it going to the log as a room sends it.
 */
export function openDocumentsOf(persistence: DocumentPersistence) {
  const live = new Map<string, Y.Doc>();
  const openDocument = async (documentId: string) => {
    let doc = live.get(documentId);
    if (!doc) {
      const loaded = await persistence.load(documentId);
      if (!loaded) throw new Error(`no such document: ${documentId}`);
      doc = loaded;
      loaded.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== persistenceOrigin) persistence.append(documentId, update, null);
      });
      live.set(documentId, loaded);
    }
    return { doc, release: () => undefined };
  };
  return { openDocument, live };
}
