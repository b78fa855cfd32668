/**
 * Co-editing under load: update fan-out latency (one editor's edit until every other editor of the
 * document has applied it) with 10 and 50 editors in one document, and capacity (editors spread
 * over 100 documents, ramped until the p95 passes 100 ms), for our collab server (the real app in
 * production mode) and @hocuspocus/server 3.4.4, one after the other in the same run on the same
 * machine with the same load shape.
 *
 * Run: npm run bench:collab [-- --seconds 20 --levels 200,400,800,1000,1200 --json out.json]
 * Small: npm run bench:collab -- --quick
 *
 * Every editor is a real client on its own websocket (y-websocket's WebsocketProvider for ours,
 * HocuspocusProvider for the peer), all in this process's worker threads: the load generator
 * shares the machine's CPUs with the server, so its CPU time and event-loop delay are printed
 * too; when the generator is late, the latencies include its lateness.
 */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus, freemem, platform, release, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { LoadPool, type LoadResult, percentile } from "./collab-load";
import type { EditorSpec, RunSpec } from "./collab-protocol";
import { type CollabTarget, startHocuspocus, startVerkko } from "./collab-targets";

const { values: args } = parseArgs({
  options: {
    servers: { type: "string", default: "verkko,hocuspocus" },
    backend: { type: "string", default: "pglite" },
    /** Editors in the one-document scenarios. */
    single: { type: "string", default: "10,50" },
    /** Edits per second per editor in the one-document scenarios (a person typing). */
    rate: { type: "string", default: "5" },
    warmup: { type: "string", default: "5" },
    seconds: { type: "string", default: "20" },
    documents: { type: "string", default: "100" },
    /** Total editors per node for the capacity ramp. */
    levels: { type: "string", default: "200,400,600,800,1000,1200,1400,1600,2000" },
    /** Edits per second per editor in the capacity ramp (most people in a document are not typing). */
    "capacity-rate": { type: "string", default: "1" },
    "capacity-seconds": { type: "string", default: "15" },
    "target-p95": { type: "string", default: "100" },
    workers: { type: "string", default: "1" },
    json: { type: "string" },
    /** Writes V8 CPU profiles of the servers into this directory. */
    "profile-dir": { type: "string" },
    /** Small sizes for development: 5 and 10 editors, levels 50 and 100, 5 s windows. */
    quick: { type: "boolean", default: false },
  },
});

const quick = args.quick;
const list = (value: string) =>
  value
    .split(",")
    .filter((item) => item.trim() !== "")
    .map((item) => Number(item.trim()));
const servers = args.servers.split(",").map((item) => item.trim());
const singles = quick ? [5, 10] : list(args.single);
const levels = quick ? [50, 100] : list(args.levels);
const documentCount = quick ? 20 : Number(args.documents);
const warmupMs = Number(args.warmup) * 1000;
const singleRun: RunSpec = {
  warmupMs,
  measureMs: (quick ? 5 : Number(args.seconds)) * 1000,
  drainMs: 2000,
  editsPerSecond: Number(args.rate),
};
const capacityRun: RunSpec = {
  warmupMs,
  measureMs: (quick ? 5 : Number(args["capacity-seconds"])) * 1000,
  drainMs: 2000,
  editsPerSecond: Number(args["capacity-rate"]),
};
const targetP95 = Number(args["target-p95"]);
const workers = Number(args.workers);

interface Row {
  server: string;
  scenario: "one document" | "capacity";
  editors: number;
  documents: number;
  editsPerSecond: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Receipts seen ÷ receipts expected. */
  delivered: number;
  divergentDocuments: number;
  disconnects: number;
  connectFailures: number;
  /** CPU time over the measured window, in % of one core. */
  serverCpu: number;
  generatorCpu: number;
  generatorLagP99: number;
  withinTarget: boolean;
}
const rows: Row[] = [];

/** utime + stime of a process in ms, from /proc (Linux); NaN elsewhere. */
async function cpuTimeOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat, counted from the state field (3); clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const format = (value: number, digits = 1) =>
  Number.isNaN(value)
    ? "–"
    : value.toLocaleString("en-GB", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });

function printRow(row: Row): void {
  console.log(
    `| ${row.server} | ${row.scenario} | ${row.editors} | ${row.documents} | ${format(row.editsPerSecond, 0)} | ${format(row.p50)} | ${format(row.p95)} | ${format(row.p99)} | ${format(row.delivered * 100, 2)} % | ${format(row.serverCpu, 0)} % | ${format(row.generatorCpu, 0)} % | ${format(row.generatorLagP99)} | ${row.divergentDocuments} / ${row.disconnects} / ${row.connectFailures} |`,
  );
}

async function measure(
  target: CollabTarget,
  pool: LoadPool,
  run: RunSpec,
): Promise<{ result: LoadResult; serverCpu: number; generatorCpu: number }> {
  // CPU time over the measured window only (not the warm-up or the drain).
  const sample = async () => ({
    at: performance.now(),
    server: await cpuTimeOf(target.pid),
    generator: process.cpuUsage(),
  });
  const sampleAfter = (ms: number) =>
    new Promise<Awaited<ReturnType<typeof sample>>>((resolve) =>
      setTimeout(() => resolve(sample()), ms),
    );
  const running = pool.run(run);
  const [result, from, to] = await Promise.all([
    running,
    sampleAfter(run.warmupMs),
    sampleAfter(run.warmupMs + run.measureMs),
  ]);
  const elapsed = to.at - from.at;
  const generator = process.cpuUsage(from.generator);
  const generatorToEnd = process.cpuUsage(to.generator);
  const generatorMs =
    (generator.user + generator.system - generatorToEnd.user - generatorToEnd.system) / 1000;
  return {
    result,
    serverCpu: ((to.server - from.server) / elapsed) * 100,
    generatorCpu: (generatorMs / elapsed) * 100,
  };
}

function toRow(
  target: CollabTarget,
  scenario: Row["scenario"],
  editors: number,
  documents: number,
  run: RunSpec,
  measured: Awaited<ReturnType<typeof measure>>,
  connectFailures: number,
): Row {
  const { result } = measured;
  const p95 = percentile(result.latencies, 0.95);
  const delivered = result.expected === 0 ? 1 : result.received / result.expected;
  return {
    server: target.label,
    scenario,
    editors,
    documents,
    editsPerSecond: editors * run.editsPerSecond,
    samples: result.latencies.length,
    p50: percentile(result.latencies, 0.5),
    p95,
    p99: percentile(result.latencies, 0.99),
    max: result.latencies[result.latencies.length - 1] ?? Number.NaN,
    delivered,
    divergentDocuments: result.divergentDocuments,
    disconnects: result.disconnects,
    connectFailures,
    serverCpu: measured.serverCpu,
    generatorCpu: measured.generatorCpu,
    generatorLagP99: result.lag.p99,
    // Missing receipts count against the level: a server that drops edits is not "fast".
    withinTarget:
      p95 <= targetP95 &&
      delivered >= 0.99 &&
      result.divergentDocuments === 0 &&
      connectFailures === 0,
  };
}

function editorsFor(
  target: CollabTarget,
  documents: string[],
  count: number,
  offset = 0,
): EditorSpec[] {
  return Array.from({ length: count }, (_, index) => {
    const at = offset + index;
    return {
      documentId: documents[at % documents.length] ?? "",
      userId: target.editors[at % target.editors.length] ?? "",
    };
  });
}

async function benchTarget(target: CollabTarget): Promise<void> {
  const setup = { kind: target.kind, baseUrl: target.baseUrl, jwtSecret: target.jwtSecret };
  // One fresh document per one-document scenario; the rest carry the capacity ramp.
  for (const [index, editors] of singles.entries()) {
    const document = target.documents[index];
    if (!document) throw new Error("not enough documents");
    const pool = new LoadPool(setup, 1);
    try {
      const added = await pool.add(editorsFor(target, [document], editors));
      if (added.firstError) console.error(`  connect: ${added.firstError}`);
      const measured = await measure(target, pool, singleRun);
      const row = toRow(target, "one document", editors, 1, singleRun, measured, added.failed);
      rows.push(row);
      printRow(row);
    } finally {
      await pool.close();
    }
  }

  const documents = target.documents.slice(singles.length);
  const pool = new LoadPool(setup, workers);
  try {
    let connected = 0;
    let failures = 0;
    for (const level of levels) {
      const added = await pool.add(editorsFor(target, documents, level - connected, connected));
      connected = level;
      failures += added.failed;
      if (added.firstError) console.error(`  connect: ${added.firstError}`);
      const measured = await measure(target, pool, capacityRun);
      const row = toRow(
        target,
        "capacity",
        level,
        documents.length,
        capacityRun,
        measured,
        failures,
      );
      rows.push(row);
      printRow(row);
      if (!row.withinTarget) break;
    }
  } finally {
    await pool.close();
  }
}

function machineInfo() {
  const cpuList = cpus();
  return {
    platform: `${platform()} ${release()}`,
    cpus: `${cpuList.length} × ${cpuList[0]?.model ?? "unknown CPU"}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
  };
}

const machine = machineInfo();
console.log(
  `Collab benchmark: ${machine.cpus}, ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} free), ${machine.platform}, Node ${machine.node}`,
);
console.log(
  `One document: ${singles.join(" and ")} editors × ${singleRun.editsPerSecond} edits/s, ${singleRun.measureMs / 1000} s after ${warmupMs / 1000} s warm-up. Capacity: ${documentCount} documents, ${capacityRun.editsPerSecond} edit/s per editor, ${capacityRun.measureMs / 1000} s per level, until p95 > ${targetP95} ms. Load generator: ${workers} worker thread(s) in this process, sharing the CPUs with the server.`,
);
console.log(
  "| server | scenario | editors | documents | edits/s | p50 ms | p95 ms | p99 ms | delivered | server CPU | generator CPU | generator tick lateness p99 ms | diverged / disconnects / connect failures |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");

const totalDocuments = documentCount + singles.length;
for (const name of servers) {
  const target =
    name === "hocuspocus"
      ? await startHocuspocus({ documentCount: totalDocuments, profileDir: args["profile-dir"] })
      : await startVerkko({
          backend: args.backend === "postgres" ? "postgres" : "pglite",
          documentCount: totalDocuments,
          profileDir: args["profile-dir"],
        });
  try {
    await benchTarget(target);
  } finally {
    await target.stop();
  }
}

/** The largest capacity level within the target, per server. */
function capacityOf(server: string): number {
  return Math.max(
    0,
    ...rows
      .filter((row) => row.server === server && row.scenario === "capacity" && row.withinTarget)
      .map((row) => row.editors),
  );
}

const labels = [...new Set(rows.map((row) => row.server))];
const ours = labels.find((label) => label.startsWith("Verkko"));
const peer = labels.find((label) => label.startsWith("Hocuspocus"));
const summary: string[] = [];
for (const label of labels)
  summary.push(`${label}: ${capacityOf(label)} editors per node within p95 ≤ ${targetP95} ms`);
if (ours && peer) {
  for (const editors of singles) {
    const a = rows.find(
      (row) => row.server === ours && row.scenario === "one document" && row.editors === editors,
    );
    const b = rows.find(
      (row) => row.server === peer && row.scenario === "one document" && row.editors === editors,
    );
    if (a && b)
      summary.push(
        `${editors} editors in one document, ours ÷ peer: p50 ${format(a.p50 / b.p50, 2)}, p95 ${format(a.p95 / b.p95, 2)}, p99 ${format(a.p99 / b.p99, 2)}`,
      );
  }
  const peerCapacity = capacityOf(peer);
  summary.push(
    `Capacity, ours ÷ peer: ${peerCapacity === 0 ? "–" : format(capacityOf(ours) / peerCapacity, 2)}`,
  );
}
if (ours) {
  const fifty = rows.find(
    (row) => row.server === ours && row.scenario === "one document" && row.editors === 50,
  );
  if (fifty)
    summary.push(
      `Goal p95 ≤ 25 ms at 50 editors in one document: ${fifty.p95 <= 25 ? "met" : "not met"} (${format(fifty.p95)} ms)`,
    );
  const capacity = capacityOf(ours);
  const ceiling = capacity === Math.max(...levels) ? " (the highest level tried)" : "";
  summary.push(
    `Goal ≥ 1,000 editors per node: ${capacity >= 1000 ? "met" : "not met"} (${capacity}${ceiling})`,
  );
}
console.log();
for (const line of summary) console.log(line);

if (args.json) {
  writeFileSync(
    args.json,
    `${JSON.stringify({ machine, singleRun, capacityRun, targetP95, workers, rows, summary }, null, 2)}\n`,
  );
}
