/**
 * Row level security of the network tables that say who is in which network: networks,
 * network_members, network_join_requests, network_invitations and network_visits. For each table
 * and verb, what every actor may do (see network-fixture.ts for who plays which part). "denied" is
 * a 42501 (no grant or a policy's check), [] is "allowed to ask, nothing visible or changed".
 * Verbs no API role may use directly get their allowed case through the functions, in
 * network-functions.test.ts and tests/integration/networks/membership.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  forAll,
  networkClaimsOf,
  networkFixtureSql,
  networkOutcomeOf,
  networkOutcomesFor,
  networkPeople,
  networks,
  signedIn,
} from "./network-fixture";

const allNetworks = ["arkisto", "avoin", "suljettu"];
const signedInNetworks = ["arkisto", "avoin"];
const avoinMembers = ["avoin/aino", "avoin/anna", "avoin/eero", "avoin/ville"];
const suljettuMembers = ["suljettu/aino", "suljettu/anna", "suljettu/eero"];
const arkistoMembers = ["arkisto/aino", "arkisto/anna"];

describe.each(availableBackends())("network membership tables under RLS on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(networkFixtureSql);
  });
  afterAll(() => db.close());

  describe("networks", () => {
    it("select: signed-in networks for active users, members-only ones for members and invitees, a guest only their own", async () => {
      expect(await networkOutcomesFor(db, "select id from public.networks")).toEqual({
        anon: "denied",
        pending: [],
        deactivated: [],
        outsider: allNetworks, // invited to suljettu: sees that it exists
        guest: ["avoin"],
        observer: allNetworks,
        member: allNetworks,
        coordinator: allNetworks,
        platformAdmin: signedInNetworks,
      });
    });

    it("select: an invitation shows nothing to an invitee who is not an active user", async () => {
      const sql = "select id from public.networks";
      expect(await networkOutcomeOf(db, networkClaimsOf("nobody"), sql)).toEqual([]);
      expect(
        await networkOutcomeOf(
          db,
          networkClaimsOf("nobody"),
          "select id from public.network_invitations",
        ),
      ).toEqual([]);
    });

    it("insert: no API role directly (create_network does it)", async () => {
      const sql =
        "insert into public.networks (slug, kind, name_fi, purpose_fi, owner_organisation_id) select 'uusi', 'national', 'Uusi', 'Uusi', owner_organisation_id from public.networks limit 1 returning slug";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });

    it("update: coordinators change their network's settings, nobody else", async () => {
      const sql =
        "update public.networks set purpose_fi = 'Uusi tarkoitus' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(
        signedIn([], { coordinator: ["avoin"] }),
      );
    });

    it("update: not even coordinators change an archived network", async () => {
      const sql =
        "update public.networks set purpose_fi = 'Uusi tarkoitus' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [networks.arkisto])).toEqual(signedIn([]));
    });

    it("update: nobody changes what only the functions change (slug, owner, archiving, counts)", async () => {
      for (const sql of [
        "update public.networks set slug = 'kaapattu' where id = $1 returning id",
        "update public.networks set archived_at = null where id = $1 returning id",
        "update public.networks set active_member_count = 1000 where id = $1 returning id",
        "update public.networks set review_due = current_date + 1000 where id = $1 returning id",
      ]) {
        expect(await networkOutcomesFor(db, sql, [networks.avoin]), sql).toEqual(forAll("denied"));
      }
    });

    it("delete: no API role (networks are archived, not deleted)", async () => {
      const sql = "delete from public.networks where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(forAll("denied"));
    });

    it("counts only active members: the deactivated one is left out", async () => {
      const { rows } = await db.query<{ id: string; active_member_count: number }>(
        "select id, active_member_count from public.networks order by slug",
      );
      expect(Object.fromEntries(rows.map((row) => [row.id, row.active_member_count]))).toEqual({
        [networks.arkisto]: 2,
        [networks.avoin]: 4,
        [networks.suljettu]: 3,
      });
    });
  });

  describe("network_members", () => {
    it("select: readers of a network see its active members; members-only lists stay inside", async () => {
      const sql = "select network_id::text || '/' || user_id::text from public.network_members";
      expect(await networkOutcomesFor(db, sql)).toEqual({
        anon: "denied",
        pending: [],
        deactivated: [],
        outsider: [...arkistoMembers, ...avoinMembers].sort(),
        guest: avoinMembers,
        observer: [...arkistoMembers, ...avoinMembers, ...suljettuMembers].sort(),
        member: [...arkistoMembers, ...avoinMembers, ...suljettuMembers].sort(),
        coordinator: [...arkistoMembers, ...avoinMembers, ...suljettuMembers].sort(),
        platformAdmin: [...arkistoMembers, ...avoinMembers].sort(),
      });
    });

    it("insert: no API role directly, coordinators included (join, approve and invite do it)", async () => {
      const sql =
        "insert into public.network_members (network_id, user_id, role) values ($1, auth.uid(), 'coordinator') returning user_id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(forAll("denied"));
    });

    it("update: no API role directly (set_network_member_role does it)", async () => {
      const sql =
        "update public.network_members set role = 'coordinator' where user_id = auth.uid() returning user_id";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });

    it("delete: no API role directly (leave and remove do it)", async () => {
      const sql = "delete from public.network_members where user_id = $1 returning user_id";
      expect(await networkOutcomesFor(db, sql, [networkPeople.aino])).toEqual(forAll("denied"));
    });
  });

  describe("network_join_requests", () => {
    it("select: the asker and the network's coordinators", async () => {
      const sql = "select id from public.network_join_requests";
      expect(await networkOutcomesFor(db, sql)).toEqual(
        signedIn([], { outsider: ["request:olli"], coordinator: ["request:olli"] }),
      );
    });

    it("insert: no API role directly (request_to_join does it)", async () => {
      const sql =
        "insert into public.network_join_requests (network_id, user_id) values ($1, auth.uid()) returning id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(forAll("denied"));
    });

    it("update: no API role directly, coordinators included (decide_join_request does it)", async () => {
      const sql = "update public.network_join_requests set status = 'approved' returning id";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });

    it("delete: no API role (withdraw_join_request keeps the row)", async () => {
      const sql = "delete from public.network_join_requests returning id";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });
  });

  describe("network_invitations", () => {
    it("select: active invitees (by user or by e-mail) and the network's coordinators", async () => {
      const sql = "select id from public.network_invitations";
      expect(await networkOutcomesFor(db, sql)).toEqual(
        signedIn([], {
          outsider: ["invitation:olli"],
          coordinator: ["invitation:by-email", "invitation:olli"],
        }),
      );
    });

    it("insert: no API role directly (invite_to_network does it)", async () => {
      const sql =
        "insert into public.network_invitations (network_id, invited_user_id) values ($1, auth.uid()) returning id";
      expect(await networkOutcomesFor(db, sql, [networks.suljettu])).toEqual(forAll("denied"));
    });

    it("update: no API role directly, the invitee included (respond_to_invitation does it)", async () => {
      const sql =
        "update public.network_invitations set status = 'accepted', role = 'coordinator' returning id";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });

    it("delete: no API role (revoke_invitation keeps the row)", async () => {
      const sql = "delete from public.network_invitations returning id";
      expect(await networkOutcomesFor(db, sql)).toEqual(forAll("denied"));
    });
  });

  describe("network_visits", () => {
    it("select: active people their own visits only", async () => {
      const sql = "select network_id::text || '/' || user_id::text from public.network_visits";
      expect(await networkOutcomesFor(db, sql)).toEqual(signedIn([], { member: ["avoin/aino"] }));
    });

    it("insert, update, delete: no API role directly (record_network_visit does it)", async () => {
      for (const sql of [
        "insert into public.network_visits (network_id, user_id) values ($1, auth.uid()) returning user_id",
        "update public.network_visits set seen_at = now() where network_id = $1 returning user_id",
        "delete from public.network_visits where network_id = $1 returning user_id",
      ]) {
        expect(await networkOutcomesFor(db, sql, [networks.avoin]), sql).toEqual(forAll("denied"));
      }
    });
  });
});
