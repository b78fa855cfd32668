/**
 * One benchmark editor: a Y.Doc behind a real websocket, through the client library each server is
 * made for — y-websocket's `WebsocketProvider` for ours (through the tests' collab client, as the
 * integration tests connect), `HocuspocusProvider` for the peer (its messages carry the document
 * name, so the stock client cannot talk to it).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { issueCollabToken } from "../../server/collab/token";
import { connectClient } from "../helpers/collab-clients";
import type { EditorSpec, WorkerSetup } from "./collab-protocol";

export interface BenchEditor {
  doc: Y.Doc;
  /** Times the connection was closed or lost after it first synced. */
  disconnects(): number;
  destroy(): void;
}

const syncTimeoutMs = 30_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: not synced in ${syncTimeoutMs} ms`)),
      syncTimeoutMs,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function connectToVerkko(setup: WorkerSetup, spec: EditorSpec): Promise<BenchEditor> {
  const token = await issueCollabToken(setup.jwtSecret, spec);
  const client = connectClient({
    baseUrl: setup.baseUrl,
    documentId: spec.documentId,
    token,
    // Reconnects (after a lost socket) need a token of their own: the first lives 60 s.
    refreshToken: () => issueCollabToken(setup.jwtSecret, spec),
  });
  let closesAtSync = 0;
  const editor: BenchEditor = {
    doc: client.doc,
    disconnects: () => client.closes.length - closesAtSync,
    destroy() {
      client.destroy();
      client.doc.destroy();
    },
  };
  try {
    const closedFirst = client.closed.then(({ code, reason }) =>
      Promise.reject(new Error(`server closed with ${code} ${reason}`)),
    );
    // A close after the first sync is counted, not thrown: nobody awaits this any more then.
    closedFirst.catch(() => undefined);
    await withTimeout(Promise.race([client.synced, closedFirst]), `editor of ${spec.documentId}`);
    closesAtSync = client.closes.length;
  } catch (error) {
    editor.destroy();
    throw error;
  }
  return editor;
}

async function connectToHocuspocus(setup: WorkerSetup, spec: EditorSpec): Promise<BenchEditor> {
  const token = await issueCollabToken(setup.jwtSecret, spec);
  const doc = new Y.Doc();
  // One socket per editor, as for ours: a browser tab has its own connection.
  const socket = new HocuspocusProviderWebsocket({
    url: setup.baseUrl.replace(/^http/, "ws"),
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: spec.documentId,
    document: doc,
    token,
  });
  // A provider on a socket of its own making is only wired to it once attached (decision 014).
  provider.attach();
  let synced = false;
  let disconnects = 0;
  const editor: BenchEditor = {
    doc,
    disconnects: () => disconnects,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        provider.on("synced", ({ state }: { state: boolean }) => {
          if (state && !synced) {
            synced = true;
            resolve();
          }
        });
        provider.on("authenticationFailed", ({ reason }: { reason: string }) =>
          reject(new Error(`authentication failed: ${reason}`)),
        );
        provider.on("disconnect", () => {
          if (synced) disconnects++;
        });
      }),
      `editor of ${spec.documentId}`,
    );
  } catch (error) {
    editor.destroy();
    throw error;
  }
  return editor;
}

export function connectEditor(setup: WorkerSetup, spec: EditorSpec): Promise<BenchEditor> {
  return setup.kind === "verkko" ? connectToVerkko(setup, spec) : connectToHocuspocus(setup, spec);
}
