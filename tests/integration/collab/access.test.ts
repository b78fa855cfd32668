/**
 * Who may do what on a socket is document_access's answer, asked as the person: a token is needed
 * to get in (4401), access to stay in (4403, at once when it is revoked), and edit access to change
 * anything (viewers' and commenters' changes are dropped, counted, and never stored).
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type * as Y from "yjs";
import { issueCollabToken } from "../../../server/collab/token";
import { CloseCode } from "../../../server/collab/types";
import {
  type CollabClient,
  connectClient,
  probeTextName,
  whenDocs,
} from "../../helpers/collab-clients";
import { availableBackends } from "../../helpers/databases";
import { networkPeople, networks } from "../rls/network-fixture";
import { type CollabFixture, jwtSecret, type Person, startCollabFixture } from "./support";

const probe = (doc: Y.Doc) => doc.getText(probeTextName).toString();

describe.each(availableBackends())("access on the collab socket on %s", (backend) => {
  let fixture: CollabFixture;
  const open: CollabClient[] = [];

  async function connect(person: Person, documentId: string, token?: string) {
    const client = connectClient({
      baseUrl: fixture.baseUrl,
      documentId,
      token: token ?? (await fixture.tokenFor(person, documentId)),
    });
    open.push(client);
    return client;
  }

  async function grant(documentId: string, person: Person, level: string): Promise<string> {
    const [row] = await fixture.as<{ id: string }>(
      "anna",
      "select public.grant_document_permission($1, $2::public.document_access_level, $3) as id",
      [documentId, level, networkPeople[person]],
    );
    if (!row) throw new Error("no grant");
    return row.id;
  }

  beforeAll(async () => {
    fixture = await startCollabFixture(backend);
  });
  afterAll(async () => {
    for (const client of open) client.destroy();
    await fixture?.close();
  });

  it("refuses a missing, forged, expired or other document's token with 4401", async () => {
    const documentId = await fixture.createDocument();
    const otherId = await fixture.createDocument("Toinen");
    const aino = networkPeople.aino;
    const tokens = {
      forged: await issueCollabToken("x".repeat(40), { userId: aino, documentId }),
      expired: await issueCollabToken(
        jwtSecret,
        { userId: aino, documentId },
        new Date(Date.now() - 120_000),
      ),
      otherDocument: await fixture.tokenFor("aino", otherId),
      garbage: "not-a-jwt",
    };
    const codes = await Promise.all(
      Object.values(tokens).map(
        async (token) => (await (await connect("aino", documentId, token)).closed).code,
      ),
    );
    expect(codes).toEqual(Object.values(tokens).map(() => CloseCode.unauthenticated));

    // No token at all, and a room name that is no document id: y-websocket needs the close code.
    const base = fixture.baseUrl.replace("http", "ws");
    for (const url of [`${base}/collab/${documentId}`, `${base}/collab/not-a-uuid?token=x`]) {
      const socket = new WebSocket(url);
      const code = await new Promise<number>((resolve) => socket.on("close", resolve));
      expect(code).toBe(CloseCode.unauthenticated);
    }
  });

  it("closes with 4403 for a person document_access says no to", async () => {
    const documentId = await fixture.createDocument();
    const olli = await connect("olli", documentId);
    expect((await olli.closed).code).toBe(CloseCode.forbidden);
  });

  it("drops viewers' and commenters' edits: they never reach others or the database", async () => {
    const documentId = await fixture.createDocument();
    await grant(documentId, "olli", "comment");
    const editor = await connect("aino", documentId);
    const viewer = await connect("eero", documentId);
    const commenter = await connect("olli", documentId);
    await Promise.all([editor.synced, viewer.synced, commenter.synced]);
    const droppedBefore = fixture.collab.metrics().droppedReadOnlyUpdates;

    viewer.doc.getText(probeTextName).insert(0, "katsojan muutos ");
    commenter.doc.getText(probeTextName).insert(0, "kommentoijan muutos ");
    editor.doc.getText(probeTextName).insert(0, "muokkaajan teksti");

    // The editor's change reaches both read-only clients; theirs reach nobody.
    await whenDocs([viewer.doc, commenter.doc], () =>
      [viewer, commenter].every((client) => probe(client.doc).includes("muokkaajan teksti")),
    );
    await expect
      .poll(() => fixture.collab.metrics().droppedReadOnlyUpdates - droppedBefore)
      .toBeGreaterThanOrEqual(2);
    expect(probe(editor.doc)).toBe("muokkaajan teksti");
    const stored = await fixture.storedDoc(documentId);
    expect(probe(stored)).toBe("muokkaajan teksti");
    stored.destroy();
    // Read-only sockets stay open: they keep receiving everyone else's changes.
    expect(viewer.closes).toEqual([]);
    expect(commenter.closes).toEqual([]);
  });

  it("closes a socket with 4403 within a second of its grant being revoked", async () => {
    const documentId = await fixture.createDocument();
    const permission = await grant(documentId, "olli", "edit");
    const olli = await connect("olli", documentId);
    const aino = await connect("aino", documentId);
    await Promise.all([olli.synced, aino.synced]);

    await fixture.as("anna", "select public.revoke_document_permission($1)", [permission]);
    // Timed from the commit: the notification, the re-check as olli and the close.
    const revokedAt = Date.now();
    expect((await olli.closed).code).toBe(CloseCode.forbidden);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    // Nobody else is affected.
    expect(aino.closes).toEqual([]);
  });

  it("closes with 4403 when the person leaves the network the access came from", async () => {
    const documentId = await fixture.createDocument();
    const aino = await connect("aino", documentId);
    const anna = await connect("anna", documentId);
    await Promise.all([aino.synced, anna.synced]);
    await fixture.db.query(
      "delete from public.network_members where network_id = $1 and user_id = $2",
      [networks.suljettu, networkPeople.aino],
    );
    try {
      expect((await aino.closed).code).toBe(CloseCode.forbidden);
      expect(anna.closes).toEqual([]);
    } finally {
      await fixture.db.query(
        "insert into public.network_members (network_id, user_id, role) values ($1, $2, 'member')",
        [networks.suljettu, networkPeople.aino],
      );
    }
  });

  it("closes with 4403 when the level changes, so the client re-authorises in its new mode", async () => {
    const documentId = await fixture.createDocument();
    await grant(documentId, "olli", "comment");
    const olli = await connect("olli", documentId);
    await olli.synced;
    await grant(documentId, "olli", "edit");
    expect((await olli.closed).code).toBe(CloseCode.forbidden);

    // With a new token the same person is back, now as an editor whose changes are kept.
    const again = await connect("olli", documentId);
    await again.synced;
    again.doc.getText(probeTextName).insert(0, "nyt saa muokata");
    const aino = await connect("aino", documentId);
    await aino.synced;
    await whenDocs([aino.doc], () => probe(aino.doc) === "nyt saa muokata");
  });
});
