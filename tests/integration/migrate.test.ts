import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/embedded/db";
import { migrate } from "../../server/embedded/migrate";
import { availableBackends, openMigratedDatabase } from "../helpers/databases";

describe.each(availableBackends())("migrations on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
  });
  afterAll(() => db.close());

  it("records applied migrations and applies nothing the second time", async () => {
    const again = await migrate(db, { seed: false });
    expect(again.applied).toEqual([]);
    const { rows } = await db.query<{ count: string | number }>(
      "select count(*)::int as count from supabase_migrations.schema_migrations",
    );
    expect(Number(rows[0]?.count)).toBeGreaterThanOrEqual(0);
  });

  it("provides Supabase's roles and auth helpers from the caller's claims", async () => {
    const sub = "00000000-0000-4000-8000-000000000001";
    const seen = await db.transaction({ role: "authenticated", sub }, async (tx) => {
      const { rows } = await tx.query<{ uid: string; role: string; user: string }>(
        "select auth.uid()::text as uid, auth.role() as role, current_user as user",
      );
      return rows[0];
    });
    expect(seen).toEqual({ uid: sub, role: "authenticated", user: "authenticated" });
  });

  it("forgets the claims when the transaction ends", async () => {
    await db.transaction({ role: "anon" }, async () => undefined);
    const { rows } = await db.query<{ uid: string | null; user: string }>(
      "select auth.uid() as uid, current_user as user",
    );
    expect(rows[0]?.uid).toBeNull();
    expect(rows[0]?.user).not.toBe("anon");
  });

  it("refuses a role that is not one of the API roles", async () => {
    await expect(db.transaction({ role: "postgres" }, async () => undefined)).rejects.toThrow(
      /may not be used/,
    );
  });

  it("gives service_role bypassrls and the others not", async () => {
    const { rows } = await db.query<{ rolname: string; rolbypassrls: boolean }>(
      "select rolname, rolbypassrls from pg_roles where rolname in ('anon','authenticated','service_role') order by rolname",
    );
    expect(rows).toEqual([
      { rolname: "anon", rolbypassrls: false },
      { rolname: "authenticated", rolbypassrls: false },
      { rolname: "service_role", rolbypassrls: true },
    ]);
  });
});
