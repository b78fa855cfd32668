/**
 * kill -9 of the real server while three editors type: after each restart the server still has
 * every update another client had seen more than a second before the kill (checked by a fresh
 * client before any editor reconnects), then everyone converges and the stored document holds it
 * all. On PGlite (its data directory must survive SIGKILL) and on PostgreSQL when it runs.
 * The long version is `npm run bench:collab-crash`.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { runCrashDrill } from "../../helpers/collab-crash";
import { availableBackends } from "../../helpers/databases";

async function emptyPostgresDatabase(): Promise<string> {
  const templateUrl = inject("postgresTemplateUrl");
  if (!templateUrl) throw new Error("no PostgreSQL server in this test run");
  const url = new URL(templateUrl);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  const name = `crash_${randomUUID().replaceAll("-", "")}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.href;
}

describe.each(availableBackends())("the collab server killed with SIGKILL on %s", (backend) => {
  it("keeps every update it received more than a second before each kill, and everyone converges", async () => {
    const report = await runCrashDrill({
      editors: 3,
      kills: 2,
      typeMs: 2500,
      databaseUrl: backend === "postgres" ? await emptyPostgresDatabase() : undefined,
    });
    for (const kill of report.kills) {
      // Enough was acknowledged for the check to mean something.
      expect(kill.acknowledged).toBeGreaterThan(20);
      expect(kill.missing).toEqual([]);
    }
    expect(report.lostFromConverged).toEqual([]);
    expect(report.storedText).toBe(report.convergedText);
  }, 600_000);
});
