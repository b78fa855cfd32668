/**
 * Claims websocket upgrades under the collab path: `/collab/<documentId>?token=…`, the address
 * y-websocket builds from the server URL, the room name and its params.
 *
 * Every upgrade under the path is accepted, even one with no document id or token: a refused
 * upgrade reaches y-websocket as close code 1006, which it retries forever with backoff, while a
 * close with 4401 after the upgrade stops it and tells the app to fetch a new token.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { UpgradeHandler } from "../http/upgrade-router";
import { CollabWebSocket } from "./limits";

export interface UpgradeRequest {
  /** The path segment after the prefix; not validated here (it may not be a uuid). */
  documentId: string;
  token: string | null;
}

export interface CollabUpgrade {
  handleUpgrade: UpgradeHandler;
  /** Stops accepting (open sockets are closed by their owners). */
  close(): void;
}

/** The document and token of a collab URL, or null for paths that are not under `path`. */
export function parseCollabUrl(url: string, path: string): UpgradeRequest | null {
  const parsed = new URL(url, "http://collab.invalid");
  const prefix = `${path.replace(/\/+$/, "")}/`;
  if (!parsed.pathname.startsWith(prefix)) return null;
  let documentId: string;
  try {
    documentId = decodeURIComponent(parsed.pathname.slice(prefix.length));
  } catch {
    // A broken %-escape names no document; the token check refuses it like any other.
    documentId = "";
  }
  return { documentId, token: parsed.searchParams.get("token") };
}

export function createCollabUpgrade(options: {
  path: string;
  maxMessageBytes: number;
  onConnection: (socket: CollabWebSocket, request: UpgradeRequest) => void;
}): CollabUpgrade {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    WebSocket: CollabWebSocket,
    // Yjs updates are already compact binary; deflate would cost CPU on every fan-out.
    perMessageDeflate: false,
  });
  let accepting = true;
  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      const target = parseCollabUrl(request.url ?? "/", options.path);
      if (!target) return false;
      if (!accepting) {
        socket.end(
          "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        );
        return true;
      }
      server.handleUpgrade(request, socket, head, (ws) => {
        options.onConnection(ws as CollabWebSocket, target);
      });
      return true;
    },
    close() {
      accepting = false;
      server.close();
    },
  };
}
