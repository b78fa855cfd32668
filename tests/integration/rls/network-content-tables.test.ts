/**
 * Row level security of what is inside a network: discussion_threads, discussion_replies,
 * discussion_reactions, meetings, meeting_registrations and tasks. Readers of a network read; its
 * coordinators and members (a guest member included) write; observers only read; members-only
 * content stays inside; nothing changes in an archived network; people who are not active users
 * see nothing at all. See network-fixture.ts for who plays which part.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  type NetworkName,
  type NetworkOutcomes,
  forAll,
  meetings,
  networkClaimsOf,
  networkFixtureSql,
  networkOutcomeOf,
  networkOutcomesFor,
  networkPeople,
  networks,
  reactions,
  replies,
  signedIn,
  tasks,
  threads,
} from "./network-fixture";

/** What each actor reads of something every network has one of, labelled `${prefix}:${network}`. */
function readers(label: (network: NetworkName) => string): NetworkOutcomes {
  const of = (...names: NetworkName[]) => names.map(label).sort();
  return {
    anon: "denied",
    pending: [],
    deactivated: [],
    outsider: of("arkisto", "avoin"),
    guest: of("avoin"),
    observer: of("arkisto", "avoin", "suljettu"),
    member: of("arkisto", "avoin", "suljettu"),
    coordinator: of("arkisto", "avoin", "suljettu"),
    platformAdmin: of("arkisto", "avoin"),
  };
}

/** Writing in avoin: its coordinator and members, the guest member included. */
const writersOfAvoin = forAll("denied", {
  member: ["avoin"],
  coordinator: ["avoin"],
  guest: ["avoin"],
});

describe.each(availableBackends())("network content tables under RLS on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(networkFixtureSql);
  });
  afterAll(() => db.close());

  describe("discussion_threads", () => {
    it("select: readers of the network; members-only threads stay inside", async () => {
      expect(await networkOutcomesFor(db, "select id from public.discussion_threads")).toEqual(
        readers((network) => `thread:${network}`),
      );
    });

    it("insert: coordinators and members (a guest member too), not observers or outsiders", async () => {
      const sql =
        "insert into public.discussion_threads (network_id, title, body_html, body_text) values ($1, 'Uusi', '<p>Uusi</p>', 'Uusi') returning network_id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(writersOfAvoin);
    });

    it("insert: nobody in an archived network, nobody as someone else", async () => {
      const archived =
        "insert into public.discussion_threads (network_id, title, body_html, body_text) values ($1, 'Uusi', '<p>Uusi</p>', 'Uusi') returning network_id";
      expect(await networkOutcomesFor(db, archived, [networks.arkisto])).toEqual(forAll("denied"));
      const forged =
        "insert into public.discussion_threads (network_id, title, body_html, body_text, author_id) values ($1, 'Uusi', '<p>Uusi</p>', 'Uusi', $2) returning network_id";
      expect(await networkOutcomesFor(db, forged, [networks.avoin, networkPeople.aino])).toEqual(
        forAll("denied"),
      );
    });

    it("update: the author while the network is open", async () => {
      const sql =
        "update public.discussion_threads set title = 'Muokattu' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [threads.avoin])).toEqual(
        signedIn([], { member: ["thread:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [threads.arkisto])).toEqual(signedIn([]));
    });

    it("update: nobody sets the answer or moves a thread directly", async () => {
      for (const sql of [
        "update public.discussion_threads set answer_reply_id = null where id = $1 returning id",
        "update public.discussion_threads set network_id = network_id where id = $1 returning id",
        "update public.discussion_threads set reply_count = 0 where id = $1 returning id",
      ]) {
        expect(await networkOutcomesFor(db, sql, [threads.avoin]), sql).toEqual(forAll("denied"));
      }
    });

    it("delete: the author and the coordinators while the network is open", async () => {
      const sql = "delete from public.discussion_threads where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [threads.avoin])).toEqual(
        signedIn([], { member: ["thread:avoin"], coordinator: ["thread:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [threads.arkisto])).toEqual(signedIn([]));
    });
  });

  describe("discussion_replies", () => {
    it("select: readers of the network", async () => {
      expect(await networkOutcomesFor(db, "select id from public.discussion_replies")).toEqual(
        readers((network) => `reply:${network}`),
      );
    });

    it("insert: coordinators and members of the thread's network, never in an archived one", async () => {
      const sql =
        "insert into public.discussion_replies (thread_id, body_html, body_text) values ($1, '<p>Vastaus</p>', 'Vastaus') returning network_id";
      expect(await networkOutcomesFor(db, sql, [threads.avoin])).toEqual(writersOfAvoin);
      expect(await networkOutcomesFor(db, sql, [threads.arkisto])).toEqual(forAll("denied"));
    });

    it("insert: the network comes from the thread, never from the writer", async () => {
      const sql =
        "insert into public.discussion_replies (thread_id, network_id, body_html, body_text) values ($1, $2, '<p>x</p>', 'x') returning id";
      expect(await networkOutcomesFor(db, sql, [threads.suljettu, networks.avoin])).toEqual(
        forAll("denied"),
      );
    });

    it("update: the author while the network is open", async () => {
      const sql =
        "update public.discussion_replies set body_text = 'Muokattu' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [replies.avoin])).toEqual(
        signedIn([], { member: ["reply:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [replies.arkisto])).toEqual(signedIn([]));
    });

    it("delete: the author and the coordinators while the network is open", async () => {
      const sql = "delete from public.discussion_replies where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [replies.avoin])).toEqual(
        signedIn([], { member: ["reply:avoin"], coordinator: ["reply:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [replies.arkisto])).toEqual(signedIn([]));
    });
  });

  describe("discussion_reactions", () => {
    it("select: readers of the network", async () => {
      expect(await networkOutcomesFor(db, "select id from public.discussion_reactions")).toEqual(
        readers((network) => `reaction:${network}`),
      );
    });

    it("insert: coordinators and members, never in an archived network", async () => {
      const sql =
        "insert into public.discussion_reactions (thread_id, reaction) values ($1, 'heart') returning network_id";
      expect(await networkOutcomesFor(db, sql, [threads.avoin])).toEqual(writersOfAvoin);
      expect(await networkOutcomesFor(db, sql, [threads.arkisto])).toEqual(forAll("denied"));
    });

    it("update: no API role (a reaction is taken back and given again)", async () => {
      const sql =
        "update public.discussion_reactions set reaction = 'heart' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [reactions.avoin])).toEqual(forAll("denied"));
    });

    it("delete: only the person who reacted, while the network is open", async () => {
      const sql = "delete from public.discussion_reactions where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [reactions.avoin])).toEqual(
        signedIn([], { member: ["reaction:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [reactions.arkisto])).toEqual(signedIn([]));
    });
  });

  describe("meetings", () => {
    it("select: readers of the network", async () => {
      expect(await networkOutcomesFor(db, "select id from public.meetings")).toEqual(
        readers((network) => `meeting:${network}`),
      );
    });

    it("insert: coordinators only, never in an archived network", async () => {
      const sql =
        "insert into public.meetings (network_id, title, starts_at, ends_at) values ($1, 'Kokous', now() + interval '1 day', now() + interval '25 hours') returning network_id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(
        forAll("denied", { coordinator: ["avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [networks.arkisto])).toEqual(forAll("denied"));
    });

    it("update: coordinators only, never in an archived network", async () => {
      const sql = "update public.meetings set location = 'Etänä' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [meetings.avoin])).toEqual(
        signedIn([], { coordinator: ["meeting:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [meetings.arkisto])).toEqual(signedIn([]));
      const counts = "update public.meetings set registered_count = 0 where id = $1 returning id";
      expect(await networkOutcomesFor(db, counts, [meetings.avoin])).toEqual(forAll("denied"));
    });

    it("delete: coordinators only, never in an archived network", async () => {
      const sql = "delete from public.meetings where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [meetings.avoin])).toEqual(
        signedIn([], { coordinator: ["meeting:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [meetings.arkisto])).toEqual(signedIn([]));
    });
  });

  describe("meeting_registrations", () => {
    it("select: readers of the network see who has registered, the deactivated left out", async () => {
      const sql =
        "select meeting_id::text || '/' || user_id::text from public.meeting_registrations";
      expect(await networkOutcomesFor(db, sql)).toEqual(
        readers((network) => `meeting:${network}/aino`),
      );
    });

    it("insert, update, delete: no API role directly (register_for_meeting and cancel do it)", async () => {
      for (const sql of [
        "insert into public.meeting_registrations (meeting_id, user_id, network_id, status) values ($1, auth.uid(), $2, 'registered') returning user_id",
        "update public.meeting_registrations set status = 'registered' where meeting_id = $1 and network_id = $2 returning user_id",
        "delete from public.meeting_registrations where meeting_id = $1 and network_id = $2 returning user_id",
      ]) {
        expect(await networkOutcomesFor(db, sql, [meetings.avoin, networks.avoin]), sql).toEqual(
          forAll("denied"),
        );
      }
    });
  });

  describe("tasks", () => {
    it("select: readers of the network", async () => {
      expect(await networkOutcomesFor(db, "select id from public.tasks")).toEqual(
        readers((network) => `task:${network}`),
      );
    });

    it("insert: coordinators and members, never in an archived network or as someone else", async () => {
      const sql =
        "insert into public.tasks (network_id, title) values ($1, 'Uusi tehtävä') returning network_id";
      expect(await networkOutcomesFor(db, sql, [networks.avoin])).toEqual(writersOfAvoin);
      expect(await networkOutcomesFor(db, sql, [networks.arkisto])).toEqual(forAll("denied"));
      const forged =
        "insert into public.tasks (network_id, title, created_by) values ($1, 'Uusi', $2) returning id";
      expect(await networkOutcomesFor(db, forged, [networks.avoin, networkPeople.aino])).toEqual(
        forAll("denied"),
      );
    });

    it("update: the owner, the creator and the coordinators, while the network is open", async () => {
      const sql = "update public.tasks set status = 'in_progress' where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [tasks.avoin])).toEqual(
        signedIn([], { member: ["task:avoin"], coordinator: ["task:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [tasks.arkisto])).toEqual(signedIn([]));
      const forged = "update public.tasks set created_by = auth.uid() where id = $1 returning id";
      expect(await networkOutcomesFor(db, forged, [tasks.avoin])).toEqual(forAll("denied"));
    });

    it("delete: the creator and the coordinators, while the network is open", async () => {
      const sql = "delete from public.tasks where id = $1 returning id";
      expect(await networkOutcomesFor(db, sql, [tasks.avoin])).toEqual(
        signedIn([], { member: ["task:avoin"], coordinator: ["task:avoin"] }),
      );
      expect(await networkOutcomesFor(db, sql, [tasks.arkisto])).toEqual(signedIn([]));
    });
  });

  describe("people who are not active users", () => {
    it.each([
      ["pekka", "pending"],
      ["dave", "deactivated, though still on two networks' lists"],
      ["rita", "rejected"],
      ["nobody", "without an organisation, though invited by e-mail"],
    ] as const)(
      "%s (%s) reads nothing in any public table but their own profile and memberships",
      async (person, _state) => {
        const { rows: tables } = await db.query<{ name: string }>(
          "select tablename as name from pg_tables where schemaname = 'public' order by 1",
        );
        const seen: Record<string, unknown> = {};
        for (const { name } of tables) {
          const outcome = await networkOutcomeOf(
            db,
            networkClaimsOf(person),
            `select to_jsonb(t)::text as row from public.${name} as t`,
          );
          if (outcome === "denied") continue;
          const rows = Array.isArray(outcome) ? outcome : [];
          const foreign = rows.filter((row) => {
            const json = JSON.parse(row) as Record<string, unknown>;
            const owner =
              name === "profiles"
                ? json.id
                : name === "organisation_members"
                  ? json.user_id
                  : undefined;
            return owner !== person; // ids read as names
          });
          if (foreign.length > 0 || !Array.isArray(outcome))
            seen[name] = Array.isArray(outcome) ? foreign : outcome;
        }
        expect(seen).toEqual({});
      },
    );
  });
});
