/**
 * Viewers and commenters are read-only: whatever document changes their client sends (sync step 2
 * answering the server's step 1, or updates typed despite a read-only editor) are dropped without
 * closing the socket, so they keep receiving everyone else's changes and presence.
 */

import type { IncomingMessage } from "./protocol";
import type { AccessLevel } from "./types";

export function isWritable(level: AccessLevel): boolean {
  return level === "edit";
}

/** True when `message` would change the document and the connection may not change it. */
export function mustDrop(message: IncomingMessage, level: AccessLevel): boolean {
  return (message.kind === "sync-step2" || message.kind === "update") && !isWritable(level);
}
