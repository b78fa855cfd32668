/**
 * The collab server: the y-websocket protocol for co-editing documents, mounted on the main
 * server's upgrade router at /collab/<documentId> (or on its own port, see standalone.ts).
 * Each concern has its file: upgrade (URL), admission (token, limit, access), access-watch
 * (revocations), room(s) (the live document), protocol, read-only filter, limits, metrics.
 */
import type * as Y from "yjs";
import type { Database } from "../embedded/db";
import type { UpgradeHandler } from "../http/upgrade-router";
import { askDocumentAccess } from "./access";
import { startAccessWatch } from "./access-watch";
import { admit, applyAccess } from "./admission";
import { Connection } from "./connection";
import { ConnectionLimit } from "./limits";
import { type CollabMetrics, createMetrics } from "./metrics";
import { Rooms } from "./rooms";
import { issueCollabToken } from "./token";
import { CloseCode, type CollabService, type DocumentPersistence } from "./types";
import { createCollabUpgrade } from "./upgrade";

export interface CollabServerOptions {
  db: Database;
  jwtSecret: string;
  persistence: DocumentPersistence;
  maxConnectionsPerDocument?: number;
  maxMessageBytes?: number;
  compactDebounceMs?: number;
  /** While changes keep coming, compact at least this often. */
  compactMaxWaitMs?: number;
  /** Keep-alive ping interval; a socket that misses one ping is dropped. */
  pingIntervalMs?: number;
  path?: string;
  /**
   * Starts whatever else edits documents on the server (restores, comment anchors; see
   * server-edit-listener.ts), given the server's openDocument. Returns its stop function.
   */
  startServerEdits?: (openDocument: OpenDocument) => Promise<() => Promise<void>>;
}

/** A live document held open for a server-side edit; release it when done. */
export type OpenDocument = (documentId: string) => Promise<{ doc: Y.Doc; release(): void }>;

export interface CollabServer {
  handleUpgrade: UpgradeHandler;
  service: CollabService;
  openDocument: OpenDocument;
  metrics(): CollabMetrics;
  /** Stops accepting, closes every socket (1012), compacts every open document, closes persistence. */
  close(): Promise<void>;
}

export const defaultCollabLimits = {
  maxConnectionsPerDocument: 200,
  maxMessageBytes: 2 * 1024 * 1024,
  compactDebounceMs: 2000,
  compactMaxWaitMs: 30_000,
  pingIntervalMs: 30_000,
} as const;

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const path = options.path ?? "/collab";
  const maxMessageBytes = options.maxMessageBytes ?? defaultCollabLimits.maxMessageBytes;
  const pingIntervalMs = options.pingIntervalMs ?? defaultCollabLimits.pingIntervalMs;
  const metrics = createMetrics();
  const rooms = new Rooms({
    persistence: options.persistence,
    metrics,
    compactDebounceMs: options.compactDebounceMs ?? defaultCollabLimits.compactDebounceMs,
    compactMaxWaitMs: options.compactMaxWaitMs ?? defaultCollabLimits.compactMaxWaitMs,
  });
  const limit = new ConnectionLimit(
    options.maxConnectionsPerDocument ?? defaultCollabLimits.maxConnectionsPerDocument,
  );
  const connections = new Set<Connection>();
  let sequence = 0;
  const nextSequence = () => ++sequence;
  const ask = (userId: string, documentId: string) =>
    askDocumentAccess(options.db, userId, documentId);
  let closing: Promise<void> | undefined;

  const watch = await startAccessWatch({
    db: options.db,
    ask,
    apply: applyAccess,
    nextSequence,
    onError: (error) => console.error("Collab: re-checking document access failed", error),
  });

  const openDocument: OpenDocument = async (documentId) => {
    const room = await rooms.acquire(documentId);
    if (!room) throw new Error(`no such document: ${documentId}`);
    let released = false;
    return {
      doc: room.doc,
      release() {
        if (released) return;
        released = true;
        void rooms.release(room);
      },
    };
  };
  const stopServerEdits = await options.startServerEdits?.(openDocument);

  const upgrade = createCollabUpgrade({
    path,
    maxMessageBytes,
    onConnection(socket, request) {
      const connection = new Connection(socket, request.documentId.toLowerCase(), metrics, {
        maxMessageBytes,
        pingIntervalMs,
      });
      connections.add(connection);
      connection.onClose(() => connections.delete(connection));
      void admit(connection, request.token, {
        jwtSecret: options.jwtSecret,
        limit,
        rooms,
        metrics,
        ask,
        nextSequence,
        watch,
        isClosing: () => closing !== undefined,
      });
    },
  });

  const service: CollabService = {
    path,
    issueToken: (userId, documentId) => issueCollabToken(options.jwtSecret, { userId, documentId }),
    async flushDocument(documentId) {
      const room = await rooms.loaded(documentId);
      if (room) {
        await room.compact();
      } else {
        // Never opened (or a crash left log rows): loading builds the state, releasing compacts
        // it, so the derived content is current either way.
        const opened = await rooms.acquire(documentId);
        if (opened) await rooms.release(opened);
      }
      await options.persistence.flush();
    },
  };

  return {
    handleUpgrade: upgrade.handleUpgrade,
    service,
    openDocument,
    metrics: () => ({ ...metrics, closes: { ...metrics.closes } }),
    close() {
      closing ??= (async () => {
        upgrade.close();
        // Sockets first, so no more updates arrive; each room compacts as its last one leaves.
        for (const connection of [...connections]) {
          connection.close(CloseCode.restarting, "the server is restarting");
        }
        // Server edits under way still need rooms; restores must not fail for a shutdown.
        await stopServerEdits?.();
        await watch.close();
        await rooms.close();
        await options.persistence.close();
      })();
      return closing;
    },
  };
}
