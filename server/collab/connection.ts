/**
 * One websocket of the collab server: who is on it (once the token is checked), what they may do
 * (once document_access answered), keep-alive pings, and the frames that arrived before the
 * room was ready, kept in order.
 */
import type WebSocket from "ws";
import { type CollabMetrics, countClose } from "./metrics";
import { type AccessLevel, CloseCode } from "./types";

export type FrameHandler = (frame: Uint8Array) => void;

export interface ConnectionOptions {
  maxMessageBytes: number;
  /** How often to ping; a socket that did not answer the previous ping is terminated. */
  pingIntervalMs: number;
}

export class Connection {
  userId: string | null = null;
  /** Undefined until the first document_access answer. */
  level: AccessLevel | undefined;
  /** The sequence number of the access answer `level` came from; older answers are ignored. */
  accessSequence = 0;
  /** True once the connection is in its room, after which a change of access closes it. */
  joined = false;
  /** Awareness client ids this connection set, removed from the room when it closes. */
  readonly awarenessClients = new Set<number>();
  private closedFlag = false;
  private readonly buffered: Uint8Array[] = [];
  private handler: FrameHandler | undefined;
  private readonly closeListeners: (() => void)[] = [];
  private readonly pingTimer: NodeJS.Timeout;
  private answeredPing = true;

  constructor(
    private readonly socket: WebSocket,
    readonly documentId: string,
    private readonly metrics: CollabMetrics,
    options: ConnectionOptions,
  ) {
    socket.on("message", (data, isBinary) => {
      if (this.closedFlag) return;
      const frame = toBytes(data);
      this.metrics.messagesReceived++;
      this.metrics.bytesReceived += frame.byteLength;
      if (!isBinary) {
        this.close(CloseCode.malformed, "text frames are not part of the protocol");
      } else if (frame.byteLength > options.maxMessageBytes) {
        this.close(CloseCode.messageTooLarge, "message too large");
      } else if (this.handler) {
        this.handler(frame);
      } else {
        this.buffered.push(frame);
      }
    });
    socket.on("pong", () => {
      this.answeredPing = true;
    });
    socket.on("close", () => this.finish());
    // Errors (a reset connection, a frame over ws's own limit) are followed by "close".
    socket.on("error", (error: Error & { code?: string }) => {
      // ws closed the socket itself (as 4413, see CollabWebSocket): count it like our own closes.
      if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
        countClose(this.metrics, CloseCode.messageTooLarge);
      }
    });
    this.pingTimer = setInterval(() => {
      if (!this.answeredPing) {
        socket.terminate();
        return;
      }
      this.answeredPing = false;
      socket.ping();
    }, options.pingIntervalMs);
    this.pingTimer.unref();
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  get writable(): boolean {
    return this.level === "edit";
  }

  /** From now on frames go to `handler`, starting with those that arrived while admitting. */
  deliverTo(handler: FrameHandler): void {
    this.handler = handler;
    while (this.buffered.length > 0 && !this.closedFlag) {
      const frame = this.buffered.shift();
      if (frame) handler(frame);
    }
  }

  send(frame: Uint8Array): void {
    if (this.closedFlag || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(frame, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closedFlag) return;
    countClose(this.metrics, code);
    this.socket.close(code, reason);
    this.finish();
  }

  onClose(listener: () => void): void {
    if (this.closedFlag) listener();
    else this.closeListeners.push(listener);
  }

  private finish(): void {
    if (this.closedFlag && this.closeListeners.length === 0) return;
    this.closedFlag = true;
    clearInterval(this.pingTimer);
    this.buffered.length = 0;
    const listeners = this.closeListeners.splice(0);
    for (const listener of listeners) listener();
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
