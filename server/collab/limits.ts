/**
 * Limits: connections per document, and message size. Both close with our own code so the stock
 * client stops (4429, 4413) rather than reconnecting into the same wall.
 */
import WebSocket from "ws";
import { CloseCode } from "./types";

/** Counts connections per document from the moment they are accepted, before any loading. */
export class ConnectionLimit {
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxPerDocument: number) {}

  /** Takes a place for one more connection to `documentId`; false when it is full. */
  reserve(documentId: string): boolean {
    const count = this.counts.get(documentId) ?? 0;
    if (count >= this.maxPerDocument) return false;
    this.counts.set(documentId, count + 1);
    return true;
  }

  release(documentId: string): void {
    const count = (this.counts.get(documentId) ?? 0) - 1;
    if (count > 0) this.counts.set(documentId, count);
    else this.counts.delete(documentId);
  }

  count(documentId: string): number {
    return this.counts.get(documentId) ?? 0;
  }
}

/** ws's code for a frame over maxPayload. */
const wsMessageTooBig = 1009;

/**
 * ws refuses a frame over `maxPayload` as soon as it reads the frame's header (so nothing is
 * buffered) and closes with 1009, which y-websocket treats as transient and reconnects. Mapping
 * that one close to 4413 makes the limit final for the client, as for frames we measure ourselves.
 */
export class CollabWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code === wsMessageTooBig ? CloseCode.messageTooLarge : code, data);
  }
}
