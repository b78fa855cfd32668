/**
 * One open document: its Y.Doc and awareness, the connections editing or watching it, and the
 * compaction debounce. Every update of the document, whoever made it (a connection, or the server
 * through openDocument), goes the same way: to every other connection and to the update log.
 */
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { persistenceOrigin } from "./compaction";
import { Connection } from "./connection";
import type { CollabMetrics } from "./metrics";
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type IncomingMessage,
  MalformedMessageError,
} from "./protocol";
import { mustDrop } from "./read-only-filter";
import type { DocumentPersistence } from "./types";

export interface RoomOptions {
  persistence: DocumentPersistence;
  metrics: CollabMetrics;
  compactDebounceMs: number;
  /** Compacts at least this often while changes keep coming. */
  compactMaxWaitMs: number;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Which connection set each awareness client id, so one cannot overwrite another's presence. */
  private readonly awarenessOwners = new Map<number, Connection>();
  private compactTimer: NodeJS.Timeout | undefined;
  private compactDeadline: number | undefined;
  private compaction: Promise<void> = Promise.resolve();
  /**
   * True from the start: a document loaded after a crash may have log rows that no compaction
   * merged yet, and its derived content is then behind. One compaction per room's life settles it.
   */
  private changedSinceCompaction = true;
  private destroyed = false;

  constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
    doc.on("update", this.onDocumentUpdate);
  }

  /** Starts a connection off: what the server has (so the client sends what it lacks), and who is here. */
  join(connection: Connection): void {
    this.connections.add(connection);
    // Read-only clients would answer with a step 2 that is dropped anyway.
    if (connection.writable) connection.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwareness(this.awareness, present));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  /** Handles one decoded message; throws MalformedMessageError when an update cannot be applied. */
  receive(connection: Connection, message: IncomingMessage): void {
    if (connection.level === undefined) return;
    if (mustDrop(message, connection.level)) {
      this.options.metrics.droppedReadOnlyUpdates++;
      return;
    }
    switch (message.kind) {
      case "sync-step1":
        // Answered for viewers too: the client reports "synced" only after a step 2.
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case "sync-step2":
      case "update":
        try {
          Y.applyUpdate(this.doc, message.update, connection);
        } catch (error) {
          throw new MalformedMessageError(
            `the update could not be applied: ${error instanceof Error ? error.message : error}`,
          );
        }
        return;
      case "awareness":
        if (message.clients.some(({ clientId }) => this.ownedByAnother(clientId, connection))) {
          return;
        }
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
        return;
      case "query-awareness":
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case "auth":
        return;
    }
  }

  /** Compacts now (after any compaction under way), unless nothing changed since the last one. */
  compact(): Promise<void> {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    this.compactDeadline = undefined;
    this.compaction = this.compaction.then(async () => {
      if (!this.changedSinceCompaction || this.destroyed) return;
      this.changedSinceCompaction = false;
      try {
        await this.options.persistence.compact(this.documentId, this.doc);
        this.options.metrics.compactions++;
      } catch (error) {
        // The log still holds every update; the next compaction (or load) merges them.
        this.changedSinceCompaction = true;
        this.options.metrics.compactionFailures++;
        console.error(`Compacting document ${this.documentId} failed`, error);
      }
    });
    return this.compaction;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.compactTimer);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.off("update", this.onDocumentUpdate);
    this.doc.destroy();
  }

  private ownedByAnother(clientId: number, connection: Connection): boolean {
    const owner = this.awarenessOwners.get(clientId);
    return owner !== undefined && owner !== connection;
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    const author = origin instanceof Connection ? origin : undefined;
    this.options.metrics.appliedUpdates++;
    // What compaction took in from the log is in the log already.
    if (origin !== persistenceOrigin) {
      this.options.persistence.append(this.documentId, update, author?.userId ?? null);
    }
    const frame = encodeUpdate(update);
    for (const connection of this.connections) {
      if (connection !== author) connection.send(frame);
    }
    this.changedSinceCompaction = true;
    this.scheduleCompaction();
  };

  /**
   * Debounced, but at most `compactMaxWaitMs` after the first change since the last compaction:
   * while someone types without pause the log would otherwise grow (and automatic snapshots
   * wait) until they stop.
   */
  private scheduleCompaction(): void {
    const now = Date.now();
    this.compactDeadline ??= now + this.options.compactMaxWaitMs;
    const delay = Math.max(0, Math.min(this.options.compactDebounceMs, this.compactDeadline - now));
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => void this.compact(), delay);
    this.compactTimer.unref();
  }

  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    if (origin instanceof Connection) {
      for (const clientId of [...change.added, ...change.updated]) {
        origin.awarenessClients.add(clientId);
        this.awarenessOwners.set(clientId, origin);
      }
    }
    for (const clientId of change.removed) {
      this.awarenessOwners.get(clientId)?.awarenessClients.delete(clientId);
      this.awarenessOwners.delete(clientId);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    // To every connection, the sender too: a lone client hears itself and so knows the socket
    // is alive (y-websocket reconnects after 30 s of silence).
    const frame = encodeAwareness(this.awareness, changed);
    for (const connection of this.connections) connection.send(frame);
  };
}
