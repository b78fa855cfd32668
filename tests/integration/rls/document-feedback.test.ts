/**
 * Readers' feedback on a published version (see feedback-rounds-fixture.ts): who may give it,
 * who reads it, who answers it, who is told, and that nobody changes it past answer_feedback().
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  feedback,
  feedbackHandlers,
  feedbackRoundsFixtureSql,
  inactive,
  librarySlug,
  notificationsOf,
  outcomes,
  personOf,
  publishingActorNames,
  publishingActors,
  publishingDocuments,
  publishingOutcomeOf,
  publishingOutcomesFor,
  publishingPeople,
} from "./feedback-rounds-fixture";

const give = `insert into public.document_feedback (document_id, version_number, paragraph_index,
    paragraph_text, problem, suggestion)
  values ($1, $2, 1, 'Toinen kappale.', 'Termi on väärä.', 'Käytetään oikeaa termiä.')
  returning author_id`;

/** Who gives feedback on julkaistu: every active user who is not a guest without access. */
const givers = publishingActorNames.filter(
  (actor) => !["anon", "pending", "deactivated", "guest"].includes(actor),
);

describe.each(availableBackends())("document feedback on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(feedbackRoundsFixtureSql);
  });
  afterAll(() => db.close());

  describe("giving feedback", () => {
    it("every active reader who is not a guest gives it, as themselves", async () => {
      const expected = outcomes("denied");
      for (const actor of givers) expected[actor] = [personOf[actor]];
      expect(await publishingOutcomesFor(db, give, [publishingDocuments.julkaistu, 1])).toEqual(
        expected,
      );
    });

    it("a guest gives it once they have access to the document", async () => {
      const guest = publishingActors.guest;
      const grant = await db.query<{ id: string }>(
        `insert into public.document_permissions (document_id, user_id, level, granted_by)
         values ($1, $2, 'view', $3) returning id`,
        [publishingDocuments.julkaistu, publishingPeople.ville, publishingPeople.cilla],
      );
      try {
        expect(
          await publishingOutcomeOf(db, guest, give, [publishingDocuments.julkaistu, 1]),
        ).toEqual(["ville"]);
      } finally {
        await db.query("delete from public.document_permissions where id = $1", [
          grant.rows[0]?.id,
        ]);
      }
    });

    it("never in someone else's name", async () => {
      const sql = `insert into public.document_feedback (document_id, version_number, problem, author_id)
        values ($1, 1, 'Väärin.', $2) returning author_id`;
      const expected = outcomes("denied");
      expect(
        await publishingOutcomesFor(db, sql, [
          publishingDocuments.julkaistu,
          publishingPeople.olli,
        ]),
      ).toEqual({ ...expected, reader: ["olli"] });
    });

    it("only on a version that was published: nobody on version 2, nobody on an unpublished document", async () => {
      const refused = outcomes({ error: "23503" }, [["anon"], "denied"]);
      expect(await publishingOutcomesFor(db, give, [publishingDocuments.julkaistu, 2])).toEqual(
        refused,
      );
      expect(await publishingOutcomesFor(db, give, [publishingDocuments.valmisteilla, 1])).toEqual(
        refused,
      );
    });

    it("status and reply are not the reader's to set: no grant, and the trigger resets them anyway", async () => {
      const sql = `insert into public.document_feedback (document_id, version_number, problem, status, reply)
        values ($1, 1, 'Väärin.', 'done', 'Korjattu.') returning author_id`;
      expect(await publishingOutcomesFor(db, sql, [publishingDocuments.julkaistu])).toEqual(
        outcomes("denied"),
      );
      // Even the owner of the database, past every grant, starts a feedback as new and unanswered.
      const { rows } = await db.query(
        `insert into public.document_feedback (document_id, version_number, problem, author_id,
           status, reply, replied_by, replied_at)
         values ($1, 1, 'Väärin.', $2, 'done', 'Korjattu.', $3, now() - interval '1 day')
         returning status::text, reply, replied_by, replied_at`,
        [publishingDocuments.julkaistu, publishingPeople.olli, publishingPeople.otto],
      );
      expect(rows).toEqual([{ status: "new", reply: null, replied_by: null, replied_at: null }]);
      await db.query(
        "delete from public.document_feedback where author_id = $1 and problem = 'Väärin.'",
        [publishingPeople.olli],
      );
    });

    it("tells the document's owner, not the reader who gave it", async () => {
      const reader = publishingActors.reader;
      const { rows } = await db.transaction(reader, (tx) =>
        tx.query<{ id: string }>(
          `insert into public.document_feedback (document_id, version_number, problem)
           values ($1, 1, 'Linkki ei toimi.') returning id`,
          [publishingDocuments.julkaistu],
        ),
      );
      const id = rows[0]?.id;
      try {
        // The fixture's own feedback, written as the owner, told otto too: look at this one.
        expect(await notificationsOf(db, "otto", "feedback_received")).toContain(
          `/editorial/feedback/${id} -`,
        );
        const { rows: details } = await db.query(
          `select recipient_id, actor_id, data ->> 'title' as title, data ->> 'excerpt' as excerpt
           from public.notifications where link = $1`,
          [`/editorial/feedback/${id}`],
        );
        expect(details).toEqual([
          {
            recipient_id: publishingPeople.otto,
            actor_id: publishingPeople.olli,
            title: "Julkaistu ohje",
            excerpt: "Linkki ei toimi.",
          },
        ]);
      } finally {
        await db.query("delete from public.document_feedback where id = $1", [id]);
        await db.query("delete from public.notifications where link = $1", [
          `/editorial/feedback/${id}`,
        ]);
      }
    });
  });

  describe("reading feedback", () => {
    it("its author reads their own; the owner, the editors and the board read all of it; nobody else any", async () => {
      expect(await publishingOutcomesFor(db, "select id from public.document_feedback")).toEqual(
        outcomes(
          [],
          [["anon"], "denied"],
          [["reader"], ["feedback:olli"]],
          [["orgMember"], ["feedback:helmi"]],
          [feedbackHandlers, ["feedback:helmi", "feedback:olli"]],
        ),
      );
    });

    it("a deactivated author no longer reads what they gave", async () => {
      const deactivate = (status: string) =>
        db.query("update public.organisation_members set status = $2 where user_id = $1", [
          publishingPeople.olli,
          status,
        ]);
      await deactivate("deactivated");
      try {
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.reader,
            "select id from public.document_feedback",
          ),
        ).toEqual([]);
      } finally {
        await deactivate("active");
      }
    });
  });

  describe("answering feedback", () => {
    const answer =
      "select public.answer_feedback($1, 'accepted', 'Korjataan seuraavaan versioon.')";

    it("the owner, the editors and the board answer; the author and everyone else hear of no such feedback", async () => {
      expect(await publishingOutcomesFor(db, answer, [feedback.olli], "call")).toEqual(
        outcomes({ error: "P0002" }, [["anon", ...inactive], "denied"], [feedbackHandlers, "ok"]),
      );
    });

    it("sets the status and the reply, and tells the reader where to read it", async () => {
      await db.transaction(publishingActors.owner, (tx) => tx.query(answer, [feedback.olli]));
      try {
        const { rows } = await db.query(
          "select status::text, reply, replied_by from public.document_feedback where id = $1",
          [feedback.olli],
        );
        expect(rows).toEqual([
          {
            status: "accepted",
            reply: "Korjataan seuraavaan versioon.",
            replied_by: publishingPeople.otto,
          },
        ]);
        expect(await notificationsOf(db, "olli", "feedback_answered")).toEqual([
          `/library/${librarySlug}/feedback accepted`,
        ]);
        // The reader reads the reply on their own row.
        expect(
          await publishingOutcomeOf(
            db,
            publishingActors.reader,
            "select reply from public.document_feedback where id = $1",
            [feedback.olli],
          ),
        ).toEqual(["Korjataan seuraavaan versioon."]);
        const { rows: audit } = await db.query(
          `select actor_id, action from public.audit_log
           where action = 'feedback.answer' and details ->> 'feedback_id' = $1`,
          [feedback.olli],
        );
        expect(audit).toEqual([{ actor_id: publishingPeople.otto, action: "feedback.answer" }]);
      } finally {
        await db.query(
          `update public.document_feedback set status = 'new', reply = null, replied_by = null,
             replied_at = null where id = $1`,
          [feedback.olli],
        );
        await db.query("delete from public.notifications where kind = 'feedback_answered'");
      }
    });

    it("a status change without a reply keeps the earlier reply", async () => {
      await db.transaction(publishingActors.boardMember, (tx) =>
        tx.query("select public.answer_feedback($1, 'in_progress', 'Selvitetään.')", [
          feedback.helmi,
        ]),
      );
      await db.transaction(publishingActors.editor, (tx) =>
        tx.query("select public.answer_feedback($1, 'done')", [feedback.helmi]),
      );
      try {
        const { rows } = await db.query(
          "select status::text, reply, replied_by from public.document_feedback where id = $1",
          [feedback.helmi],
        );
        expect(rows).toEqual([
          { status: "done", reply: "Selvitetään.", replied_by: publishingPeople.saku },
        ]);
        expect(await notificationsOf(db, "helmi", "feedback_answered")).toEqual([
          `/library/${librarySlug}/feedback in_progress`,
          `/library/${librarySlug}/feedback done`,
        ]);
      } finally {
        await db.query(
          `update public.document_feedback set status = 'new', reply = null, replied_by = null,
             replied_at = null where id = $1`,
          [feedback.helmi],
        );
        await db.query("delete from public.notifications where kind = 'feedback_answered'");
      }
    });

    it("nobody updates or deletes feedback through the API: no grants", async () => {
      expect(
        await publishingOutcomesFor(
          db,
          "update public.document_feedback set status = 'done', reply = 'Valmis.' returning id",
        ),
      ).toEqual(outcomes("denied"));
      expect(
        await publishingOutcomesFor(db, "delete from public.document_feedback returning id"),
      ).toEqual(outcomes("denied"));
    });
  });
});
