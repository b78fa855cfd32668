/**
 * The coordinator's side of the load generator: a few worker threads (tests/bench/collab-load-
 * worker.ts), each owning whole documents, so a document's editors share a clock and the
 * generator can use more than one core when it, rather than the server, is the bottleneck.
 */
import { Worker } from "node:worker_threads";
import type {
  EditorSpec,
  FromWorker,
  LagSummary,
  RunSpec,
  ToWorker,
  WorkerSetup,
} from "./collab-protocol";

export interface AddResult {
  connected: number;
  failed: number;
  firstError?: string;
  elapsedMs: number;
}

export interface LoadResult {
  /** Sorted fan-out latencies in ms. */
  latencies: Float64Array;
  sent: number;
  expected: number;
  received: number;
  divergentDocuments: number;
  disconnects: number;
  /** The worst worker's event-loop delay. */
  lag: LagSummary;
}

export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/**
 * Worker threads do not inherit tsx's loader (`--import tsx` applies to the main thread only), so
 * each worker registers it before importing its TypeScript entry.
 */
function bootstrapOf(entry: URL): string {
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
}

class LoadWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending: { resolve: (message: FromWorker) => void; reject: (error: Error) => void }[] =
    [];
  private exited = false;

  constructor(setup: WorkerSetup) {
    this.worker = new Worker(bootstrapOf(new URL("./collab-load-worker.ts", import.meta.url)), {
      eval: true,
      workerData: setup,
    });
    let markReady: () => void = () => undefined;
    let markFailed: (error: Error) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    // Reported to whoever asks next; not an unhandled rejection before anyone does.
    this.ready.catch(() => undefined);
    this.worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") return markReady();
      const waiter = this.pending.shift();
      if (message.type === "error") waiter?.reject(new Error(`load worker: ${message.message}`));
      else waiter?.resolve(message);
    });
    const failAll = (error: Error) => {
      markFailed(error);
      for (const waiter of this.pending.splice(0)) waiter.reject(error);
    };
    this.worker.on("error", failAll);
    this.worker.on("exit", (code) => {
      this.exited = true;
      failAll(new Error(`load worker exited with ${code}`));
    });
  }

  async ask(message: ToWorker): Promise<FromWorker> {
    await this.ready;
    if (this.exited) throw new Error("load worker is gone");
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    // Closing the editors first lets each server see a clean disconnect.
    if (!this.exited) await this.ask({ type: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }
}

export class LoadPool {
  private readonly workers: LoadWorker[];
  private readonly workerOfDocument = new Map<string, number>();

  constructor(setup: WorkerSetup, workerCount: number) {
    this.workers = Array.from({ length: workerCount }, () => new LoadWorker(setup));
  }

  /** Connects editors; a document stays on the worker it was first given to. */
  async add(editors: EditorSpec[], concurrency = 20): Promise<AddResult> {
    const perWorker: EditorSpec[][] = this.workers.map(() => []);
    for (const editor of editors) {
      let index = this.workerOfDocument.get(editor.documentId);
      if (index === undefined) {
        index = this.workerOfDocument.size % this.workers.length;
        this.workerOfDocument.set(editor.documentId, index);
      }
      perWorker[index]?.push(editor);
    }
    const started = performance.now();
    const answers = await Promise.all(
      this.workers.map((worker, index) =>
        worker.ask({
          type: "add",
          editors: perWorker[index] ?? [],
          concurrency: Math.max(1, Math.ceil(concurrency / this.workers.length)),
        }),
      ),
    );
    const result: AddResult = { connected: 0, failed: 0, elapsedMs: performance.now() - started };
    for (const answer of answers) {
      if (answer.type !== "added") continue;
      result.connected += answer.connected;
      result.failed += answer.failed;
      result.firstError ??= answer.firstError;
    }
    return result;
  }

  async run(spec: RunSpec): Promise<LoadResult> {
    const answers = await Promise.all(
      this.workers.map((worker) => worker.ask({ type: "run", run: spec })),
    );
    const results = answers.flatMap((answer) => (answer.type === "ran" ? [answer.result] : []));
    const total = results.reduce((sum, result) => sum + result.latencies.length, 0);
    const latencies = new Float64Array(total);
    let offset = 0;
    for (const result of results) {
      latencies.set(result.latencies, offset);
      offset += result.latencies.length;
    }
    latencies.sort();
    const sum = (pick: (result: (typeof results)[number]) => number) =>
      results.reduce((total, result) => total + pick(result), 0);
    const worst = (pick: (lag: LagSummary) => number) =>
      Math.max(
        ...results.map((result) => pick(result.lag)).filter((value) => !Number.isNaN(value)),
      );
    return {
      latencies,
      sent: sum((result) => result.sent),
      expected: sum((result) => result.expected),
      received: sum((result) => result.received),
      divergentDocuments: sum((result) => result.divergentDocuments),
      disconnects: sum((result) => result.disconnects),
      lag: {
        p50: worst((lag) => lag.p50),
        p99: worst((lag) => lag.p99),
        max: worst((lag) => lag.max),
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
