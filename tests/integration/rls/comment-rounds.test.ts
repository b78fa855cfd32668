/**
 * Comment rounds (lausuntokierros) on a draft (see feedback-rounds-fixture.ts): who opens one, who
 * sees it, who answers for an invited party and how often, that the deadline closes it, and who
 * closes it early or records what was done about each comment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { documentActors, documents } from "./document-fixture";
import {
  draftHtml,
  draftText,
  feedbackRoundsFixtureSql,
  inactive,
  invitees,
  items,
  notificationsOf,
  outcomes,
  type PublishingActor,
  publishingActors,
  publishingDocuments,
  publishingOutcomeOf,
  publishingOutcomesFor,
  publishingPeople,
  round,
  roundOrganisers,
  roundReaders,
} from "./feedback-rounds-fixture";
import { organisations } from "./identity-fixture";
import { networks } from "./network-fixture";

const open = `select public.open_comment_round($1, 'Lausuntokierros', now() + $2::interval, 'Kommentoikaa.',
  $3::uuid[], $4::uuid[], $5::uuid[])`;

const respond = "select public.respond_to_comment_round($1, $2, $3::jsonb)";

const answer = JSON.stringify([
  { paragraph_index: null, paragraph_text: null, comment: " Kannatamme luonnosta. " },
  { paragraph_index: 0, paragraph_text: "Luonnoksen kappale.", comment: "Lyhennetään." },
]);

/** People who read nothing of the round: active, but neither readers of the draft nor invited. */
const strangers: PublishingActor[] = ["outsider", "owner", "boardCoordinator", "boardMember"];

/**
 * A function on the round: "ok" for `allowed`, refused (42501) for the round's other readers and
 * the inactive, "no such round" (P0002) for the active people who do not see it.
 */
function onTheRound(allowed: PublishingActor[], outcome: "ok" | { error: string } = "ok") {
  return outcomes("denied", [strangers, { error: "P0002" }], [allowed, outcome]);
}

describe.each(availableBackends())("comment rounds on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(feedbackRoundsFixtureSql);
  });
  afterAll(() => db.close());

  describe("opening a round", () => {
    const invitingOlli = (document: string, interval = "14 days") => [
      document,
      interval,
      [publishingPeople.olli],
      [],
      [],
    ];

    it("the document's editors and its network's coordinator open one; viewers, commenters and outsiders do not", async () => {
      expect(
        await publishingOutcomesFor(
          db,
          open,
          invitingOlli(publishingDocuments.valmisteilla),
          "call",
        ),
      ).toEqual(
        outcomes(
          { error: "P0002" },
          [["anon", ...inactive], "denied"],
          [["observer", "commenter"], "denied"],
          [roundOrganisers, "ok"],
        ),
      );
    });

    it("a viewer of a document outside any network is refused too", async () => {
      const params = invitingOlli(documents.jaettuView);
      expect(await publishingOutcomeOf(db, publishingActors.commenter, open, params, "call")).toBe(
        "denied",
      );
      expect(await publishingOutcomeOf(db, documentActors.creator, open, params, "call")).toBe(
        "ok",
      );
    });

    it("the deadline is between an hour and a year away", async () => {
      const cilla = publishingActors.creator;
      const valmisteilla = publishingDocuments.valmisteilla;
      for (const interval of ["-1 day", "0 minutes", "30 minutes", "1 year 1 day"]) {
        expect(
          await publishingOutcomeOf(db, cilla, open, invitingOlli(valmisteilla, interval), "call"),
          interval,
        ).toEqual({ error: "22023" });
      }
      for (const interval of ["2 hours", "360 days"]) {
        expect(
          await publishingOutcomeOf(db, cilla, open, invitingOlli(valmisteilla, interval), "call"),
          interval,
        ).toBe("ok");
      }
    });

    it("invites at least one party that exists and is not archived", async () => {
      const cilla = publishingActors.creator;
      const valmisteilla = publishingDocuments.valmisteilla;
      const nobody = [valmisteilla, "14 days", [], [], []];
      const unknown = [valmisteilla, "14 days", ["00000000-0000-4000-8000-00000000dead"], [], []];
      const archived = [valmisteilla, "14 days", [], [], [networks.arkisto]];
      for (const params of [nobody, unknown, archived]) {
        expect(await publishingOutcomeOf(db, cilla, open, params, "call")).toEqual({
          error: "22023",
        });
      }
    });

    it("freezes the draft into the round, records the invitees and tells each party", async () => {
      const { rows } = await db.transaction(publishingActors.creator, (tx) =>
        tx.query<{ id: string }>(`${open} as id`, [
          publishingDocuments.valmisteilla,
          "14 days",
          [publishingPeople.olli],
          [organisations.helsinki],
          [networks.avoin],
        ]),
      );
      const opened = rows[0]?.id as string;
      try {
        // Editing goes on; the round keeps what it was opened on.
        await db.query(
          "update public.documents set html = '<p>Muutettu.</p>', text = 'Muutettu.' where id = $1",
          [publishingDocuments.valmisteilla],
        );
        const { rows: frozen } = await db.query(
          `select round.html, round.text, round.opened_by, version.kind, version.html as version_html,
             version.document_id
           from public.comment_rounds as round
           join public.document_versions as version on version.id = round.version_id
           where round.id = $1`,
          [opened],
        );
        expect(frozen).toEqual([
          {
            html: draftHtml,
            text: draftText,
            opened_by: publishingPeople.cilla,
            kind: "frozen",
            version_html: draftHtml,
            document_id: publishingDocuments.valmisteilla,
          },
        ]);
        const { rows: invited } = await db.query(
          `select user_id, organisation_id, network_id from public.comment_round_invitees
           where round_id = $1 order by user_id nulls last, organisation_id nulls last`,
          [opened],
        );
        expect(invited).toEqual([
          { user_id: publishingPeople.olli, organisation_id: null, network_id: null },
          { user_id: null, organisation_id: organisations.helsinki, network_id: null },
          { user_id: null, organisation_id: null, network_id: networks.avoin },
        ]);

        // A person directly, an organisation through its admins, a network through its coordinators.
        const { rows: told } = await db.query<{ recipient_id: string }>(
          `select recipient_id from public.notifications
           where kind = 'comment_round_invited' and link = $1 order by recipient_id`,
          [`/rounds/${opened}`],
        );
        expect(told.map((row) => row.recipient_id)).toEqual(
          [publishingPeople.olli, publishingPeople.anna, publishingPeople.hanna].sort(),
        );
        const { rows: deadline } = await db.query<{ same: boolean }>(
          `select (notification.data ->> 'status')::timestamptz = round.deadline as same
           from public.notifications as notification
           join public.comment_rounds as round on notification.link = '/rounds/' || round.id
           where notification.recipient_id = $1 and round.id = $2`,
          [publishingPeople.olli, opened],
        );
        expect(deadline).toEqual([{ same: true }]);
        const { rows: audit } = await db.query(
          `select actor_id, target_id from public.audit_log
           where action = 'comment_round.open' and details ->> 'round_id' = $1`,
          [opened],
        );
        expect(audit).toEqual([
          { actor_id: publishingPeople.cilla, target_id: publishingDocuments.valmisteilla },
        ]);
      } finally {
        await db.query("delete from public.comment_rounds where id = $1", [opened]);
        await db.query("delete from public.notifications where link = $1", [`/rounds/${opened}`]);
        await db.query("update public.documents set html = $2, text = $3 where id = $1", [
          publishingDocuments.valmisteilla,
          draftHtml,
          draftText,
        ]);
      }
    });
  });

  describe("seeing a round", () => {
    const tables: [string, string[]][] = [
      ["comment_rounds", ["round"]],
      ["comment_round_invitees", ["invitee:avoin", "invitee:helsinki", "invitee:olli"]],
      ["comment_round_responses", ["response:avoin"]],
      ["comment_round_items", ["item:general", "item:paragraph"]],
    ];

    for (const [table, rows] of tables) {
      it(`${table}: the draft's readers and the invited parties, nobody else`, async () => {
        expect(await publishingOutcomesFor(db, `select id from public.${table}`)).toEqual(
          outcomes([], [["anon"], "denied"], [roundReaders, rows]),
        );
      });
    }

    it("a member of an invited organisation stops seeing it when their membership ends", async () => {
      const setStatus = (status: string) =>
        db.query("update public.organisation_members set status = $2 where user_id = $1", [
          publishingPeople.helmi,
          status,
        ]);
      await setStatus("deactivated");
      try {
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.orgMember,
            "select id from public.comment_rounds",
          ),
        ).toEqual([]);
      } finally {
        await setStatus("active");
      }
    });

    it("nobody writes the round's tables through the API: only the functions do", async () => {
      const writes = [
        `insert into public.comment_round_responses (round_id, invitee_id) values ('${round}', '${invitees.olli}') returning id`,
        `update public.comment_round_items set handling = 'accepted' returning id`,
        `update public.comment_rounds set deadline = now() + interval '1 year' returning id`,
        `delete from public.comment_round_invitees returning id`,
      ];
      for (const sql of writes) {
        expect(await publishingOutcomesFor(db, sql), sql).toEqual(outcomes("denied"));
      }
    });
  });

  describe("responding", () => {
    it("my_round_invitees() names the parties each person answers for, and no others", async () => {
      const sql = "select id from public.my_round_invitees() as invitee (id) where id = $1";
      expect(await publishingOutcomesFor(db, sql, [invitees.helsinki])).toEqual(
        outcomes(
          [],
          [["anon"], "denied"],
          [["reader", "orgMember", "observer"], ["invitee:helsinki"]],
        ),
      );
      expect(await publishingOutcomesFor(db, sql, [invitees.olli])).toEqual(
        outcomes([], [["anon"], "denied"], [["reader"], ["invitee:olli"]]),
      );
    });

    it("for a person invited by name: that person only", async () => {
      expect(
        await publishingOutcomesFor(db, respond, [round, invitees.olli, answer], "call"),
      ).toEqual(onTheRound(["reader"]));
    });

    it("for an invited organisation: any of its active members", async () => {
      expect(
        await publishingOutcomesFor(db, respond, [round, invitees.helsinki, answer], "call"),
      ).toEqual(onTheRound(["reader", "orgMember", "observer"]));
    });

    it("for an invited network that has responded: its writers hear it already has (23505)", async () => {
      expect(
        await publishingOutcomesFor(db, respond, [round, invitees.avoin, answer], "call"),
      ).toEqual(onTheRound(["guest", "editor", "coordinator"], { error: "23505" }));
    });

    it("once per party: after one member of an organisation responds, the next one is refused", async () => {
      await db.transaction(publishingActors.orgMember, (tx) =>
        tx.query(respond, [round, invitees.helsinki, answer]),
      );
      try {
        for (const actor of ["reader", "observer", "orgMember"] as const) {
          expect(
            await publishingOutcomeOf(
              db,
              publishingActors[actor],
              respond,
              [round, invitees.helsinki, answer],
              "call",
            ),
            actor,
          ).toEqual({ error: "23505" });
        }
      } finally {
        await db.query("delete from public.comment_round_responses where invitee_id = $1", [
          invitees.helsinki,
        ]);
      }
    });

    it("stores the comments in order, general and anchored, each waiting to be handled", async () => {
      const { rows } = await db.transaction(publishingActors.reader, (tx) =>
        tx.query<{ id: string }>(`${respond} as id`, [round, invitees.olli, answer]),
      );
      const responded = rows[0]?.id;
      try {
        const { rows: stored } = await db.query(
          `select response.responder_id, item.position, item.paragraph_index, item.paragraph_text,
             item.comment, item.handling::text
           from public.comment_round_items as item
           join public.comment_round_responses as response on response.id = item.response_id
           where response.id = $1 order by item.position`,
          [responded],
        );
        expect(stored).toEqual([
          {
            responder_id: publishingPeople.olli,
            position: 0,
            paragraph_index: null,
            paragraph_text: null,
            comment: "Kannatamme luonnosta.",
            handling: "pending",
          },
          {
            responder_id: publishingPeople.olli,
            position: 1,
            paragraph_index: 0,
            paragraph_text: "Luonnoksen kappale.",
            comment: "Lyhennetään.",
            handling: "pending",
          },
        ]);
      } finally {
        await db.query("delete from public.comment_round_responses where id = $1", [responded]);
      }
    });

    it("refuses a response with no comments, too many, or comments of the wrong shape (22023)", async () => {
      const olli = publishingActors.reader;
      const comment = { paragraph_index: null, paragraph_text: null, comment: "Hyvä." };
      const bad = [
        [],
        Array.from({ length: 201 }, () => comment),
        comment,
        ["Hyvä."],
        [{ paragraph_index: null }],
        [{ comment: 5 }],
        [{ comment: "   " }],
        [{ paragraph_index: "yksi", comment: "Hyvä." }],
        [{ paragraph_index: -1, comment: "Hyvä." }],
        [{ paragraph_index: 1.5, comment: "Hyvä." }],
        [{ paragraph_text: 3, comment: "Hyvä." }],
        [comment, { comment: "" }],
      ];
      for (const value of bad) {
        expect(
          await publishingOutcomeOf(
            db,
            olli,
            respond,
            [round, invitees.olli, JSON.stringify(value)],
            "call",
          ),
          JSON.stringify(value).slice(0, 80),
        ).toEqual({ error: "22023" });
      }
    });
  });

  describe("the deadline", () => {
    const setDeadline = (interval: string) =>
      db.query(
        "update public.comment_rounds set deadline = now() + $2::interval, closed_at = null, closed_by = null where id = $1",
        [round, interval],
      );

    it("a round closes at its deadline: late responses are refused before the job runs, and the job closes it once and tells its opener", async () => {
      await setDeadline("-1 minute");
      try {
        // Nothing has closed the round yet, but its deadline has passed.
        const { rows: before } = await db.query(
          "select closed_at from public.comment_rounds where id = $1",
          [round],
        );
        expect(before).toEqual([{ closed_at: null }]);
        for (const [actor, invitee] of [
          ["reader", invitees.olli],
          ["orgMember", invitees.helsinki],
        ] as const) {
          expect(
            await publishingOutcomeOf(
              db,
              publishingActors[actor],
              respond,
              [round, invitee, answer],
              "call",
            ),
            actor,
          ).toEqual({ error: "55000" });
        }

        // The job is the server's: no user runs it.
        const job = "select public.close_due_comment_rounds()";
        expect(await publishingOutcomesFor(db, job, [], "call")).toEqual(outcomes("denied"));

        const first = await db.transaction({ role: "service_role" }, (tx) =>
          tx.query<{ closed: number }>("select public.close_due_comment_rounds() as closed"),
        );
        expect(first.rows).toEqual([{ closed: 1 }]);
        const { rows: after } = await db.query<{ at_deadline: boolean; closed_by: string | null }>(
          "select closed_at = deadline as at_deadline, closed_by from public.comment_rounds where id = $1",
          [round],
        );
        expect(after).toEqual([{ at_deadline: true, closed_by: null }]);
        // The opener hears how many parties responded (avoin did).
        expect(await notificationsOf(db, "cilla", "comment_round_closed")).toEqual([
          "/rounds/round 1",
        ]);
        const { rows: audit } = await db.query(
          `select actor_id, details ->> 'by_deadline' as by_deadline from public.audit_log
           where action = 'comment_round.close' and target_id = $1`,
          [round],
        );
        expect(audit).toEqual([{ actor_id: null, by_deadline: "true" }]);

        const second = await db.transaction({ role: "service_role" }, (tx) =>
          tx.query<{ closed: number }>("select public.close_due_comment_rounds() as closed"),
        );
        expect(second.rows).toEqual([{ closed: 0 }]);
        expect(await notificationsOf(db, "cilla", "comment_round_closed")).toHaveLength(1);
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.reader,
            respond,
            [round, invitees.olli, answer],
            "call",
          ),
        ).toEqual({ error: "55000" });
      } finally {
        await setDeadline("14 days");
        await db.query("delete from public.notifications where kind = 'comment_round_closed'");
      }
    });

    it("the job leaves rounds whose deadline has not come", async () => {
      const { rows } = await db.transaction({ role: "service_role" }, (tx) =>
        tx.query<{ closed: number }>("select public.close_due_comment_rounds() as closed"),
      );
      expect(rows).toEqual([{ closed: 0 }]);
    });
  });

  describe("closing early and handling comments", () => {
    it("close_comment_round: the round's organisers only", async () => {
      expect(
        await publishingOutcomesFor(db, "select public.close_comment_round($1)", [round], "call"),
      ).toEqual(onTheRound(roundOrganisers));
    });

    it("a closed round takes no responses and cannot be closed again; its opener is told", async () => {
      await db.transaction(publishingActors.editor, (tx) =>
        tx.query("select public.close_comment_round($1)", [round]),
      );
      try {
        const { rows } = await db.query(
          "select closed_by, closed_at <= now() as closed from public.comment_rounds where id = $1",
          [round],
        );
        expect(rows).toEqual([{ closed_by: publishingPeople.aino, closed: true }]);
        expect(await notificationsOf(db, "cilla", "comment_round_closed")).toEqual([
          "/rounds/round 1",
        ]);
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.reader,
            respond,
            [round, invitees.olli, answer],
            "call",
          ),
        ).toEqual({ error: "55000" });
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.creator,
            "select public.close_comment_round($1)",
            [round],
            "call",
          ),
        ).toEqual({ error: "55000" });
      } finally {
        await db.query(
          "update public.comment_rounds set closed_at = null, closed_by = null where id = $1",
          [round],
        );
        await db.query("delete from public.notifications where kind = 'comment_round_closed'");
      }
    });

    it("handle_comment_round_item: the round's organisers only, not the party that commented", async () => {
      const sql = "select public.handle_comment_round_item($1, 'accepted', 'Lisätty esimerkki.')";
      expect(await publishingOutcomesFor(db, sql, [items.paragraph], "call")).toEqual(
        onTheRound(roundOrganisers),
      );
    });

    it("records what was done, for the party that commented to read", async () => {
      await db.transaction(publishingActors.coordinator, (tx) =>
        tx.query("select public.handle_comment_round_item($1, 'partly_accepted', ' Osin. ')", [
          items.paragraph,
        ]),
      );
      try {
        const { rows } = await db.query(
          "select handling::text, handling_note, handled_by from public.comment_round_items where id = $1",
          [items.paragraph],
        );
        expect(rows).toEqual([
          {
            handling: "partly_accepted",
            handling_note: "Osin.",
            handled_by: publishingPeople.anna,
          },
        ]);
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.guest,
            "select handling::text from public.comment_round_items where id = $1",
            [items.paragraph],
          ),
        ).toEqual(["partly_accepted"]);
      } finally {
        await db.query(
          `update public.comment_round_items set handling = 'pending', handling_note = null,
             handled_by = null, handled_at = null where id = $1`,
          [items.paragraph],
        );
      }
    });
  });
});
