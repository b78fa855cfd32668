/** `npm start`: builds the Remix app when the build is missing or older than its sources, then serves. */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../embedded/migrate";

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    const time = entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildFile = path.join(repoRoot, "build/index.js");
  let builtAt: number;
  try {
    builtAt = statSync(buildFile).mtimeMs;
  } catch {
    return true;
  }
  const sources = [path.join(repoRoot, "app"), path.join(repoRoot, "remix.config.js")];
  return sources.some((source) =>
    statSync(source).isDirectory()
      ? newestModification(source) > builtAt
      : statSync(source).mtimeMs > builtAt,
  );
}

if (buildIsStale()) {
  console.log("Building the app (remix build)…");
  const result = spawnSync("npx", ["remix", "build"], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import("../index");
