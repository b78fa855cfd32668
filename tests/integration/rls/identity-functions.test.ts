/**
 * The join flow's and MFA's functions as the database sees them: who may call each one (the
 * allowed cases of the verbs no API role may use on the tables directly), the errors they raise,
 * and the sign-up trigger. The supabase-js flows are in tests/integration/identity.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { claimsOf, identityFixtureSql, organisations, people } from "./identity-fixture";
import { deniedForAll, outcomeOf, outcomesFor, signedInGet } from "./outcomes";

/** Allowed for an org admin of Tampere at aal2 and a platform admin at aal2, refused for the rest. */
const adminsAtAal2Only = { ...deniedForAll(), orgAdmin: "ok", platformAdmin: "ok" } as const;

describe.each(availableBackends())("identity functions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(identityFixtureSql);
  });
  afterAll(() => db.close());

  describe("who may call what", () => {
    it("approve_membership: an admin of the organisation or a platform admin, at aal2", async () => {
      const sql = "select public.approve_membership($1, $2)";
      expect(await outcomesFor(db, sql, [people.pekka, organisations.tampere], "call")).toEqual(adminsAtAal2Only);
    });

    it("reject_membership: an admin of the organisation or a platform admin, at aal2", async () => {
      const sql = "select public.reject_membership($1, $2)";
      expect(await outcomesFor(db, sql, [people.pekka, organisations.tampere], "call")).toEqual(adminsAtAal2Only);
    });

    it("deactivate_member: an admin of the organisation or a platform admin, at aal2", async () => {
      const sql = "select public.deactivate_member($1, $2)";
      expect(await outcomesFor(db, sql, [people.aino, organisations.tampere], "call")).toEqual(adminsAtAal2Only);
    });

    it("reactivate_member: an admin of the organisation or a platform admin, at aal2", async () => {
      const sql = "select public.reactivate_member($1, $2)";
      expect(await outcomesFor(db, sql, [people.dave, organisations.tampere], "call")).toEqual(adminsAtAal2Only);
    });

    it("set_member_role: an admin of the organisation or a platform admin, at aal2", async () => {
      const sql = "select public.set_member_role($1, $2, 'admin')";
      expect(await outcomesFor(db, sql, [people.aino, organisations.tampere], "call")).toEqual(adminsAtAal2Only);
    });

    it("reset_member_mfa: an admin of the member's organisation or a platform admin, at aal2", async () => {
      const sql = "select public.reset_member_mfa($1)";
      expect(await outcomesFor(db, sql, [people.aino], "call")).toEqual(adminsAtAal2Only);
    });

    it("an admin of one organisation cannot act in another", async () => {
      const sql = "select public.approve_membership($1, $2)";
      const tampereAdmin = claimsOf("anna", "aal2");
      expect(await outcomeOf(db, tampereAdmin, sql, [people.olli, organisations.helsinki], "call")).toBe("denied");
      expect(await outcomeOf(db, tampereAdmin, "select public.reset_member_mfa($1)", [people.olli], "call")).toBe("denied");
    });

    it("request_membership: a signed-in person without an active membership", async () => {
      const sql = "select public.request_membership($1)";
      expect(await outcomesFor(db, sql, [organisations.spare], "call")).toEqual({ ...deniedForAll(), pending: "ok" });
      expect(await outcomeOf(db, claimsOf("nobody"), sql, [organisations.spare], "call")).toBe("ok");
      expect(await outcomeOf(db, claimsOf("rita"), sql, [organisations.tampere], "call")).toBe("ok");
      expect(await outcomeOf(db, claimsOf("dave"), sql, [organisations.tampere], "call")).toBe("denied");
    });

    it("my_access: anyone signed in; the sign-up lookups: anyone, anon included", async () => {
      expect(await outcomesFor(db, "select public.my_access()", [], "call")).toEqual(signedInGet("ok"));
      const lookups = [
        "select public.organisation_for_email('x@tampere.test')",
        "select public.list_organisations_for_signup()",
      ];
      for (const sql of lookups) {
        expect(await outcomesFor(db, sql, [], "call"), sql).toEqual(signedInGet("ok", { anon: "ok" }));
      }
    });

    it("generate_recovery_codes: only at aal2 with a verified factor", async () => {
      const sql = "select public.generate_recovery_codes()";
      expect(await outcomesFor(db, sql, [], "call")).toEqual({ ...deniedForAll(), orgAdmin: "ok" });
      expect(await outcomeOf(db, claimsOf("aino", "aal2"), sql, [], "call")).toBe("ok");
    });

    it("redeem_recovery_code: anyone signed in, anon not", async () => {
      const sql = "select public.redeem_recovery_code('wrong-code-here')";
      expect(await outcomesFor(db, sql, [], "call")).toEqual(signedInGet("ok"));
    });
  });

  describe("what they refuse", () => {
    const admin = claimsOf("anna", "aal2");

    it("P0002 for a membership or organisation that does not exist", async () => {
      const approve = "select public.approve_membership($1, $2)";
      expect(await outcomeOf(db, admin, approve, [people.nobody, organisations.tampere], "call")).toEqual({ error: "P0002" });
      const request = "select public.request_membership($1)";
      expect(await outcomeOf(db, claimsOf("nobody"), request, ["e0000000-0000-4000-8000-0000000000ff"], "call")).toEqual({ error: "P0002" });
      const reset = "select public.reset_member_mfa($1)";
      expect(await outcomeOf(db, claimsOf("paula", "aal2"), reset, ["f0000000-0000-4000-8000-0000000000ff"], "call")).toEqual({ error: "P0002" });
    });

    it("22023 for a change the membership's state does not allow", async () => {
      expect(await outcomeOf(db, admin, "select public.approve_membership($1, $2)", [people.aino, organisations.tampere], "call")).toEqual({ error: "22023" });
      expect(await outcomeOf(db, admin, "select public.reactivate_member($1, $2)", [people.aino, organisations.tampere], "call")).toEqual({ error: "22023" });
      expect(await outcomeOf(db, admin, "select public.set_member_role($1, $2, 'owner')", [people.aino, organisations.tampere], "call")).toEqual({ error: "22023" });
      expect(await outcomeOf(db, admin, "select public.set_member_role($1, $2, 'admin')", [people.pekka, organisations.tampere], "call")).toEqual({ error: "22023" });
    });

    it("42501 for an admin deactivating or demoting themselves", async () => {
      expect(await outcomeOf(db, admin, "select public.deactivate_member($1, $2)", [people.anna, organisations.tampere], "call")).toBe("denied");
      expect(await outcomeOf(db, admin, "select public.set_member_role($1, $2, 'member')", [people.anna, organisations.tampere], "call")).toBe("denied");
    });

    it("says why an aal1 admin is refused", async () => {
      await expect(
        db.transaction(claimsOf("anna", "aal1"), (tx) =>
          tx.query("select public.approve_membership($1, $2)", [people.pekka, organisations.tampere]),
        ),
      ).rejects.toMatchObject({ code: "42501", message: expect.stringContaining("two-step authentication") });
    });
  });

  describe("the sign-up trigger", () => {
    async function signUp(email: string, metadata: Record<string, unknown> = {}) {
      const { rows } = await db.query<{ id: string }>(
        "insert into auth.users (aud, role, email, raw_user_meta_data) values ('authenticated', 'authenticated', $1, $2) returning id",
        [email, JSON.stringify(metadata)],
      );
      const id = rows[0]?.id ?? "";
      const profile = await db.query<{ display_name: string; home_organisation_id: string | null; preferred_locale: string }>(
        "select display_name, home_organisation_id, preferred_locale from public.profiles where id = $1",
        [id],
      );
      const memberships = await db.query<{ organisation_id: string; status: string; role: string }>(
        "select organisation_id, status, role from public.organisation_members where user_id = $1",
        [id],
      );
      const audit = await db.query<{ action: string; actor_id: string }>(
        "select action, actor_id from public.audit_log where target_id = $1",
        [id],
      );
      return { id, profile: profile.rows[0], memberships: memberships.rows, audit: audit.rows };
    }

    it("matches the e-mail's domain, case-insensitively: a pending membership there, audited", async () => {
      const joined = await signUp("Maija.Meikalainen@TAMPERE.test", { full_name: "Maija Meikäläinen", locale: "sv" });
      expect(joined.profile).toEqual({
        display_name: "Maija Meikäläinen",
        home_organisation_id: organisations.tampere,
        preferred_locale: "sv",
      });
      expect(joined.memberships).toEqual([{ organisation_id: organisations.tampere, status: "pending", role: "member" }]);
      expect(joined.audit).toEqual([{ action: "membership.requested", actor_id: joined.id }]);
    });

    it("matches a subdomain to the organisation of its parent domain", async () => {
      const joined = await signUp("ville@palvelut.helsinki.test");
      expect(joined.profile?.display_name).toBe("ville");
      expect(joined.memberships).toEqual([{ organisation_id: organisations.helsinki, status: "pending", role: "member" }]);
    });

    it("takes the organisation chosen at sign-up when the domain matches none", async () => {
      const joined = await signUp("tiina@gmail.test", { organisation_id: organisations.spare });
      expect(joined.memberships).toEqual([{ organisation_id: organisations.spare, status: "pending", role: "member" }]);
    });

    it("prefers the domain's organisation to a chosen one", async () => {
      const joined = await signUp("juha@tampere.test", { organisation_id: organisations.spare });
      expect(joined.memberships.map((membership) => membership.organisation_id)).toEqual([organisations.tampere]);
    });

    it("leaves a person without membership when neither matches, and never fails the sign-up", async () => {
      for (const choice of ["not-a-uuid", "e0000000-0000-4000-8000-0000000000ff", 42]) {
        const joined = await signUp(`x${String(choice).length}@nowhere.test`, { organisation_id: choice });
        expect(joined.profile?.home_organisation_id).toBeNull();
        expect(joined.memberships).toEqual([]);
      }
    });
  });
});
