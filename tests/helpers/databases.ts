/** Fresh, migrated databases for a test file: PGlite always, PostgreSQL when the server runs. */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, PgliteDatabase, PostgresDatabase } from "../../server/embedded/db";

export type Backend = "pglite" | "postgres";

export function availableBackends(): Backend[] {
  return inject("postgresTemplateUrl") ? ["pglite", "postgres"] : ["pglite"];
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database with platform.sql and every migration applied, and nobody else using it. */
export async function openMigratedDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    const template = readFileSync(inject("pgliteTemplatePath"));
    return PgliteDatabase.open(new Blob([template]));
  }
  const templateUrl = inject("postgresTemplateUrl");
  if (!templateUrl) throw new Error("no PostgreSQL server in this test run");
  const url = new URL(templateUrl);
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  await adminQuery(adminUrl.href, `create database ${name} template ${url.pathname.slice(1)}`);
  url.pathname = `/${name}`;
  const db = PostgresDatabase.open(url.href, 60);
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await close();
      await adminQuery(adminUrl.href, `drop database if exists ${name} with (force)`);
    },
  });
}
