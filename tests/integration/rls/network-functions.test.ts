/**
 * The network functions as the database sees them: what the API roles may execute at all (no
 * private helper a policy does not need, nothing for anon), that every security definer function
 * pins its search_path, and who may call the functions that do what no role may do directly.
 * The flows themselves, through supabase-js, are in tests/integration/networks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { organisations } from "./identity-fixture";
import {
  forAll,
  joinRequestId,
  meetings,
  networkActors,
  networkFixtureSql,
  networkOutcomesFor,
  networkPeople,
  networks,
  replies,
  threads,
} from "./network-fixture";

/** The private helpers the policies call, and so the only ones `authenticated` may execute. */
const helpersForPolicies = [
  "admin_organisation_ids",
  "administered_user_ids",
  "coordinated_network_ids",
  "handles_document",
  "has_active_home_membership",
  "is_aal2",
  "is_active_user",
  "is_document_thread",
  "is_network_coordinator",
  "is_org_admin",
  "is_platform_admin",
  "my_board_ids",
  "my_network_ids",
  "network_role",
  "readable_document_ids",
  "readable_network_ids",
  "readable_round_ids",
  "readable_sparring_question_ids",
  "reads_library",
  "reads_published",
  "writable_network_ids",
];

describe.each(availableBackends())("network functions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(networkFixtureSql);
  });
  afterAll(() => db.close());

  describe("what the API roles may execute", () => {
    it("anon executes no private function; authenticated only the helpers policies call", async () => {
      const { rows } = await db.query<{ name: string; anon: boolean; authenticated: boolean }>(`
        select proc.proname as name,
          has_function_privilege('anon', proc.oid, 'execute') as anon,
          has_function_privilege('authenticated', proc.oid, 'execute') as authenticated
        from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
        where namespace.nspname = 'private'`);
      expect(rows.filter((row) => row.anon).map((row) => row.name)).toEqual([]);
      expect(
        [...new Set(rows.filter((row) => row.authenticated).map((row) => row.name))].sort(),
      ).toEqual(helpersForPolicies);
    });

    it("every security definer function in public and private pins search_path to ''", async () => {
      const { rows } = await db.query<{ name: string }>(`
        select namespace.nspname || '.' || proc.proname as name
        from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
        where namespace.nspname in ('public', 'private') and proc.prosecdef
          and not coalesce('search_path=""' = any (proc.proconfig), false)
        order by 1`);
      expect(rows.map((row) => row.name)).toEqual([]);
    });

    it("anon calls none of the network functions", async () => {
      const { rows } = await db.query<{ name: string }>(`
        select proc.proname as name
        from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
        where namespace.nspname = 'public'
          and proc.proname in ('create_network', 'join_network', 'request_to_join',
            'withdraw_join_request', 'decide_join_request', 'invite_to_network',
            'respond_to_invitation', 'revoke_invitation', 'leave_network', 'remove_network_member',
            'set_network_member_role', 'archive_network', 'restore_network', 'mark_network_reviewed',
            'send_network_review_reminders', 'record_network_visit', 'search_people_to_invite',
            'mark_thread_answer', 'register_for_meeting', 'cancel_meeting_registration')
          and has_function_privilege('anon', proc.oid, 'execute')`);
      expect(rows).toEqual([]);
    });
  });

  describe("who may call what", () => {
    it("create_network: active non-guests, for their own organisation (platform admins at aal2 for any)", async () => {
      const sql =
        "select public.create_network('uusi-verkosto', 'national', 'Uusi', 'Uusi tarkoitus', $1)";
      expect(await networkOutcomesFor(db, sql, [organisations.tampere], "call")).toEqual(
        forAll("denied", { member: "ok", coordinator: "ok", platformAdmin: "ok" }),
      );
    });

    it("decide_join_request: only the network's coordinators", async () => {
      const sql = "select public.decide_join_request($1, true)";
      expect(await networkOutcomesFor(db, sql, [joinRequestId], "call")).toEqual(
        forAll("denied", {
          coordinator: "ok",
          platformAdmin: "denied",
          // Nobody else learns that the request exists.
          anon: "denied",
        }),
      );
    });

    it("invite_to_network: only the network's coordinators; a members-only network stays hidden", async () => {
      const sql = "select public.invite_to_network($1, 'uusi@tampere.test')";
      expect(await networkOutcomesFor(db, sql, [networks.suljettu], "call")).toEqual(
        forAll(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            outsider: "denied", // invited: sees the network, but does not coordinate it
            observer: "denied",
            member: "denied",
            coordinator: "ok",
          },
        ),
      );
    });

    it("archive_network: only the network's coordinators", async () => {
      const sql = "select public.archive_network($1)";
      expect(await networkOutcomesFor(db, sql, [networks.avoin], "call")).toEqual(
        forAll("denied", { coordinator: "ok" }),
      );
    });

    it("send_network_review_reminders: no API role, only the server's job", async () => {
      const sql = "select public.send_network_review_reminders(current_date + 400)";
      expect(await networkOutcomesFor(db, sql, [], "call")).toEqual(forAll("denied"));
    });

    it("mark_thread_answer: the asker and the coordinators, while the network is open", async () => {
      const sql = "select public.mark_thread_answer($1, $2)";
      expect(await networkOutcomesFor(db, sql, [threads.avoin, replies.avoin], "call")).toEqual(
        forAll("denied", {
          member: "ok",
          coordinator: "ok",
          pending: "denied",
          deactivated: "denied",
        }),
      );
      const archived = await networkOutcomesFor(
        db,
        sql,
        [threads.arkisto, replies.arkisto],
        "call",
      );
      expect(archived.member).toBe("denied");
      expect(archived.coordinator).toBe("denied");
    });

    it("register_for_meeting: coordinators and members (a guest member too), not observers", async () => {
      const sql = "select public.register_for_meeting($1)";
      expect(await networkOutcomesFor(db, sql, [meetings.avoin], "call")).toEqual(
        forAll("denied", {
          outsider: "denied",
          platformAdmin: "denied",
          guest: "ok",
          member: "ok",
          coordinator: "ok",
        }),
      );
      const membersOnly = await networkOutcomesFor(db, sql, [meetings.suljettu], "call");
      expect(membersOnly.outsider).toEqual({ error: "P0002" });
      expect(membersOnly.guest).toEqual({ error: "P0002" });
    });
  });

  describe("registration capacity under concurrency", () => {
    it("three people registering at once for the last place: one gets it, two wait", async () => {
      const { rows } = await db.query<{ id: string }>(
        `insert into public.meetings (network_id, title, starts_at, ends_at, capacity, created_by)
         values ($1, 'Yksi paikka', now() + interval '1 day', now() + interval '25 hours', 1, $2) returning id`,
        [networks.avoin, networkPeople.anna],
      );
      const meeting = rows[0]?.id;
      const statuses = await Promise.all(
        (["guest", "member", "coordinator"] as const).map((actor) =>
          db.transaction(networkActors[actor], async (tx) => {
            const result = await tx.query<{ status: string }>(
              "select public.register_for_meeting($1)::text as status",
              [meeting],
            );
            return result.rows[0]?.status;
          }),
        ),
      );
      expect(statuses.sort()).toEqual(["registered", "waitlisted", "waitlisted"]);
      const { rows: counts } = await db.query(
        "select registered_count, waitlisted_count from public.meetings where id = $1",
        [meeting],
      );
      expect(counts).toEqual([{ registered_count: 1, waitlisted_count: 2 }]);
    });
  });
});
