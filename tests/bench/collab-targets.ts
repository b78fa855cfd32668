/**
 * The two servers the collab benchmark compares, each started as a process of its own on this
 * machine: ours (the real app, server/index.ts in production mode, on a fresh PGlite data
 * directory or a throwaway PostgreSQL) and @hocuspocus/server (tests/bench/collab-hocuspocus-
 * server.ts, in memory).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, PgliteDatabase, PostgresDatabase } from "../../server/embedded/db";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { migrate, repoRoot } from "../../server/embedded/migrate";
import { freePort, startPostgresServer } from "../helpers/postgres-server";
import type { ServerKind } from "./collab-protocol";
import { startBenchServer, stopBenchServer } from "./support/server";

export interface CollabTarget {
  kind: ServerKind;
  label: string;
  baseUrl: string;
  jwtSecret: string;
  /** Documents to spread editors over; the first is the one-document scenario's. */
  documents: string[];
  /** People with edit access to every document, used round-robin as the editors. */
  editors: string[];
  /** The server process, for its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

const secret = developmentJwtSecret;
const creatorEmail = "kalle.koordinaattori@keha.example";

/**
 * Creates the documents as their creator through `create_document` (in the coordinator's network,
 * so its members may edit) and returns the members for whom `document_access` says "edit".
 */
async function createDocuments(
  db: Database,
  count: number,
): Promise<{ documents: string[]; editors: string[] }> {
  const creator = (
    await db.query<{ id: string }>("select id from auth.users where email = $1", [creatorEmail])
  ).rows[0]?.id;
  if (!creator) throw new Error(`${creatorEmail} is missing: the demo data was not seeded`);
  const network = (
    await db.query<{ network_id: string }>(
      `select member.network_id from public.network_members as member
       where member.user_id = $1 and member.role = 'coordinator'
       order by (select count(*) from public.network_members as other
                 where other.network_id = member.network_id) desc
       limit 1`,
      [creator],
    )
  ).rows[0]?.network_id;
  if (!network) throw new Error(`${creatorEmail} coordinates no network`);
  const claims = { role: "authenticated", sub: creator };
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = await db.transaction(claims, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        "select public.create_document($1, 'guidance', 'fi', $2, null, $3) as id",
        [`Kuormitustesti ${index + 1}`, network, "<p>Ohjeen luonnos.</p>"],
      );
      return rows[0]?.id;
    });
    if (!id) throw new Error("create_document returned nothing");
    documents.push(id);
  }
  const members = await db.query<{ user_id: string }>(
    "select user_id from public.network_members where network_id = $1 order by user_id",
    [network],
  );
  const editors: string[] = [];
  for (const { user_id: userId } of members.rows) {
    const level = await db.transaction({ role: "authenticated", sub: userId }, async (tx) => {
      const { rows } = await tx.query<{ level: string | null }>(
        "select public.document_access($1) as level",
        [documents[0]],
      );
      return rows[0]?.level;
    });
    if (level === "edit") editors.push(userId);
  }
  if (editors.length === 0) throw new Error("nobody may edit the benchmark documents");
  return { documents, editors };
}

async function prepare(db: Database, documentCount: number) {
  await migrate(db, { seed: true });
  try {
    return await createDocuments(db, documentCount);
  } finally {
    await db.close();
  }
}

export async function startVerkko(options: {
  backend: "pglite" | "postgres";
  documentCount: number;
  profileDir?: string;
}): Promise<CollabTarget> {
  const cleanUps: (() => void)[] = [];
  let env: Record<string, string>;
  let prepared: { documents: string[]; editors: string[] };
  if (options.backend === "postgres") {
    const postgres = await startPostgresServer();
    cleanUps.push(() => postgres.stop());
    prepared = await prepare(PostgresDatabase.open(postgres.url(), 4), options.documentCount);
    env = { DATABASE_URL: postgres.url() };
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "verkko-bench-collab-"));
    cleanUps.push(() => rmSync(dataDir, { recursive: true, force: true }));
    prepared = await prepare(
      await PgliteDatabase.open(path.join(dataDir, "pglite")),
      options.documentCount,
    );
    env = { VERKKO_DATA_DIR: dataDir };
  }
  const { url, child } = await startBenchServer(env, { profileDir: options.profileDir });
  return {
    kind: "verkko",
    label: options.backend === "postgres" ? "Verkko (PostgreSQL 15)" : "Verkko (PGlite)",
    baseUrl: url,
    jwtSecret: secret,
    ...prepared,
    pid: child.pid ?? 0,
    async stop() {
      await stopBenchServer(child);
      for (const cleanUp of cleanUps.reverse()) cleanUp();
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startHocuspocus(options: {
  documentCount: number;
  profileDir?: string;
}): Promise<CollabTarget> {
  const port = await freePort();
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "tests/bench/collab-hocuspocus-server.ts"],
    {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), JWT_SECRET: secret, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Hocuspocus did not start in 30 s")), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Hocuspocus exited with ${code}`));
    });
  });
  // Any names do for Hocuspocus; UUIDs keep the collab token's claims valid.
  const documents = Array.from({ length: options.documentCount }, () => crypto.randomUUID());
  const editors = Array.from({ length: 10 }, () => crypto.randomUUID());
  return {
    kind: "hocuspocus",
    label: "Hocuspocus 3.4.4 (in memory)",
    baseUrl: `http://127.0.0.1:${port}`,
    jwtSecret: secret,
    documents,
    editors,
    pid: child.pid ?? 0,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}
