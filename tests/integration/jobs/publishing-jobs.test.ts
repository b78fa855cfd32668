/**
 * The publishing jobs against a real database: the minute job closes comment rounds whose deadline
 * has passed and tells the organiser (responses are refused from the deadline on, closed or not),
 * and the morning job reminds a document's owner once per review date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Claims, Database } from "../../../server/embedded/db";
import { closeDueCommentRounds } from "../../../server/jobs/comment-round-deadlines";
import { dailyJobs } from "../../../server/jobs/daily-jobs";
import { sendDocumentReviewReminders } from "../../../server/jobs/document-review-reminders";
import { startIntervalJobs } from "../../../server/jobs/interval-jobs";
import { minuteJobs } from "../../../server/jobs/minute-jobs";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  documentClaimsOf,
  documentFixtureSql,
  documentPeople,
  documents,
} from "../rls/document-fixture";
import { organisations } from "../rls/identity-fixture";

const cilla = documentClaimsOf("cilla");
const uma = documentClaimsOf("uma");
const oskari = documentClaimsOf("oskari");

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

describe.each(availableBackends())("publishing jobs on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterAll(() => db.close());

  async function as<T>(claims: Claims, sql: string, params: unknown[] = []): Promise<T[]> {
    return db.transaction(claims, async (tx) => (await tx.query<T & object>(sql, params)).rows);
  }

  /** Cilla opens a round on her draft inviting Uma and the spare organisation; its id. */
  async function openRound(title: string): Promise<string> {
    const [row] = await as<{ id: string }>(
      cilla,
      `select public.open_comment_round($1, $2, now() + interval '2 days', 'Kommentoikaa.',
         array[$3::uuid], array[$4::uuid], '{}') as id`,
      [documents.luonnos, title, documentPeople.uma, organisations.spare],
    );
    if (!row) throw new Error("no round");
    return row.id;
  }

  async function inviteeOf(round: string, column: "user_id" | "organisation_id", id: string) {
    const { rows } = await db.query<{ id: string }>(
      `select id from public.comment_round_invitees where round_id = $1 and ${column} = $2`,
      [round, id],
    );
    const invitee = rows[0]?.id;
    if (!invitee) throw new Error("no invitee");
    return invitee;
  }

  async function respond(claims: Claims, round: string, invitee: string): Promise<string> {
    try {
      await as(claims, "select public.respond_to_comment_round($1, $2, $3)", [
        round,
        invitee,
        JSON.stringify([
          { paragraph_index: 0, paragraph_text: "Miten toimitaan.", comment: "Hyvä." },
        ]),
      ]);
      return "ok";
    } catch (error) {
      return errorCode(error) ?? String(error);
    }
  }

  async function closedNotifications(round: string) {
    const { rows } = await db.query<{ recipient_id: string; data: { status: string } }>(
      `select recipient_id, data from public.notifications
       where kind = 'comment_round_closed' and link = $1`,
      [`/rounds/${round}`],
    );
    return rows;
  }

  it("closes a round whose deadline passed, tells its opener, and refuses late responses", async () => {
    const round = await openRound("Lausuntokierros: määräaika");
    const umaInvitee = await inviteeOf(round, "user_id", documentPeople.uma);
    const spareInvitee = await inviteeOf(round, "organisation_id", organisations.spare);
    expect(await respond(uma, round, umaInvitee)).toBe("ok");
    // One response per invited party.
    expect(await respond(uma, round, umaInvitee)).toBe("23505");
    // Before the deadline the job leaves the round alone.
    expect(await closeDueCommentRounds(db)).toBe(0);

    await db.query(
      "update public.comment_rounds set deadline = now() - interval '1 minute' where id = $1",
      [round],
    );
    // From the deadline on a response is refused, whether or not the job has run yet.
    expect(await respond(oskari, round, spareInvitee)).toBe("55000");
    expect(await closeDueCommentRounds(db)).toBe(1);
    expect(await closeDueCommentRounds(db)).toBe(0);
    expect(await respond(oskari, round, spareInvitee)).toBe("55000");

    const { rows } = await db.query<{ closed: boolean; closed_by: string | null }>(
      "select closed_at is not null as closed, closed_by from public.comment_rounds where id = $1",
      [round],
    );
    expect(rows).toEqual([{ closed: true, closed_by: null }]);
    expect(await closedNotifications(round)).toEqual([
      { recipient_id: documentPeople.cilla, data: expect.objectContaining({ status: "1" }) },
    ]);
  });

  it("the minute job runs close_due_comment_rounds as the server starts it", async () => {
    const round = await openRound("Lausuntokierros: minuuttiajo");
    await db.query(
      "update public.comment_rounds set deadline = now() - interval '1 second' where id = $1",
      [round],
    );
    const errors: string[] = [];
    const jobs = startIntervalJobs({
      jobs: minuteJobs({ db }),
      runAtStart: false,
      reportError: (message) => errors.push(message),
    });
    await jobs.runAll();
    await jobs.stop();
    expect(errors).toEqual([]);
    expect(await closedNotifications(round)).toEqual([
      { recipient_id: documentPeople.cilla, data: expect.objectContaining({ status: "0" }) },
    ]);
  });

  it("only the service role runs the jobs' functions", async () => {
    for (const sql of [
      "select public.close_due_comment_rounds()",
      "select public.send_document_review_reminders(current_date)",
    ]) {
      await expect(as(cilla, sql)).rejects.toMatchObject({ code: "42501" });
    }
  });

  it("reminds a published document's owner 30 days before its review, once per review date", async () => {
    await db.query(
      `update public.documents set published_version = 1, published_at = now(),
         owner_id = $2, review_due = '2026-03-31' where id = $1`,
      [documents.jaettuEdit, documentPeople.uma],
    );
    const reminders = async () => {
      const { rows } = await db.query<{ link: string; data: { status: string } }>(
        `select link, data from public.notifications
         where kind = 'document_review_due' and recipient_id = $1 order by created_at`,
        [documentPeople.uma],
      );
      return rows;
    };
    expect(await sendDocumentReviewReminders(db, "2026-02-28")).toBe(0);
    expect(await sendDocumentReviewReminders(db, "2026-03-01")).toBe(1);
    expect(await sendDocumentReviewReminders(db, "2026-03-02")).toBe(0);
    expect(await reminders()).toEqual([
      {
        link: `/documents/${documents.jaettuEdit}/publishing`,
        data: expect.objectContaining({ status: "2026-03-31" }),
      },
    ]);
    // A new review date is reminded again when its time comes.
    await db.query("update public.documents set review_due = '2027-03-31' where id = $1", [
      documents.jaettuEdit,
    ]);
    expect(await sendDocumentReviewReminders(db, "2026-03-03")).toBe(0);
    expect(await sendDocumentReviewReminders(db, "2027-03-05")).toBe(1);
    expect(await reminders()).toHaveLength(2);
  });

  it("the morning's jobs include the document review reminders, before the digest", () => {
    expect(dailyJobs({ db, siteUrl: "https://verkko.example" }).map((job) => job.name)).toEqual([
      "network_review_reminders",
      "document_review_reminders",
      "notification_digest",
    ]);
  });
});
