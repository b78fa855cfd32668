/**
 * Once per `vitest run`: a migrated PGlite data directory that each test file loads (under a
 * second), and, when PostgreSQL binaries exist, a throwaway server with a migrated template
 * database that each test file copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { PgliteDatabase, PostgresDatabase } from "../../server/embedded/db";
import { migrate } from "../../server/embedded/migrate";
import { type PostgresServer, postgresBinariesAvailable, startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateUrl: string | null;
  }
}

export const templateDatabaseName = "verkko_template";

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(path.join(tmpdir(), "verkko-test-"));
  const pglite = await PgliteDatabase.open();
  await migrate(pglite, { seed: false });
  const dump = await pglite.raw.dumpDataDir("none");
  const templatePath = path.join(workDir, "pglite-template.tar");
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplatePath", templatePath);

  let server: PostgresServer | undefined;
  if (postgresBinariesAvailable() && process.env.VERKKO_TEST_POSTGRES !== "0") {
    server = await startPostgresServer();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query(`create database ${templateDatabaseName}`);
    await admin.end();
    const template = PostgresDatabase.open(server.url(templateDatabaseName), 2);
    await migrate(template, { seed: false });
    await template.close();
    project.provide("postgresTemplateUrl", server.url(templateDatabaseName));
  } else {
    console.warn("PostgreSQL binaries not found: integration tests run on PGlite only.");
    project.provide("postgresTemplateUrl", null);
  }

  return () => {
    server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
