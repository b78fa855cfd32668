/**
 * REST throughput and latency: select by primary key, a filtered list of 20 rows with one embedded
 * to-one resource, and an insert; 50 concurrent connections against the real server on PGlite and
 * on a throwaway PostgreSQL. Run: npm run bench:rest [-- --seconds 10 --connections 50]
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PgliteDatabase, PostgresDatabase, type Database } from "../../server/embedded/db";
import { signJwt } from "../../server/embedded/jwt";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { migrate, repoRoot } from "../../server/embedded/migrate";
import { startPostgresServer } from "../helpers/postgres-server";
import { type LoadResult, runLoad } from "./support/load";
import { startBenchServer, stopBenchServer } from "./support/server";

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

async function runScenario(baseUrl: string, token: string, scenario: Scenario): Promise<LoadResult> {
  const result = await runLoad(baseUrl, {
    seconds,
    connections,
    next: () => ({
      method: scenario.method,
      path: scenario.path(),
      body: scenario.body?.(),
      headers: { authorization: `Bearer ${token}`, apikey: token, ...scenario.headers },
    }),
  });
  if (result.firstFailure) console.error(`  ${scenario.name}: first failure: ${result.firstFailure}`);
  return result;
}

async function prepare(db: Database): Promise<void> {
  await migrate(db, { seed: false });
  await db.exec(readFileSync(path.join(repoRoot, "tests/bench/fixtures.sql"), "utf8"));
  await db.close();
}

async function benchBackend(name: string, env: Record<string, string>): Promise<void> {
  const { url, child } = await startBenchServer(env, { profileDir: args["profile-dir"] });
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
    await stopBenchServer(child);
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
