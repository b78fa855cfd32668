/**
 * The open documents of one server. The first holder of a document loads it (concurrent first
 * connections share that one load); the last holder to let go compacts it and unloads it, unless
 * someone took hold again meanwhile.
 */
import type { CollabMetrics } from "./metrics";
import { Room } from "./room";
import type { DocumentPersistence } from "./types";

export interface RoomsOptions {
  persistence: DocumentPersistence;
  metrics: CollabMetrics;
  compactDebounceMs: number;
  compactMaxWaitMs: number;
}

interface Entry {
  /** Null when no such document exists. */
  room: Promise<Room | null>;
  holders: number;
}

export class Rooms {
  private readonly entries = new Map<string, Entry>();
  private closing = false;

  constructor(private readonly options: RoomsOptions) {}

  /** The document's room, loaded if need be; null when there is no such document. */
  async acquire(documentId: string): Promise<Room | null> {
    if (this.closing) throw new Error("the collab server is closing");
    let entry = this.entries.get(documentId);
    if (!entry) {
      const created: Entry = { room: this.load(documentId), holders: 0 };
      this.entries.set(documentId, created);
      // A failed or empty load is forgotten, so the next holder tries again.
      created.room.then(
        (room) => {
          if (!room && this.entries.get(documentId) === created) this.entries.delete(documentId);
        },
        () => {
          if (this.entries.get(documentId) === created) this.entries.delete(documentId);
        },
      );
      entry = created;
    }
    entry.holders++;
    try {
      const room = await entry.room;
      if (!room) entry.holders--;
      return room;
    } catch (error) {
      entry.holders--;
      throw error;
    }
  }

  /** Lets go of a room acquired before; the last one out compacts and unloads it. */
  async release(room: Room): Promise<void> {
    const entry = this.entries.get(room.documentId);
    if (!entry) return;
    entry.holders--;
    if (entry.holders > 0 || this.closing) return;
    await room.compact();
    // Someone may have joined while the compaction ran.
    if (entry.holders > 0 || this.entries.get(room.documentId) !== entry) return;
    this.entries.delete(room.documentId);
    this.options.metrics.rooms--;
    room.destroy();
  }

  /** The room if it is loaded now (for server-side edits and flushDocument), without holding it. */
  async loaded(documentId: string): Promise<Room | null> {
    const entry = this.entries.get(documentId);
    return entry ? entry.room.catch(() => null) : null;
  }

  /** Compacts every room and unloads them all; no room can be acquired afterwards. */
  async close(): Promise<void> {
    this.closing = true;
    const rooms = await Promise.all(
      [...this.entries.values()].map((entry) => entry.room.catch(() => null)),
    );
    await Promise.all(rooms.map((room) => room?.compact()));
    for (const room of rooms) room?.destroy();
    this.entries.clear();
    this.options.metrics.rooms = 0;
  }

  private async load(documentId: string): Promise<Room | null> {
    const doc = await this.options.persistence.load(documentId);
    if (!doc) return null;
    this.options.metrics.rooms++;
    return new Room(documentId, doc, this.options);
  }
}
