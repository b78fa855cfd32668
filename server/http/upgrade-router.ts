import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/** Handles a websocket upgrade for the paths it claims; returns false for any other path. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface UpgradeRouter {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  register(handler: UpgradeHandler, close: () => void): void;
  closeAll(): void;
}

/** Routes websocket upgrades to registered handlers (the collab server, later); refuses the rest. */
export function createUpgradeRouter(): UpgradeRouter {
  const routes: { handler: UpgradeHandler; close: () => void }[] = [];
  return {
    handleUpgrade(request, socket, head) {
      for (const route of routes) {
        if (route.handler(request, socket, head)) return;
      }
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    },
    register(handler, close) {
      routes.push({ handler, close });
    },
    closeAll() {
      for (const route of routes) route.close();
    },
  };
}
