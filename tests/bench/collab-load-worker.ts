/**
 * A load worker of the collab benchmark: holds editors (each a Y.Doc on its own websocket), makes
 * them type, and measures fan-out. Every editor of one document lives in the same worker, so the
 * send time written into an edit and the receipt time come from one clock.
 *
 * An edit is one transaction: a character typed at the editor's own cursor in the Y.Text "body"
 * (consecutive characters, as a person types, so the document does not fragment unrealistically)
 * and the send time under the editor's key in the Y.Map "probe". Every other editor's probe
 * observer records now − send time when the edit is applied there.
 */
import { parentPort, threadId, workerData } from "node:worker_threads";
import * as Y from "yjs";
import { type BenchEditor, connectEditor } from "./collab-editors";
import type {
  EditorSpec,
  FromWorker,
  RunResult,
  RunSpec,
  ToWorker,
  WorkerSetup,
} from "./collab-protocol";

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error("collab-load-worker runs as a worker thread");

/** Milliseconds on a clock shared by all threads of this process. */
const clock = () => performance.timeOrigin + performance.now();

interface Recording {
  from: number;
  to: number;
  latencies: number[];
  received: number;
}
let recording: Recording | undefined;

interface Typist {
  key: string;
  documentId: string;
  editor: BenchEditor;
  body: Y.Text;
  probe: Y.Map<number>;
  cursor: Y.RelativePosition | undefined;
  nextAt: number;
}

const typists: Typist[] = [];
let nextKey = 0;
const letters = "abcdefghijklmnopqrstuvwxyzäö      ";

function track(editor: BenchEditor, spec: EditorSpec): Typist {
  const body = editor.doc.getText("body");
  const probe = editor.doc.getMap<number>("probe");
  probe.observe((event) => {
    if (event.transaction.local || !recording) return;
    const now = clock();
    for (const key of event.keysChanged) {
      const sentAt = probe.get(key);
      if (sentAt === undefined || sentAt < recording.from || sentAt >= recording.to) continue;
      recording.latencies.push(now - sentAt);
      recording.received++;
    }
  });
  return {
    key: `${threadId}.${nextKey++}`,
    documentId: spec.documentId,
    editor,
    body,
    probe,
    cursor: undefined,
    nextAt: 0,
  };
}

/** Types one character; returns the send time written into the edit. */
function type(typist: Typist): number {
  const { body, editor } = typist;
  // Mostly continues where this person stopped; now and then clicks somewhere else.
  let index = typist.cursor
    ? (Y.createAbsolutePositionFromRelativePosition(typist.cursor, editor.doc)?.index ?? 0)
    : Math.floor(Math.random() * (body.length + 1));
  if (Math.random() < 0.02) index = Math.floor(Math.random() * (body.length + 1));
  const letter = letters[Math.floor(Math.random() * letters.length)] ?? "a";
  const sentAt = clock();
  editor.doc.transact(() => {
    body.insert(index, letter);
    typist.probe.set(typist.key, sentAt);
  });
  typist.cursor = Y.createRelativePositionFromTypeIndex(body, index + 1);
  return sentAt;
}

async function add(editors: EditorSpec[], concurrency: number): Promise<FromWorker> {
  const started = clock();
  let connected = 0;
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  const connectNext = async (): Promise<void> => {
    while (next < editors.length) {
      const spec = editors[next++];
      if (!spec) return;
      try {
        typists.push(track(await connectEditor(setup, spec), spec));
        connected++;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, connectNext));
  return { type: "added", connected, failed, firstError, elapsedMs: clock() - started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function divergentDocuments(): number {
  const texts = new Map<string, string>();
  const divergent = new Set<string>();
  for (const typist of typists) {
    const text = typist.body.toString();
    const seen = texts.get(typist.documentId);
    if (seen === undefined) texts.set(typist.documentId, text);
    else if (seen !== text) divergent.add(typist.documentId);
  }
  return divergent.size;
}

async function run(spec: RunSpec): Promise<RunResult> {
  const editorsPerDocument = new Map<string, number>();
  for (const typist of typists)
    editorsPerDocument.set(typist.documentId, (editorsPerDocument.get(typist.documentId) ?? 0) + 1);
  const disconnectsBefore = typists.reduce((sum, typist) => sum + typist.editor.disconnects(), 0);
  const interval = 1000 / spec.editsPerSecond;
  const start = clock();
  // A random phase per person, so the edits do not arrive in lockstep.
  for (const typist of typists) typist.nextAt = start + Math.random() * interval;
  const measureFrom = start + spec.warmupMs;
  const measureTo = measureFrom + spec.measureMs;
  recording = { from: measureFrom, to: measureTo, latencies: [], received: 0 };
  let sent = 0;
  let expected = 0;

  // How late each tick of the typing loop ran: the generator's own delay, which every
  // latency below includes.
  const tickPeriod = 5;
  const lateness: number[] = [];
  let previousTick = clock();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = clock();
      if (now >= measureFrom) lateness.push(Math.max(0, now - previousTick - tickPeriod));
      previousTick = now;
      if (now >= measureTo) {
        clearInterval(tick);
        resolve();
        return;
      }
      for (const typist of typists) {
        if (typist.nextAt > now) continue;
        const sentAt = type(typist);
        typist.nextAt += interval * (0.5 + Math.random());
        // Catching up after a stall would be a burst no person types; skip what was missed.
        if (typist.nextAt < now) typist.nextAt = now + Math.random() * interval;
        if (sentAt >= measureFrom && sentAt < measureTo) {
          sent++;
          expected += (editorsPerDocument.get(typist.documentId) ?? 1) - 1;
        }
      }
    }, tickPeriod);
  });
  lateness.sort((a, b) => a - b);
  const lateAt = (fraction: number) =>
    lateness[Math.min(lateness.length - 1, Math.floor(lateness.length * fraction))] ?? Number.NaN;
  await sleep(spec.drainMs);
  // Under overload the last edits may still be on their way; convergence gets a little longer.
  for (let wait = 0; wait < 20 && divergentDocuments() > 0; wait++) await sleep(500);
  const done = recording;
  recording = undefined;
  const latencies = Float64Array.from(done.latencies);
  return {
    latencies,
    sent,
    expected,
    received: done.received,
    divergentDocuments: divergentDocuments(),
    disconnects:
      typists.reduce((sum, typist) => sum + typist.editor.disconnects(), 0) - disconnectsBefore,
    lag: { p50: lateAt(0.5), p99: lateAt(0.99), max: lateness[lateness.length - 1] ?? Number.NaN },
  };
}

port.on("message", (message: ToWorker) => {
  const reply = (answer: FromWorker, transfer: ArrayBuffer[] = []) =>
    port.postMessage(answer, transfer);
  const fail = (error: unknown) =>
    reply({
      type: "error",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  if (message.type === "add") add(message.editors, message.concurrency).then(reply, fail);
  else if (message.type === "run")
    run(message.run).then(
      (result) => reply({ type: "ran", result }, [result.latencies.buffer as ArrayBuffer]),
      fail,
    );
  else {
    for (const typist of typists.splice(0)) typist.editor.destroy();
    reply({ type: "closed" });
  }
});
port.postMessage({ type: "ready" } satisfies FromWorker);
