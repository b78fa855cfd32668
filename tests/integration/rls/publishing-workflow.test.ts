/**
 * The editorial workflow as the database enforces it: who may submit, review, withdraw, publish,
 * archive and reopen; the quorum counted across organisations; what each transition freezes,
 * records in the audit log and notifies. Every story runs in a transaction rolled back at its end
 * (publishing-fixture.ts), on every available backend.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { organisations } from "./identity-fixture";
import {
  publishingActors as a,
  approvedSubmission,
  publishingDocuments as d,
  forEveryone,
  inScenario,
  publishingPeople as p,
  publishedVersion,
  publishingFixtureSql,
  type Scenario,
  steps,
} from "./publishing-fixture";

const withdraw = "select public.withdraw_submission($1)";
const archive = "select public.archive_document($1, 'Vanhentunut')";
const reopen = "select public.reopen_document($1)";
const reviewed = "select public.mark_document_reviewed($1)";

async function statusOf(scenario: Scenario, document: string): Promise<string> {
  const [row] = await scenario.owner<{ status: string }>(
    "select status::text from public.documents where id = $1",
    [document],
  );
  return row?.status ?? "none";
}

async function submissionStatus(scenario: Scenario, submission: string): Promise<string> {
  const [row] = await scenario.owner<{ status: string }>(
    "select status::text from public.document_submissions where id = $1",
    [submission],
  );
  return row?.status ?? "none";
}

describe.each(availableBackends())("the publishing workflow on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(publishingFixtureSql);
  });
  afterAll(() => db.close());

  describe("submit_document", () => {
    it("editors submit (creator, owner's admin, network members, an edit grant); viewers, commenters and strangers may not", async () => {
      await inScenario(db, async (scenario) => {
        expect(await scenario.attemptByEveryone(steps.submit, [d.ohje, "Valmis"], "call")).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              commenter: "denied",
              networkMember: "ok",
              networkCoordinator: "ok",
              creator: "ok",
              orgAdmin: "ok",
              editorOnBoard: "ok",
            },
          ),
        );
      });
    });

    it("a document no board is responsible for cannot be submitted (55000)", async () => {
      await inScenario(db, async (scenario) => {
        expect(await scenario.attempt(a.creator, steps.submit, [d.irrallinen, ""], "call")).toEqual(
          {
            error: "55000",
          },
        );
        expect(await statusOf(scenario, d.irrallinen)).toBe("draft");
      });
    });

    it("freezes the content as it is at submit time, moves the document to in_review and audits it", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [
          d.ohje,
          "  Ensimmäinen julkaisu  ",
        ]);
        await scenario.owner(
          "update public.documents set html = '<p>Jatkettu luonnos.</p>', text = 'Jatkettu luonnos.' where id = $1",
          [d.ohje],
        );
        const [frozen] = await scenario.owner(
          `select version.kind, version.html, version.text, version.created_by, submission.change_summary,
             submission.board_id, submission.submitted_by, submission.status::text,
             submission.approvals_required, submission.organisations_required
           from public.document_submissions as submission
           join public.document_versions as version on version.id = submission.version_id
           where submission.id = $1`,
          [submission],
        );
        expect(frozen).toEqual({
          kind: "frozen",
          html: "<p>Ensimmäinen versio.</p>",
          text: "Ensimmäinen versio.",
          created_by: p.cilla,
          change_summary: "Ensimmäinen julkaisu",
          board_id: "a0000000-0000-4000-8000-000000000011",
          submitted_by: p.cilla,
          status: "in_review",
          approvals_required: 2,
          organisations_required: 2,
        });
        expect(await statusOf(scenario, d.ohje)).toBe("in_review");
        expect(
          await scenario.owner(
            `select actor_id, target_type, target_id, organisation_id, details ->> 'submission_id' as submission
             from public.audit_log where action = 'document.submit'`,
          ),
        ).toEqual([
          {
            actor_id: p.cilla,
            target_type: "document",
            target_id: d.ohje,
            organisation_id: organisations.helsinki,
            submission,
          },
        ]);
      });
    });

    it("one submission under way at a time: a second submit is refused (55000), and the index holds even when the status is forced back", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(a.creator, steps.submit, [d.ohje, ""]);
        expect(await scenario.attempt(a.networkMember, steps.submit, [d.ohje, ""], "call")).toEqual(
          {
            error: "55000",
          },
        );
        await scenario.owner("update public.documents set status = 'draft' where id = $1", [
          d.ohje,
        ]);
        expect(await scenario.attempt(a.networkMember, steps.submit, [d.ohje, ""], "call")).toEqual(
          {
            error: "23505",
          },
        );
      });
    });

    it("only from draft, changes_requested or published: not from approved or archived", async () => {
      await inScenario(db, async (scenario) => {
        await approvedSubmission(scenario, d.ohje);
        expect(await statusOf(scenario, d.ohje)).toBe("approved");
        expect(await scenario.attempt(a.creator, steps.submit, [d.ohje, ""], "call")).toEqual({
          error: "55000",
        });
        await scenario.as(a.creator, archive, [d.ohje]);
        // An archived document is read-only for everyone, so editing rights are gone first.
        expect(await scenario.attempt(a.creator, steps.submit, [d.ohje, ""], "call")).toBe(
          "denied",
        );
      });
    });

    it("tells the board's coordinators and members (not the observer, not the submitter)", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(a.editorOnBoard, steps.submit, [d.ohje, "Korjattu taulukko"]);
        const rows = await scenario.owner<{ recipient_id: string; link: string; excerpt: string }>(
          `select recipient_id, link, data ->> 'excerpt' as excerpt from public.notifications
           where kind = 'review_requested' order by recipient_id`,
        );
        expect(rows).toEqual(
          [p.kaisa, p.helena, p.sanna].sort().map((recipient_id) => ({
            recipient_id,
            link: `/documents/${d.ohje}/publishing`,
            excerpt: "Korjattu taulukko",
          })),
        );
      });
    });
  });

  describe("review_submission", () => {
    it("the board's coordinator and members review; observers, editors outside the board and the submitter may not", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        expect(
          await scenario.attemptByEveryone(steps.review, [submission, "approve", ""], "call"),
        ).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              commenter: "denied",
              networkMember: "denied",
              networkCoordinator: "denied",
              creator: "denied",
              orgAdmin: "denied",
              editorOnBoard: "ok",
              boardCoordinator: "ok",
              boardMember: "ok",
              boardMemberElsewhere: "ok",
            },
          ),
        );
      });
    });

    it("refuses self-approval: a board member who submitted cannot approve their own submission (42501)", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.editorOnBoard, steps.submit, [
          d.ohje,
          "",
        ]);
        await expect(
          scenario.as(a.editorOnBoard, steps.review, [submission, "approve", ""]),
        ).rejects.toMatchObject({
          code: "42501",
          message: "you cannot review your own submission",
        });
        expect(
          await scenario.owner("select count(*)::int as count from public.document_reviews"),
        ).toEqual([{ count: 0 }]);
      });
    });

    it("asking for changes needs a comment; a decision is approve or request_changes (22023)", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        expect(
          await scenario.attempt(
            a.boardMember,
            steps.review,
            [submission, "request_changes", "  "],
            "call",
          ),
        ).toEqual({ error: "22023" });
        expect(
          await scenario.attempt(a.boardMember, steps.review, [submission, "reject", "Ei"], "call"),
        ).toEqual({ error: "22023" });
        expect(await submissionStatus(scenario, submission)).toBe("in_review");
      });
    });

    it("quorum: two approvals from one organisation do not approve; a third from another organisation does", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        // kaisa and tuomas are both of Tampere.
        expect(
          await scenario.value(a.boardCoordinator, steps.review, [submission, "approve", ""]),
        ).toBe("in_review");
        expect(
          await scenario.value(a.editorOnBoard, steps.review, [submission, "approve", ""]),
        ).toBe("in_review");
        expect(await statusOf(scenario, d.ohje)).toBe("in_review");
        // helena is of Helsinki.
        expect(
          await scenario.value(a.boardMember, steps.review, [submission, "approve", "Hyvä."]),
        ).toBe("approved");
        expect(await submissionStatus(scenario, submission)).toBe("approved");
        expect(await statusOf(scenario, d.ohje)).toBe("approved");
        expect(
          await scenario.owner(
            "select reviewer_id, organisation_id from public.document_reviews where submission_id = $1 order by reviewer_id",
            [submission],
          ),
        ).toEqual([
          { reviewer_id: p.kaisa, organisation_id: organisations.tampere },
          { reviewer_id: p.tuomas, organisation_id: organisations.tampere },
          { reviewer_id: p.helena, organisation_id: organisations.helsinki },
        ]);
      });
    });

    it("a reviewer who decides again replaces their review: it counts once", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        expect(
          await scenario.value(a.boardCoordinator, steps.review, [
            submission,
            "approve",
            "Vielä kerran.",
          ]),
        ).toBe("in_review");
        expect(
          await scenario.owner(
            "select reviewer_id, comment from public.document_reviews where submission_id = $1",
            [submission],
          ),
        ).toEqual([{ reviewer_id: p.kaisa, comment: "Vielä kerran." }]);
        expect(
          await scenario.value(a.boardMemberElsewhere, steps.review, [submission, "approve", ""]),
        ).toBe("approved");
      });
    });

    it("the board's quorum is configurable: 3 approvals from 3 organisations need sanna too", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(
          a.boardCoordinator,
          "select public.configure_editorial_board($1, 3, 3, 365, '{manual}', '{}')",
          ["a0000000-0000-4000-8000-000000000011"],
        );
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        await scenario.as(a.editorOnBoard, steps.review, [submission, "approve", ""]);
        expect(await scenario.value(a.boardMember, steps.review, [submission, "approve", ""])).toBe(
          "in_review",
        );
        expect(
          await scenario.value(a.boardMemberElsewhere, steps.review, [submission, "approve", ""]),
        ).toBe("approved");
      });
    });

    it("changes requested: the document goes back to its editors, the submitter hears why, and resubmitting makes a new submission", async () => {
      await inScenario(db, async (scenario) => {
        const first = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [first, "approve", ""]);
        expect(
          await scenario.value(a.boardMember, steps.review, [
            first,
            "request_changes",
            "Lisää esimerkki.",
          ]),
        ).toBe("changes_requested");
        expect(await statusOf(scenario, d.ohje)).toBe("changes_requested");
        expect(
          await scenario.owner(
            `select recipient_id, actor_id, data ->> 'status' as status, data ->> 'excerpt' as excerpt
             from public.notifications where kind = 'review_decided'`,
          ),
        ).toEqual([
          {
            recipient_id: p.cilla,
            actor_id: p.helena,
            status: "changes_requested",
            excerpt: "Lisää esimerkki.",
          },
        ]);

        const second = await scenario.value<string>(a.networkMember, steps.submit, [
          d.ohje,
          "Esimerkki lisätty",
        ]);
        expect(second).not.toBe(first);
        expect(await submissionStatus(scenario, first)).toBe("changes_requested");
        expect(await submissionStatus(scenario, second)).toBe("in_review");
        const versions = await scenario.owner<{ version_id: string }>(
          "select version_id from public.document_submissions where document_id = $1",
          [d.ohje],
        );
        expect(new Set(versions.map((row) => row.version_id)).size).toBe(2);
        // The earlier approval does not carry over.
        expect(await scenario.value(a.boardMember, steps.review, [second, "approve", ""])).toBe(
          "in_review",
        );
      });
    });

    it("no review after the decision (55000), whether approved or sent back", async () => {
      await inScenario(db, async (scenario) => {
        const approved = await approvedSubmission(scenario, d.ohje);
        expect(
          await scenario.attempt(
            a.boardMemberElsewhere,
            steps.review,
            [approved, "approve", ""],
            "call",
          ),
        ).toEqual({ error: "55000" });
        expect(
          await scenario.attempt(
            a.boardMemberElsewhere,
            steps.review,
            [approved, "request_changes", "Myöhässä."],
            "call",
          ),
        ).toEqual({ error: "55000" });
        await scenario.as(a.creator, withdraw, [approved]);
        const sentBack = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardMember, steps.review, [sentBack, "request_changes", "Ei vielä."]);
        expect(
          await scenario.attempt(
            a.boardCoordinator,
            steps.review,
            [sentBack, "approve", ""],
            "call",
          ),
        ).toEqual({ error: "55000" });
      });
    });

    it("every decision is audited", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        await scenario.as(a.boardMember, steps.review, [submission, "request_changes", "Korjaa."]);
        expect(
          await scenario.owner(
            `select action, actor_id, details ->> 'outcome' as outcome from public.audit_log
             where target_id = $1 and action like 'document.%' order by id`,
            [d.ohje],
          ),
        ).toEqual([
          { action: "document.submit", actor_id: p.cilla, outcome: null },
          { action: "document.approve", actor_id: p.kaisa, outcome: "in_review" },
          { action: "document.request_changes", actor_id: p.helena, outcome: "changes_requested" },
        ]);
      });
    });
  });

  describe("withdraw_submission", () => {
    it("the submitter and the document's editors withdraw; commenters, viewers and the board may not", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        expect(await scenario.attemptByEveryone(withdraw, [submission], "call")).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              commenter: "denied",
              networkMember: "ok",
              networkCoordinator: "ok",
              creator: "ok",
              orgAdmin: "ok",
              editorOnBoard: "ok",
              // They comment on what was submitted to them, nothing more.
              boardCoordinator: "denied",
              boardMember: "denied",
              boardMemberElsewhere: "denied",
            },
          ),
        );
      });
    });

    it("makes the document a draft again (published, if it was), audits it, and is done once", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.creator, withdraw, [submission]);
        expect(await statusOf(scenario, d.ohje)).toBe("draft");
        expect(await submissionStatus(scenario, submission)).toBe("withdrawn");
        expect(await scenario.attempt(a.creator, withdraw, [submission], "call")).toEqual({
          error: "55000",
        });
        expect(
          await scenario.owner(
            "select actor_id from public.audit_log where action = 'document.withdraw'",
          ),
        ).toEqual([{ actor_id: p.cilla }]);

        await publishedVersion(scenario, d.ohje);
        const next = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.networkMember, withdraw, [next]);
        expect(await statusOf(scenario, d.ohje)).toBe("published");
      });
    });
  });

  describe("publish_submission", () => {
    it("the submitter, the document's editors and the board's members publish an approved submission; nobody else", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await approvedSubmission(scenario, d.ohje);
        expect(await scenario.attemptByEveryone(steps.publish, [submission], "call")).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              commenter: "denied",
              networkMember: "ok",
              networkCoordinator: "ok",
              creator: "ok",
              orgAdmin: "ok",
              editorOnBoard: "ok",
              boardCoordinator: "ok",
              boardMember: "ok",
              boardMemberElsewhere: "ok",
            },
          ),
        );
      });
    });

    it("only an approved submission is published (55000)", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        expect(await scenario.attempt(a.creator, steps.publish, [submission], "call")).toEqual({
          error: "55000",
        });
        expect(
          await scenario.owner(
            "select count(*)::int as count from public.published_versions where document_id = $1",
            [d.ohje],
          ),
        ).toEqual([{ count: 0 }]);
      });
    });

    it("publishes exactly the frozen content as version 1, with its approvers, owner, slug and review date", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [
          d.ohje,
          "Ensimmäinen",
        ]);
        // Editing goes on after the submission; it must not reach the published version.
        await scenario.owner(
          "update public.documents set html = '<p>Keskeneräinen.</p>', text = 'Keskeneräinen.' where id = $1",
          [d.ohje],
        );
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        await scenario.as(a.boardMember, steps.review, [submission, "approve", "Hyvä."]);
        expect(await scenario.value(a.boardCoordinator, steps.publish, [submission])).toBe(1);

        const [version] = await scenario.owner<Record<string, unknown>>(
          `select number, title, kind::text, language, html, text, change_summary, owner_id, owner_name,
             owner_organisation_id, published_by, submission_id, approvals
           from public.published_versions where document_id = $1`,
          [d.ohje],
        );
        const { approvals, ...rest } = version ?? {};
        expect(rest).toEqual({
          number: 1,
          title: "Työttömyysturvan käsikirja",
          kind: "manual",
          language: "fi",
          html: "<p>Ensimmäinen versio.</p>",
          text: "Ensimmäinen versio.",
          change_summary: "Ensimmäinen",
          owner_id: p.cilla,
          owner_name: "cilla",
          owner_organisation_id: organisations.helsinki,
          published_by: p.kaisa,
          submission_id: submission,
        });
        expect(
          (approvals as { name: string; decided_at: unknown }[])
            .map(({ decided_at, ...approval }) => ({ ...approval, dated: typeof decided_at }))
            .sort((x, y) => x.name.localeCompare(y.name)),
        ).toEqual([
          {
            reviewer_id: p.helena,
            name: "helena",
            organisation_id: organisations.helsinki,
            organisation_name_fi: "Helsingin työllisyysalue",
            organisation_name_sv: "Helsingfors sysselsättningsområde",
            dated: "string",
          },
          {
            reviewer_id: p.kaisa,
            name: "kaisa",
            organisation_id: organisations.tampere,
            organisation_name_fi: "Tampereen työllisyysalue",
            organisation_name_sv: "Tammerfors sysselsättningsområde",
            dated: "string",
          },
        ]);

        const [doc] = await scenario.owner(
          `select status::text, slug, published_version, published_at is not null as dated, owner_id,
             review_due = current_date + 365 as due_in_a_year, html
           from public.documents where id = $1`,
          [d.ohje],
        );
        expect(doc).toEqual({
          status: "published",
          slug: "tyottomyysturvan-kasikirja",
          published_version: 1,
          dated: true,
          owner_id: p.cilla,
          due_in_a_year: true,
          html: "<p>Keskeneräinen.</p>",
        });
        expect(await submissionStatus(scenario, submission)).toBe("published");
      });
    });

    it("what the board approved is published: renaming or reclassifying the document after submitting changes nothing", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        // Editors may rename and reclassify the live document at any time.
        await scenario.as(
          a.networkMember,
          "update public.documents set title = 'Hyväksymätön otsikko', kind = 'guidance' where id = $1",
          [d.ohje],
        );
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        await scenario.as(a.boardMember, steps.review, [submission, "approve", ""]);
        await scenario.as(a.boardMember, steps.publish, [submission]);
        expect(
          await scenario.owner(
            "select title, kind::text, language from public.published_versions where document_id = $1",
            [d.ohje],
          ),
        ).toEqual([{ title: "Työttömyysturvan käsikirja", kind: "manual", language: "fi" }]);
        expect(
          await scenario.owner("select slug from public.documents where id = $1", [d.ohje]),
        ).toEqual([{ slug: "tyottomyysturvan-kasikirja" }]);
      });
    });

    it("the next publication is version 2: the slug stays, the owner stays, the review date follows the board's interval", async () => {
      await inScenario(db, async (scenario) => {
        expect(await publishedVersion(scenario, d.ohje)).toBe(1);
        await scenario.as(a.creator, "select public.set_document_stewardship($1, $2, null)", [
          d.ohje,
          p.hanna,
        ]);
        await scenario.as(
          a.boardCoordinator,
          "select public.configure_editorial_board($1, 2, 2, 180, '{manual}', '{}')",
          ["a0000000-0000-4000-8000-000000000011"],
        );
        await scenario.owner(
          "update public.documents set title = 'Uusi otsikko', html = '<p>Toinen versio.</p>', text = 'Toinen versio.' where id = $1",
          [d.ohje],
        );
        expect(await publishedVersion(scenario, d.ohje, "Toinen")).toBe(2);
        expect(
          await scenario.owner(
            "select number, title, html, owner_id from public.published_versions where document_id = $1 order by number",
            [d.ohje],
          ),
        ).toEqual([
          {
            number: 1,
            title: "Työttömyysturvan käsikirja",
            html: "<p>Ensimmäinen versio.</p>",
            owner_id: p.cilla,
          },
          { number: 2, title: "Uusi otsikko", html: "<p>Toinen versio.</p>", owner_id: p.hanna },
        ]);
        expect(
          await scenario.owner(
            "select slug, published_version, review_due = current_date + 180 as due from public.documents where id = $1",
            [d.ohje],
          ),
        ).toEqual([{ slug: "tyottomyysturvan-kasikirja", published_version: 2, due: true }]);
      });
    });

    it("a second document with the same title gets its own slug", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        await scenario.owner("update public.documents set title = $2 where id = $1", [
          d.handbok,
          "Työttömyysturvan käsikirja",
        ]);
        await publishedVersion(scenario, d.handbok);
        expect(
          await scenario.owner(
            "select slug from public.documents where id = any ($1) order by slug",
            [[d.ohje, d.handbok]],
          ),
        ).toEqual([
          { slug: "tyottomyysturvan-kasikirja" },
          { slug: "tyottomyysturvan-kasikirja-2" },
        ]);
      });
    });

    it("notifies: the board is asked, the submitter hears the decision and the publication; all audited", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await approvedSubmission(scenario, d.ohje, "Uudistettu");
        await scenario.as(a.boardMember, steps.publish, [submission]);
        expect(
          await scenario.owner(
            `select kind, recipient_id, link, data ->> 'status' as status from public.notifications
             where kind in ('review_requested', 'review_decided', 'document_published')
             order by kind, recipient_id`,
          ),
        ).toEqual([
          {
            kind: "document_published",
            recipient_id: p.cilla,
            link: "/library/tyottomyysturvan-kasikirja",
            status: "1",
          },
          {
            kind: "review_decided",
            recipient_id: p.cilla,
            link: `/documents/${d.ohje}/publishing`,
            status: "approved",
          },
          ...[p.kaisa, p.helena, p.sanna, p.tuomas].sort().map((recipient_id) => ({
            kind: "review_requested",
            recipient_id,
            link: `/documents/${d.ohje}/publishing`,
            status: null,
          })),
        ]);
        expect(
          await scenario.owner(
            `select action, actor_id, details ->> 'version' as version from public.audit_log
             where target_id = $1 and action like 'document.%' order by id`,
            [d.ohje],
          ),
        ).toEqual([
          { action: "document.submit", actor_id: p.cilla, version: null },
          { action: "document.approve", actor_id: p.kaisa, version: null },
          { action: "document.approve", actor_id: p.helena, version: null },
          { action: "document.publish", actor_id: p.helena, version: "1" },
        ]);
      });
    });
  });

  describe("archive_document and reopen_document", () => {
    it("the document's managers and its board archive it; other editors, viewers and strangers may not", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        expect(await scenario.attemptByEveryone(archive, [d.ohje], "call")).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              commenter: "denied",
              networkMember: "denied",
              networkCoordinator: "ok",
              creator: "ok",
              orgAdmin: "ok",
              editorOnBoard: "ok",
              boardCoordinator: "ok",
              boardMember: "ok",
              boardMemberElsewhere: "ok",
            },
          ),
        );
      });
    });

    it("a document no board is responsible for: its managers archive it and set its owner; an editor who sits on some board may not", async () => {
      await inScenario(db, async (scenario) => {
        // tuomas's boards are not empty, and "no board in my boards" must still be no.
        await scenario.owner(
          "insert into public.document_permissions (document_id, user_id, level, granted_by) values ($1, $2, 'edit', $3)",
          [d.irrallinen, p.tuomas, p.cilla],
        );
        const stewardship = "select public.set_document_stewardship($1, null, current_date + 30)";
        for (const sql of [stewardship, archive, reviewed]) {
          expect(await scenario.attempt(a.editorOnBoard, sql, [d.irrallinen], "call"), sql).toBe(
            "denied",
          );
        }
        expect(await statusOf(scenario, d.irrallinen)).toBe("draft");
        expect(await scenario.attempt(a.creator, archive, [d.irrallinen], "call")).toBe("ok");
        expect(await scenario.attempt(a.editorOnBoard, reopen, [d.irrallinen], "call")).toBe(
          "denied",
        );
      });
    });

    it("archiving withdraws the submission under way; reopening makes it published (or a draft) again; each once", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, archive, [d.ohje]);
        expect(await statusOf(scenario, d.ohje)).toBe("archived");
        expect(await submissionStatus(scenario, submission)).toBe("withdrawn");
        expect(await scenario.attempt(a.creator, archive, [d.ohje], "call")).toEqual({
          error: "55000",
        });
        expect(await scenario.attemptByEveryone(reopen, [d.ohje], "call")).toMatchObject({
          creator: "ok",
          boardMember: "ok",
          networkMember: "denied",
          viewer: "denied",
          outsider: { error: "P0002" },
        });
        await scenario.as(a.orgAdmin, reopen, [d.ohje]);
        expect(await statusOf(scenario, d.ohje)).toBe("draft");
        expect(await scenario.attempt(a.orgAdmin, reopen, [d.ohje], "call")).toEqual({
          error: "55000",
        });

        await publishedVersion(scenario, d.ohje);
        await scenario.as(a.creator, archive, [d.ohje]);
        await scenario.as(a.boardMemberElsewhere, reopen, [d.ohje]);
        expect(await statusOf(scenario, d.ohje)).toBe("published");
        expect(
          await scenario.owner(
            `select action, actor_id, details ->> 'reason' as reason from public.audit_log
             where action in ('document.archive', 'document.reopen') order by id`,
          ),
        ).toEqual([
          { action: "document.archive", actor_id: p.kaisa, reason: "Vanhentunut" },
          { action: "document.reopen", actor_id: p.hanna, reason: null },
          { action: "document.archive", actor_id: p.cilla, reason: "Vanhentunut" },
          { action: "document.reopen", actor_id: p.sanna, reason: null },
        ]);
      });
    });
  });
});
