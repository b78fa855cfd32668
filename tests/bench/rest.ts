/**
 * REST throughput and latency: select by primary key, a filtered list of 20 rows with one embedded
 * to-one resource, and an insert; 50 concurrent connections against the real server on PGlite and
 * on a throwaway PostgreSQL. Run: npm run bench:rest [-- --seconds 10 --connections 50]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PgliteDatabase, PostgresDatabase, type Database } from "../../server/embedded/db";
import { signJwt } from "../../server/embedded/jwt";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { migrate, repoRoot } from "../../server/embedded/migrate";
import { freePort, startPostgresServer } from "../helpers/postgres-server";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    backend: { type: "string", default: "all" },
    /** Writes a V8 CPU profile of the server into this directory. */
    "profile-dir": { type: "string" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);

interface Scenario {
  name: string;
  method: "GET" | "POST";
  path: () => string;
  body?: () => string;
  headers?: Record<string, string>;
}

const scenarios: Scenario[] = [
  {
    name: "select by primary key",
    method: "GET",
    path: () => `/rest/v1/bench_items?select=*&id=eq.${1 + Math.floor(Math.random() * 10000)}`,
    headers: { accept: "application/vnd.pgrst.object+json" },
  },
  {
    name: "20 rows + embedded to-one",
    method: "GET",
    path: () =>
      `/rest/v1/bench_items?select=id,title,created_at,group:bench_groups(id,name)&group_id=eq.${1 + Math.floor(Math.random() * 100)}&order=id.desc&limit=20`,
  },
  {
    name: "insert",
    method: "POST",
    path: () => "/rest/v1/bench_items",
    body: () =>
      JSON.stringify({ group_id: 1 + Math.floor(Math.random() * 100), title: "Uusi ohje" }),
    headers: { "content-type": "application/json", prefer: "return=minimal" },
  },
];

interface Result {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

async function runScenario(baseUrl: string, token: string, scenario: Scenario): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const deadline = performance.now() + seconds * 1000;

  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const body = scenario.body?.();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: scenario.method,
          path: scenario.path(),
          headers: { authorization: `Bearer ${token}`, apikey: token, ...scenario.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              failures++;
              firstFailure ??= `${status} ${Buffer.concat(chunks).toString().slice(0, 200)}`;
            } else latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on("error", (error) => {
        failures++;
        firstFailure ??= error.message;
        resolve();
      });
      req.end(body);
    });

  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  if (firstFailure) console.error(`  ${scenario.name}: first failure: ${firstFailure}`);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + failures,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}

async function prepare(db: Database): Promise<void> {
  await migrate(db, { seed: false });
  await db.exec(readFileSync(path.join(repoRoot, "tests/bench/fixtures.sql"), "utf8"));
  await db.close();
}

async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const profile = args["profile-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${args["profile-dir"]}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server/index.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      JWT_SECRET: developmentJwtSecret,
      VERKKO_SEED: "false",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    const healthy = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error("server did not become healthy in 30 s");
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function benchBackend(name: string, env: Record<string, string>): Promise<void> {
  const { url, child } = await startServer(env);
  try {
    const token = await signJwt(
      { sub: randomUUID(), role: "authenticated", aud: "authenticated" },
      developmentJwtSecret,
      3600,
    );
    // Warm up caches and JIT before measuring.
    for (const scenario of scenarios)
      await runScenario(url, token, { ...scenario }).catch(() => undefined);
    for (const scenario of scenarios) {
      const result = await runScenario(url, token, scenario);
      console.log(
        `| ${name} | ${scenario.name} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.failures} / ${result.requests} |`,
      );
    }
  } finally {
    await stopServer(child);
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `REST benchmark: ${connections} connections, ${seconds} s per scenario, ${cpus().length} × ${cpu}, Node ${process.version}`,
);
console.log("| backend | scenario | req/s | p50 ms | p95 ms | p99 ms | failed / total |");
console.log("|---|---|---|---|---|---|---|");

if (args.backend === "all" || args.backend === "pglite") {
  const dataDir = mkdtempSync(path.join(tmpdir(), "verkko-bench-"));
  try {
    await prepare(await PgliteDatabase.open(path.join(dataDir, "pglite")));
    await benchBackend("PGlite", { VERKKO_DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (args.backend === "all" || args.backend === "postgres") {
  const server = await startPostgresServer();
  try {
    await prepare(PostgresDatabase.open(server.url(), 4));
    await benchBackend("PostgreSQL 15", { DATABASE_URL: server.url() });
  } finally {
    server.stop();
  }
}
