/**
 * The write side of document_updates: every update a room receives is queued here and written
 * within `batchMs` (100 ms by default) of the first queued one, all documents in one multi-row
 * insert. That bound is what "nothing the server received more than a second ago is lost after
 * kill -9" rests on. A failed write keeps the batch and retries with backoff: the queue is the
 * only copy until the insert commits.
 */
import * as Y from "yjs";
import type { Database } from "../embedded/db";

export interface UpdateLogOptions {
  /** Longest an update waits in memory before it is written. */
  batchMs?: number;
  /** Longest wait between retries after a failed write. */
  maxRetryMs?: number;
  /** Told once per streak of failed writes (the batch is kept and retried). */
  onWriteError?: (error: unknown) => void;
}

interface QueuedUpdates {
  documentId: string;
  authorId: string | null;
  updates: Uint8Array[];
}

/** Rows per insert statement: 3 parameters each, far below Postgres' 65,535 limit. */
const rowsPerStatement = 1000;

function keyOf(documentId: string, authorId: string | null): string {
  return `${documentId}:${authorId ?? ""}`;
}

function merged(entry: QueuedUpdates): Uint8Array {
  const [only] = entry.updates;
  return entry.updates.length === 1 && only ? only : Y.mergeUpdates(entry.updates);
}

/** pg sends a Buffer as bytea; PGlite takes any Uint8Array. A Buffer view costs no copy. */
export function asBytea(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class UpdateLog {
  private queue = new Map<string, QueuedUpdates>();
  private timer: NodeJS.Timeout | undefined;
  /** Writes happen one at a time, in order; flush() waits for the one in flight. */
  private writing: Promise<void> = Promise.resolve();
  private failures = 0;
  private closed = false;
  private readonly batchMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: UpdateLogOptions = {},
  ) {
    this.batchMs = options.batchMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5000;
  }

  append(documentId: string, update: Uint8Array, authorId: string | null): void {
    if (this.closed) throw new Error("the update log is closed");
    const key = keyOf(documentId, authorId);
    const entry = this.queue.get(key);
    if (entry) entry.updates.push(update);
    else this.queue.set(key, { documentId, authorId, updates: [update] });
    this.schedule(this.batchMs);
  }

  /** Updates of a document queued but not yet written (a reload must include them). */
  pending(documentId: string): Uint8Array[] {
    const updates: Uint8Array[] = [];
    for (const entry of this.queue.values()) {
      if (entry.documentId === documentId) updates.push(...entry.updates);
    }
    return updates;
  }

  get size(): number {
    let count = 0;
    for (const entry of this.queue.values()) count += entry.updates.length;
    return count;
  }

  /** Writes everything queued so far; rejects when the write fails (the batch stays queued). */
  flush(): Promise<void> {
    const write = this.writing.then(() => this.writeQueued());
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Stops the timer after writing what is queued (rejects if that write fails). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined);
    }, delayMs);
  }

  private async writeQueued(): Promise<void> {
    if (this.queue.size === 0) return;
    // Rows already written must not be written again when a later chunk fails.
    let unwritten = [...this.queue.values()];
    this.queue = new Map();
    try {
      while (unwritten.length > 0) {
        await this.insert(unwritten.slice(0, rowsPerStatement));
        unwritten = unwritten.slice(rowsPerStatement);
      }
      this.failures = 0;
    } catch (error) {
      this.requeue(unwritten);
      if (this.failures === 0) this.options.onWriteError?.(error);
      this.failures++;
      if (!this.closed) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.schedule(Math.min(this.maxRetryMs, this.batchMs * 2 ** this.failures));
      }
      throw error;
    }
  }

  private async insert(rows: QueuedUpdates[]): Promise<void> {
    const params: unknown[] = [];
    const values = rows.map((row) => {
      params.push(row.documentId, asBytea(merged(row)), row.authorId);
      const at = params.length;
      return `($${at - 2}::uuid, $${at - 1}::bytea, $${at}::uuid)`;
    });
    await this.db.query(
      `insert into public.document_updates (document_id, update, author_id) values ${values.join(", ")}`,
      params,
    );
  }

  /** Puts an unwritten batch back in front of anything queued meanwhile. */
  private requeue(batch: QueuedUpdates[]): void {
    const newer = this.queue;
    this.queue = new Map();
    for (const entry of batch) this.queue.set(keyOf(entry.documentId, entry.authorId), entry);
    for (const [key, entry] of newer) {
      const older = this.queue.get(key);
      if (older) older.updates.push(...entry.updates);
      else this.queue.set(key, entry);
    }
  }
}
