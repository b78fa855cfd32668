/**
 * Limits and bad input close the socket with a code the stock client treats as final, and never
 * touch the stored document: too many connections (4429), a message over the size limit (4413),
 * a malformed message (4400).
 */
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { encodeUpdate, messageSync } from "../../../server/collab/protocol";
import { CloseCode } from "../../../server/collab/types";
import { type CollabClient, connectClient, probeTextName } from "../../helpers/collab-clients";
import { availableBackends } from "../../helpers/databases";
import { type CollabFixture, startCollabFixture } from "./support";

const maxMessageBytes = 64 * 1024;

/** A raw socket as aino, sending `frames` as soon as it opens; resolves with the close code. */
async function sendRaw(
  fixture: CollabFixture,
  documentId: string,
  frames: (Uint8Array | string)[],
): Promise<number> {
  const token = await fixture.tokenFor("aino", documentId);
  const socket = new WebSocket(
    `${fixture.baseUrl.replace("http", "ws")}/collab/${documentId}?token=${token}`,
  );
  socket.on("error", () => undefined);
  socket.on("open", () => {
    for (const frame of frames) socket.send(frame);
  });
  return new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe.each(availableBackends())("collab limits on %s", (backend) => {
  let fixture: CollabFixture;
  const open: CollabClient[] = [];

  beforeAll(async () => {
    fixture = await startCollabFixture(backend, { maxConnectionsPerDocument: 3, maxMessageBytes });
  });
  afterAll(async () => {
    for (const client of open) client.destroy();
    await fixture?.close();
  });

  async function connect(documentId: string) {
    const client = connectClient({
      baseUrl: fixture.baseUrl,
      documentId,
      token: await fixture.tokenFor("aino", documentId),
    });
    open.push(client);
    return client;
  }

  /** The stored document's probe text and state vector, for "unchanged" checks. */
  async function storedSnapshot(documentId: string) {
    const doc = await fixture.storedDoc(documentId);
    const snapshot = {
      text: doc.getText(probeTextName).toString(),
      stateVector: Y.encodeStateVector(doc),
    };
    doc.destroy();
    return snapshot;
  }

  it("closes the connection over the per-document limit with 4429, and only that one", async () => {
    const documentId = await fixture.createDocument();
    const first = await Promise.all([
      connect(documentId),
      connect(documentId),
      connect(documentId),
    ]);
    await Promise.all(first.map((client) => client.synced));
    const fourth = await connect(documentId);
    expect((await fourth.closed).code).toBe(CloseCode.tooManyConnections);
    expect(first.flatMap((client) => client.closes)).toEqual([]);

    // Another document has its own limit.
    const other = await connect(await fixture.createDocument("Toinen"));
    await other.synced;

    // A place frees up when someone leaves.
    const connected = fixture.collab.metrics().connections;
    first[0]?.destroy();
    await expect.poll(() => fixture.collab.metrics().connections).toBe(connected - 1);
    const fifth = await connect(documentId);
    await fifth.synced;
  });

  it("closes with 4413 on a message over the size limit and stores none of it", async () => {
    const documentId = await fixture.createDocument();
    const writer = await connect(documentId);
    await writer.synced;
    writer.doc.getText(probeTextName).insert(0, "ennen");
    const before = await (async () => {
      await expect.poll(async () => (await storedSnapshot(documentId)).text).toBe("ennen");
      return storedSnapshot(documentId);
    })();

    const big = new Y.Doc();
    big.getText(probeTextName).insert(0, "x".repeat(maxMessageBytes + 1));
    const code = await sendRaw(fixture, documentId, [encodeUpdate(Y.encodeStateAsUpdate(big))]);
    expect(code).toBe(CloseCode.messageTooLarge);
    expect(await storedSnapshot(documentId)).toEqual(before);
    expect(writer.closes).toEqual([]);
  });

  it("closes with 4400 on malformed messages and leaves the stored document unchanged", async () => {
    const documentId = await fixture.createDocument();
    const writer = await connect(documentId);
    await writer.synced;
    writer.doc.getText(probeTextName).insert(0, "ehjä");
    await expect.poll(async () => (await storedSnapshot(documentId)).text).toBe("ehjä");
    const before = await storedSnapshot(documentId);

    const valid = new Y.Doc();
    valid.getText(probeTextName).insert(0, "ei saa tallentua");
    const update = Y.encodeStateAsUpdate(valid);
    const malformed: Record<string, Uint8Array | string> = {
      "unknown message type": Uint8Array.of(9, 0),
      "unknown sync step": syncFrame(7, update),
      "truncated update": syncFrame(2, update.slice(0, update.length - 3)),
      "garbage update": syncFrame(2, Uint8Array.of(200, 1, 255, 255, 255, 255, 15, 3, 9)),
      "trailing bytes": Uint8Array.from([...syncFrame(2, update), 1, 2, 3]),
      "truncated frame": syncFrame(2, update).slice(0, 4),
      "awareness that is not JSON": Uint8Array.of(1, 6, 1, 5, 1, 2, 123, 120),
      "a text frame": "hello",
    };
    for (const [name, frame] of Object.entries(malformed)) {
      expect({ name, code: await sendRaw(fixture, documentId, [frame]) }).toEqual({
        name,
        code: CloseCode.malformed,
      });
    }
    expect(await storedSnapshot(documentId)).toEqual(before);
    expect(writer.doc.getText(probeTextName).toString()).toBe("ehjä");
    expect(writer.closes).toEqual([]);
  });
});
