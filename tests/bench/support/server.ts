/** The real server (`server/index.ts`) in production mode as a child process, for benchmarks. */
import { type ChildProcess, spawn } from "node:child_process";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { repoRoot } from "../../../server/embedded/migrate";
import { freePort } from "../../helpers/postgres-server";

export interface BenchServer {
  url: string;
  child: ChildProcess;
}

/** Starts the server on a database that is already migrated (and filled); waits for /healthz. */
export async function startBenchServer(
  env: Record<string, string>,
  options: { profileDir?: string } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const profile = options.profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`]
    : [];
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
      // The morning jobs would otherwise run at start (digest e-mails for every benchmark person).
      VERKKO_JOBS: "false",
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

export async function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
