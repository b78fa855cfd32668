/**
 * Row level security of the identity tables: for each table and verb, what every actor (anon,
 * pending, active member, member of another organisation, org admin at aal2 and at aal1, platform
 * admin) may do. "denied" is a 42501 (no grant or a policy's check), [] is "allowed to ask,
 * nothing visible or changed". Verbs no API role may use directly (memberships, the audit log)
 * get their allowed case through the audited functions in identity-functions.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { claimsOf, identityFixtureSql, organisations, people, type Person } from "./identity-fixture";
import { deniedForAll, outcomeOf, outcomesFor, signedInGet } from "./outcomes";

const allOrganisations = ["helsinki", "spare", "tampere"];
const activePeople = ["aino", "anna", "eero", "olli", "paula"];
const everyone = ["aino", "anna", "dave", "eero", "nobody", "olli", "paula", "pekka", "rita"];
const tampereStaff = ["aino", "anna", "dave", "pekka", "rita"];
const newOrganisation = "e0000000-0000-4000-8000-000000000099";

describe.each(availableBackends())("identity tables under RLS on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(identityFixtureSql);
  });
  afterAll(() => db.close());

  describe("organisations", () => {
    it("select: active members and platform admins read them, a pending user nothing", async () => {
      expect(await outcomesFor(db, "select id from public.organisations")).toEqual(
        signedInGet(allOrganisations, { pending: [] }),
      );
    });

    it("insert: only a platform admin at aal2", async () => {
      const sql = "insert into public.organisations (id, name_fi, kind) values ($1, 'Uusi', 'ngo') returning id";
      expect(await outcomesFor(db, sql, [newOrganisation])).toEqual({
        ...deniedForAll(),
        platformAdmin: [newOrganisation],
      });
    });

    it("update: only a platform admin at aal2", async () => {
      const sql = "update public.organisations set name_sv = 'Ny' where id = $1 returning id";
      expect(await outcomesFor(db, sql, [organisations.tampere])).toEqual(
        signedInGet([], { platformAdmin: ["tampere"] }),
      );
    });

    it("delete: only a platform admin at aal2", async () => {
      const sql = "delete from public.organisations where id = $1 returning id";
      expect(await outcomesFor(db, sql, [organisations.spare])).toEqual(
        signedInGet([], { platformAdmin: ["spare"] }),
      );
    });
  });

  describe("organisation_domains", () => {
    it("select: active members and platform admins read them, a pending user nothing", async () => {
      expect(await outcomesFor(db, "select domain from public.organisation_domains")).toEqual(
        signedInGet(["helsinki.test", "spare.test", "tampere.test"], { pending: [] }),
      );
    });

    it("insert: only a platform admin at aal2", async () => {
      const sql = "insert into public.organisation_domains (domain, organisation_id) values ('pirkkala.test', $1) returning domain";
      expect(await outcomesFor(db, sql, [organisations.tampere])).toEqual({
        ...deniedForAll(),
        platformAdmin: ["pirkkala.test"],
      });
    });

    it("update: only a platform admin at aal2", async () => {
      const sql = "update public.organisation_domains set organisation_id = $1 where domain = 'spare.test' returning domain";
      expect(await outcomesFor(db, sql, [organisations.tampere])).toEqual(
        signedInGet([], { platformAdmin: ["spare.test"] }),
      );
    });

    it("delete: only a platform admin at aal2", async () => {
      const sql = "delete from public.organisation_domains where domain = 'tampere.test' returning domain";
      expect(await outcomesFor(db, sql)).toEqual(signedInGet([], { platformAdmin: ["tampere.test"] }));
    });

    it("keeps domains lower-case", async () => {
      const sql = "insert into public.organisation_domains (domain, organisation_id) values ('Tampere.TEST', $1)";
      expect(await outcomeOf(db, claimsOf("paula", "aal2"), sql, [organisations.tampere])).toEqual({
        error: "23514",
      });
    });
  });

  describe("profiles", () => {
    it("select: own profile always, active people's when active, members' for their admin at aal2", async () => {
      expect(await outcomesFor(db, "select id from public.profiles")).toEqual({
        anon: "denied",
        pending: ["pekka"],
        member: activePeople,
        otherOrganisation: activePeople,
        orgAdmin: [...new Set([...activePeople, ...tampereStaff])].sort(),
        orgAdminAal1: activePeople,
        platformAdmin: everyone,
      });
    });

    it("insert: no API role; the sign-up trigger makes profiles", async () => {
      const sql = "insert into public.profiles (id) values (auth.uid()) returning id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
      const { rows } = await db.query("select 1 from public.profiles where id = $1", [people.pekka]);
      expect(rows).toHaveLength(1);
    });

    it("update: everyone their own profile, pending or not", async () => {
      const sql = "update public.profiles set title = 'Testaaja' where id = auth.uid() returning id";
      expect(await outcomesFor(db, sql)).toEqual({
        anon: "denied",
        pending: ["pekka"],
        member: ["aino"],
        otherOrganisation: ["olli"],
        orgAdmin: ["anna"],
        orgAdminAal1: ["anna"],
        platformAdmin: ["paula"],
      });
    });

    it("update: nobody someone else's profile, admins included", async () => {
      const sql = "update public.profiles set title = 'Kaapattu' where id = $1 returning id";
      expect(await outcomesFor(db, sql, [people.aino])).toEqual(signedInGet([], { member: ["aino"] }));
    });

    it("update: nobody moves their own home organisation", async () => {
      const sql = "update public.profiles set home_organisation_id = $1 where id = auth.uid() returning id";
      expect(await outcomesFor(db, sql, [organisations.helsinki])).toEqual(deniedForAll());
    });

    it("delete: no API role; deleting the auth user removes the profile", async () => {
      const sql = "delete from public.profiles where id = auth.uid() returning id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
    });
  });

  describe("organisation_members", () => {
    it("select: own rows always, active memberships when active, all of their organisation's for an admin at aal2", async () => {
      expect(await outcomesFor(db, "select user_id from public.organisation_members")).toEqual({
        anon: "denied",
        pending: ["pekka"],
        member: activePeople,
        otherOrganisation: activePeople,
        orgAdmin: [...new Set([...activePeople, ...tampereStaff])].sort(),
        orgAdminAal1: activePeople,
        platformAdmin: everyone.filter((person) => person !== "nobody"),
      });
    });

    it("insert: no API role directly (request_membership and the sign-up trigger do it)", async () => {
      const sql = "insert into public.organisation_members (organisation_id, user_id) values ($1, auth.uid()) returning user_id";
      expect(await outcomesFor(db, sql, [organisations.spare])).toEqual(deniedForAll());
    });

    it("update: no API role directly, not even an admin at aal2 (approve_membership … do it)", async () => {
      const sql = "update public.organisation_members set status = 'active' where user_id = $1 returning user_id";
      expect(await outcomesFor(db, sql, [people.pekka])).toEqual(deniedForAll());
    });

    it("delete: no API role directly", async () => {
      const sql = "delete from public.organisation_members where user_id = $1 returning user_id";
      expect(await outcomesFor(db, sql, [people.pekka])).toEqual(deniedForAll());
    });
  });

  describe("platform_admins", () => {
    it("select: only platform admins at aal2", async () => {
      expect(await outcomesFor(db, "select user_id from public.platform_admins")).toEqual(
        signedInGet([], { platformAdmin: ["eero", "paula"] }),
      );
    });

    it("insert: only platform admins at aal2", async () => {
      const sql = "insert into public.platform_admins (user_id) values ($1) returning user_id";
      expect(await outcomesFor(db, sql, [people.aino])).toEqual({ ...deniedForAll(), platformAdmin: ["aino"] });
    });

    it("update: no API role (there is nothing to change)", async () => {
      const sql = "update public.platform_admins set created_at = now() returning user_id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
    });

    it("delete: platform admins at aal2 remove others, never themselves", async () => {
      const others = "delete from public.platform_admins where user_id = $1 returning user_id";
      expect(await outcomesFor(db, others, [people.eero])).toEqual(
        signedInGet([], { platformAdmin: ["eero"] }),
      );
      const self = "delete from public.platform_admins where user_id = auth.uid() returning user_id";
      expect(await outcomeOf(db, claimsOf("paula", "aal2"), self)).toEqual([]);
    });
  });

  describe("audit_log", () => {
    it("select: platform admins all, an org admin their organisation's, both only at aal2", async () => {
      const sql = "select distinct organisation_id from public.audit_log";
      const outcomes = await outcomesFor(db, sql);
      expect(outcomes).toEqual(
        signedInGet([], {
          orgAdmin: ["tampere"],
          platformAdmin: ["helsinki", "none", "spare", "tampere"],
        }),
      );
    });

    it("insert: no API role, platform admins included (only the audited functions write)", async () => {
      const sql = "insert into public.audit_log (action) values ('forged.entry') returning id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
    });

    it("update: nobody, the owner included", async () => {
      const sql = "update public.audit_log set details = '{\"forged\":true}' returning id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
      await expect(db.query(sql)).rejects.toMatchObject({ code: "42501" });
    });

    it("delete: nobody, the owner included", async () => {
      const sql = "delete from public.audit_log returning id";
      expect(await outcomesFor(db, sql)).toEqual(deniedForAll());
      await expect(db.query(sql)).rejects.toMatchObject({ code: "42501" });
      await expect(db.query("truncate public.audit_log")).rejects.toMatchObject({ code: "42501" });
    });
  });

  describe("private.mfa_recovery_codes and private helpers", () => {
    it("no API role reads, adds, changes or removes recovery codes", async () => {
      for (const sql of [
        "select code_hash from private.mfa_recovery_codes",
        "insert into private.mfa_recovery_codes (user_id, code_hash) values (auth.uid(), repeat('a', 64)) returning user_id",
        "update private.mfa_recovery_codes set used_at = null returning user_id",
        "delete from private.mfa_recovery_codes returning user_id",
      ]) {
        expect(await outcomesFor(db, sql), sql).toEqual(deniedForAll());
      }
    });

    it("no API role writes the audit log through its private helper", async () => {
      const sql = "select private.record_audit('forged.entry', 'user', 'x', null, '{}')";
      expect(await outcomesFor(db, sql, [], "call")).toEqual(deniedForAll());
    });
  });

  describe("people who are not active members", () => {
    const outsiders: [Person, string][] = [
      ["pekka", "pending"],
      ["rita", "rejected"],
      ["dave", "deactivated"],
      ["nobody", "without an organisation"],
    ];

    it.each(outsiders)("%s (%s) reads nothing in any public table but their own profile and memberships", async (person) => {
      const { rows: tables } = await db.query<{ name: string }>(
        "select tablename as name from pg_tables where schemaname = 'public' order by 1",
      );
      const seen: Record<string, unknown> = {};
      for (const { name } of tables) {
        const outcome = await outcomeOf(db, claimsOf(person), `select to_jsonb(t)::text as row from public.${name} as t`);
        if (outcome === "denied") continue;
        const rows = Array.isArray(outcome) ? outcome : [];
        const foreign = rows.filter((row) => {
          const json = JSON.parse(row) as Record<string, unknown>;
          const owner = name === "profiles" ? json.id : name === "organisation_members" ? json.user_id : undefined;
          return owner !== people[person];
        });
        if (foreign.length > 0 || !Array.isArray(outcome)) seen[name] = Array.isArray(outcome) ? foreign : outcome;
      }
      expect(seen).toEqual({});
    });
  });
});
