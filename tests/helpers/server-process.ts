/** The real server (`server/index.ts`) as a child process on a free port and a fresh data dir. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../../server/embedded/migrate";

export interface ServerProcess {
  url: string;
  /** Everything the server wrote to stdout and stderr so far, for failure messages. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash: nothing is flushed, and a given data directory is kept for a restart. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  timeoutMs?: number;
  /** Reuse this data directory (and keep it afterwards), e.g. to restart after a kill. */
  dataDir?: string;
  port?: number;
  /** Extra environment, applied last (DATABASE_URL here runs the server on that PostgreSQL). */
  env?: NodeJS.ProcessEnv;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Starts the server (migrating and seeding a new embedded database) and waits for /healthz. */
export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "verkko-e2e-"));
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VERKKO_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    VERKKO_SEED: "true",
  };
  // Always the embedded stack on PGlite, whatever the developer's shell points at.
  for (const name of ["DATABASE_URL", "SUPABASE_URL", "SUPABASE_ANON_KEY", "VERKKO_PUBLIC_URL"]) {
    delete env[name];
  }
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const cleanUp = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (true) {
    if (child.exitCode !== null) {
      cleanUp();
      throw new Error(
        `server exited with code ${child.exitCode} before it was healthy:\n${output}`,
      );
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited(child);
      cleanUp();
      throw new Error(`server was not healthy at ${url}/healthz in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited(child);
      cleanUp();
      return code;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}
