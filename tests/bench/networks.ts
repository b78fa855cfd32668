/**
 * Network pages under load: the directory (/networks, plain and with filters) and a workspace
 * overview (/networks/:slug), rendered by the real server in production mode for signed-in
 * people, with 10,000 people, 500 networks and 200,000 posts in the database (tests/bench/
 * network-data.ts). PostgreSQL 15 (throwaway server) by default, PGlite with --backend pglite.
 *
 * Run: npm run bench:networks [-- --seconds 20 --connections 100 --backend postgres]
 *
 * Latency is measured at the client, on the same machine, over keep-alive connections: it is the
 * server's time plus the queueing in front of it; the server's own time comes from its
 * `Server-Timing: app;dur=` header (server/http/server-timing.ts). A
 * sequential pass (one connection) before the load shows the unloaded time per page, and the
 * number of database transactions each page costs (from pg_stat_database on PostgreSQL).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, freemem, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Database, PgliteDatabase, PostgresDatabase } from "../../server/embedded/db";
import { migrate } from "../../server/embedded/migrate";
import { startPostgresServer } from "../helpers/postgres-server";
import { generateNetworkData } from "./network-data";
import { type LoadRequest, type LoadResult, percentile, runLoad } from "./support/load";
import { startBenchServer, stopBenchServer } from "./support/server";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "100" },
    backend: { type: "string", default: "postgres" },
    users: { type: "string", default: "10000" },
    networks: { type: "string", default: "500" },
    posts: { type: "string", default: "200000" },
    /** How many of the generated people sign in and share the load. */
    "sample-users": { type: "string", default: "200" },
    /**
     * A PostgreSQL database this benchmark filled before (kept with --keep): skips generating,
     * applies new migrations only. For trying an index without waiting for the data again.
     */
    "database-url": { type: "string" },
    /** Leaves the throwaway PostgreSQL server running and prints its URL, for --database-url. */
    keep: { type: "boolean", default: false },
    /** Writes a V8 CPU profile of the server into this directory. */
    "profile-dir": { type: "string" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const sampleSize = Number(args["sample-users"]);
const password = "Verkko-bench-2025";
const reuse = args["database-url"] !== undefined;

interface SignedIn {
  email: string;
  cookie: string;
  /** Slugs of the networks this person is a member of. */
  memberOf: string[];
}

interface Page {
  name: string;
  next: (person: SignedIn) => string;
}

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
};

/** Keeps the cookies a response sets (name=value only), replacing earlier values of the same name. */
function mergeCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const header of setCookies) {
    const pair = header.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

/** Signs in through the real login form, as a browser would, and keeps the session cookies. */
async function signInThroughForm(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/networks" }),
  });
  if (response.status !== 302 && response.status !== 303) {
    throw new Error(`signing in ${email} gave ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  const jar = new Map<string, string>();
  mergeCookies(jar, response.headers.getSetCookie());
  if (![...jar.keys()].some((name) => name.startsWith("sb-verkko-auth-token"))) {
    throw new Error(`signing in ${email} set no session cookie`);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** An even sample of the generated people, with the networks each is a member of. */
async function choosePeople(db: Database): Promise<{ email: string; memberOf: string[] }[]> {
  const { rows } = await db.query<{ email: string; slugs: string[] }>(
    `with generated as (
       select account.id, account.email, row_number() over (order by account.id) as n,
         count(*) over () as total
       from auth.users as account where account.id::text like 'b0000000-%'
     )
     select generated.email,
       coalesce(array_agg(network.slug) filter (where network.slug is not null), '{}') as slugs
     from generated
     left join public.network_members as member on member.user_id = generated.id
     left join public.networks as network on network.id = member.network_id
     where generated.n % greatest(generated.total / $1, 1) = 0
     group by generated.email
     limit $1`,
    [sampleSize],
  );
  if (rows.length === 0) throw new Error("no generated people in the database");
  return rows.map((row) => ({ email: row.email, memberOf: row.slugs }));
}

async function signInAll(
  baseUrl: string,
  people: { email: string; memberOf: string[] }[],
): Promise<SignedIn[]> {
  const signedIn: SignedIn[] = [];
  // A few at a time: the server is not under test yet, and sign-in costs a bcrypt comparison.
  for (let i = 0; i < people.length; i += 8) {
    const batch = people.slice(i, i + 8);
    const cookies = await Promise.all(batch.map((person) => signInThroughForm(baseUrl, person.email)));
    for (const [index, person] of batch.entries()) {
      signedIn.push({ ...person, cookie: cookies[index] ?? "" });
    }
  }
  return signedIn;
}

function pagesFor(publicSlugs: string[]): Page[] {
  const searches = ["työttömyysturva", "palkkatuki", "kotoutuminen", "Ohjaamo", "rekrytointi"];
  const kinds = ["national", "regional", "independent", "legal_sparring", "editorial_board", "ict"];
  return [
    { name: "directory", next: () => "/networks" },
    {
      name: "directory, filtered",
      next: () => {
        // The directory's own parameters (app/lib/network-directory.server.ts).
        const roll = Math.random();
        if (roll < 0.3) return `/networks?q=${encodeURIComponent(pick(searches))}`;
        if (roll < 0.5) return `/networks?kind=${pick(kinds)}`;
        if (roll < 0.7) return "/networks?mine=1";
        if (roll < 0.8) return `/networks?topic=${encodeURIComponent(pick(searches))}&active=1`;
        return `/networks?kind=${pick(kinds)}&q=${encodeURIComponent(pick(searches))}`;
      },
    },
    {
      name: "workspace overview",
      // Mostly the person's own networks, now and then one they may only read.
      next: (person) =>
        `/networks/${person.memberOf.length > 0 && Math.random() < 0.8 ? pick(person.memberOf) : pick(publicSlugs)}`,
    },
  ];
}

function requestFor(page: Page, people: SignedIn[]): LoadRequest {
  const person = pick(people);
  return {
    method: "GET",
    path: page.next(person),
    headers: { cookie: person.cookie, accept: "text/html", "accept-language": "fi" },
  };
}

/** Unloaded time per page, one request after another. */
async function sequentialPass(baseUrl: string, page: Page, people: SignedIn[], count: number) {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = requestFor(page, people);
    const started = performance.now();
    const response = await fetch(`${baseUrl}${next.path}`, { headers: next.headers, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) {
      throw new Error(`${next.path} gave ${response.status} (${response.headers.get("location") ?? ""})`);
    }
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

/** Transactions the database committed or rolled back (PostgreSQL's own statistics). */
async function transactionCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Backends flush their statistics at most once a second; wait for them.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await client.query("select pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: string }>(
      "select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function row(backend: string, page: string, result: LoadResult, unloaded: { p50: number }, perPage: string) {
  return `| ${backend} | ${page} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.serverP50.toFixed(1)} | ${result.serverP95.toFixed(1)} | ${unloaded.p50.toFixed(1)} | ${perPage} | ${result.failures} / ${result.requests} |`;
}

async function bench(
  backendName: string,
  db: Database,
  env: Record<string, string>,
  postgresUrl: string | undefined,
): Promise<void> {
  const started = performance.now();
  await migrate(db, { seed: true });
  if (reuse) {
    console.log(`Reusing the data in ${backendName} (migrations applied)`);
  } else {
    console.log(`Generating data on ${backendName}:`);
    await generateNetworkData(
      db,
      {
        users: Number(args.users),
        networks: Number(args.networks),
        posts: Number(args.posts),
        password,
      },
      (message) => console.log(message),
    );
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const { rows: publicRows } = await db.query<{ slug: string }>(
    "select slug from public.networks where visibility = 'signed_in'",
  );
  const publicSlugs = publicRows.map((r) => r.slug);
  const { rows: shape } = await db.query<Record<string, string>>(
    `select
       (select count(*) from public.profiles)::text as people,
       (select count(*) from public.networks)::text as networks,
       (select count(*) from public.network_members)::text as memberships,
       (select max(active_member_count) from public.networks)::text as largest_network,
       (select percentile_disc(0.5) within group (order by active_member_count) from public.networks)::text as median_network,
       (select count(*) from public.discussion_threads)::text as threads,
       (select count(*) from public.discussion_replies)::text as replies,
       (select max(reply_count) from public.discussion_threads)::text as longest_thread,
       (select count(*) from public.meetings)::text as meetings,
       (select count(*) from public.tasks)::text as tasks,
       (select count(*) from public.notifications)::text as notifications`,
  );
  console.log(`  ${Object.entries(shape[0] ?? {}).map(([k, v]) => `${k.replaceAll("_", " ")} ${v}`).join(", ")}`);

  const sample = await choosePeople(db);
  // The server opens the database itself (PGlite allows one process on its data directory).
  await db.close();
  const { url, child } = await startBenchServer(env, { profileDir: args["profile-dir"] });
  try {
    const people = await signInAll(url, sample);
    console.log(`  ${people.length} people signed in through /login`);
    const pages = pagesFor(publicSlugs);
    const results: string[] = [];
    // Warm-up (JIT, caches, connection pools, the server's jobs at start) before any measuring.
    for (const page of pages) {
      await runLoad(url, { seconds: Math.min(5, seconds), connections, next: () => requestFor(page, people) });
    }
    for (const page of pages) {
      const sequentialCount = 50;
      const before = postgresUrl ? await transactionCount(postgresUrl) : 0;
      const unloaded = await sequentialPass(url, page, people, sequentialCount);
      const after = postgresUrl ? await transactionCount(postgresUrl) : 0;
      const perPage = postgresUrl ? ((after - before) / sequentialCount).toFixed(1) : "–";
      const result = await runLoad(url, { seconds, connections, next: () => requestFor(page, people) });
      if (result.firstFailure) console.error(`  ${page.name}: first failure: ${result.firstFailure}`);
      results.push(row(backendName, page.name, result, unloaded, perPage));
    }
    console.log(
      "| backend | page | req/s | p50 ms | p95 ms | p99 ms | server p50 ms | server p95 ms | unloaded p50 ms | db transactions / page | failed / total |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const line of results) console.log(line);
  } finally {
    await stopBenchServer(child);
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Network pages benchmark: ${connections} connections, ${seconds} s per page, ${args.users} people, ${args.networks} networks, ${args.posts} posts; ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), Node ${process.version}`,
);

if (args.backend === "pglite") {
  const dataDir = mkdtempSync(path.join(tmpdir(), "verkko-bench-"));
  try {
    const db = await PgliteDatabase.open(path.join(dataDir, "pglite"));
    await bench("PGlite", db, { VERKKO_DATA_DIR: dataDir }, undefined);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
} else if (args.backend === "postgres") {
  const server = args["database-url"] ? undefined : await startPostgresServer();
  const url = args["database-url"] ?? server?.url() ?? "";
  try {
    const db = PostgresDatabase.open(url, 4);
    const { rows } = await db.query<{ version: string }>("select current_setting('server_version') as version");
    console.log(`PostgreSQL ${rows[0]?.version ?? "?"}${server ? " (throwaway server, fsync=off)" : ""}`);
    await bench("PostgreSQL", db, { DATABASE_URL: url }, url);
  } finally {
    if (server && args.keep) console.log(`Kept the database: --database-url ${url}`);
    else server?.stop();
  }
} else {
  throw new Error(`--backend must be postgres or pglite, not ${args.backend}`);
}
