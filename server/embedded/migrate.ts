import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./db";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
const platformSqlPath = path.join(here, "platform.sql");
const migrationsDir = path.join(repoRoot, "supabase/migrations");
/** Each part's own demo data, applied after seed.sql in name order (config.toml says the same). */
const seedsDir = path.join(repoRoot, "supabase/seeds");

/** Supabase CLI's own file naming: `<timestamp>_<name>.sql`. */
const migrationFileName = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
}

async function listMigrations(): Promise<{ version: string; name: string; file: string }[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith(".sql")).sort();
  return files.map((file) => {
    const match = migrationFileName.exec(file);
    if (!match?.[1] || !match[2]) {
      throw new Error(`migration file name must look like 20250101000000_name.sql: ${file}`);
    }
    return { version: match[1], name: match[2], file: path.join(migrationsDir, file) };
  });
}

/**
 * Applies platform.sql (idempotent), then every migration not yet recorded in
 * supabase_migrations.schema_migrations, each in its own transaction together with its record,
 * then supabase/seed.sql and supabase/seeds/*.sql, each once, when `seed` is set.
 */
export async function migrate(db: Database, options: { seed: boolean }): Promise<MigrationReport> {
  await db.exec(await readFile(platformSqlPath, "utf8"));
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, name text, statements text[]
    );
    create table if not exists supabase_migrations.seed_files (
      path text primary key, hash text not null
    );`);

  const { rows } = await db.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations",
  );
  const done = new Set(rows.map((row) => row.version));
  const applied: string[] = [];
  for (const migration of await listMigrations()) {
    if (done.has(migration.version)) continue;
    const sql = await readFile(migration.file, "utf8");
    // version and name are digits and [a-z0-9_] only (checked above), safe to inline.
    await db.exec(
      `${sql}\n;\ninsert into supabase_migrations.schema_migrations (version, name) values ('${migration.version}', '${migration.name}');`,
    );
    applied.push(`${migration.version}_${migration.name}`);
  }

  let seeded = false;
  if (options.seed) {
    for (const seedFile of await listSeedFiles()) {
      if (await applySeedOnce(db, seedFile)) seeded = true;
    }
  }
  return { applied, seeded };
}

/** supabase/seed.sql, then supabase/seeds/*.sql by name; paths relative to the repository. */
async function listSeedFiles(): Promise<string[]> {
  const parts = await readdir(seedsDir).catch(() => [] as string[]);
  return [
    "supabase/seed.sql",
    ...parts.filter((file) => file.endsWith(".sql")).sort().map((file) => `supabase/seeds/${file}`),
  ];
}

/** Runs one seed file unless it has already run here; true when it ran. */
async function applySeedOnce(db: Database, relativePath: string): Promise<boolean> {
  const sql = await readFile(path.join(repoRoot, relativePath), "utf8").catch(() => "");
  const already = await db.query("select 1 from supabase_migrations.seed_files where path = $1", [
    relativePath,
  ]);
  if (!sql || already.rows.length > 0) return false;
  const hash = createHash("sha256").update(sql).digest("hex");
  // The path comes from readdir filtered to *.sql under our own folder; quotes are doubled anyway.
  await db.exec(
    `${sql}\n;\ninsert into supabase_migrations.seed_files (path, hash) values ('${relativePath.replaceAll("'", "''")}', '${hash}');`,
  );
  return true;
}
