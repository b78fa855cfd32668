/**
 * Messages between the collab benchmark's coordinator (tests/bench/collab.ts) and its load
 * workers (tests/bench/collab-load-worker.ts). Kept apart so both sides type-check against one
 * definition.
 */

/** Which server the editors talk to; each has its own client library and wire format. */
export type ServerKind = "verkko" | "hocuspocus";

export interface WorkerSetup {
  kind: ServerKind;
  /** The server's http address; ours serves /collab/:documentId, Hocuspocus the root. */
  baseUrl: string;
  /** Collab tokens are minted in the worker right before each connect (they live 60 s). */
  jwtSecret: string;
}

export interface EditorSpec {
  documentId: string;
  userId: string;
}

export interface RunSpec {
  /** Editors type, but nothing is recorded (JIT, document growth, socket buffers settle). */
  warmupMs: number;
  measureMs: number;
  /** Typing stops; receipts of edits sent in the window still count until this passes. */
  drainMs: number;
  editsPerSecond: number;
}

export type ToWorker =
  | { type: "add"; editors: EditorSpec[]; concurrency: number }
  | { type: "run"; run: RunSpec }
  | { type: "close" };

export interface LagSummary {
  p50: number;
  p99: number;
  max: number;
}

export interface RunResult {
  /** Fan-out latencies in ms: one per (edit sent in the window, other editor that received it). */
  latencies: Float64Array;
  /** Edits sent in the measurement window. */
  sent: number;
  /** Receipts those edits should produce: each edit × (editors of its document − 1). */
  expected: number;
  received: number;
  /** Documents whose editors' texts differ after the drain (should be 0). */
  divergentDocuments: number;
  /** Connections the server closed or lost during the run. */
  disconnects: number;
  /** How late the worker's 5 ms typing tick ran in the window: the generator's own delay. */
  lag: LagSummary;
}

export type FromWorker =
  | { type: "ready" }
  | { type: "added"; connected: number; failed: number; firstError?: string; elapsedMs: number }
  | { type: "ran"; result: RunResult }
  | { type: "closed" }
  | { type: "error"; message: string };
