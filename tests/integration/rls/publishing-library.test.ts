/**
 * The library side of publishing: readers see the latest published version and never the draft
 * behind it; boards gain comment access to what is submitted to them; ownership, review dates
 * and their reminders; each board's dashboard; translations falling behind their source and
 * catching up. Every story runs in a transaction rolled back at its end (publishing-fixture.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  publishingActors as a,
  approvedSubmission,
  boards,
  publishingDocuments as d,
  forEveryone,
  inScenario,
  publishingPeople as p,
  publishedVersion,
  publishingFixtureSql,
  serviceRole,
  steps,
} from "./publishing-fixture";

const slug = "tyottomyysturvan-kasikirja";
const libraryDocument =
  "select title, latest_version, owner_name, owner_organisation_name_fi, outdated, translations, can_handle from public.library_document($1)";
const stewardship = "select public.set_document_stewardship($1, $2, $3::date)";
const reviewed = "select public.mark_document_reviewed($1)";
const reminders = "select public.send_document_review_reminders(current_date) as reminded";

describe.each(availableBackends())("the library on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(publishingFixtureSql);
  });
  afterAll(() => db.close());

  describe("readers never see drafts", () => {
    it("before anything is published, the library knows nothing of the document", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(a.creator, steps.submit, [d.ohje, ""]);
        expect(
          await scenario.attempt(
            a.outsider,
            "select id from public.published_versions where document_id = $1",
            [d.ohje],
          ),
        ).toEqual([]);
        expect(
          await scenario.attempt(
            a.networkMember,
            "select document_id from public.library_documents()",
          ),
        ).toEqual(["doc:tulkinta"]);
      });
    });

    it("published versions: every active non-guest reads them; a guest without access, the inactive and anon do not", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        expect(
          await scenario.attemptByEveryone(
            "select document_id from public.published_versions where document_id = $1",
            [d.ohje],
          ),
        ).toEqual(
          forEveryone(["doc:ohje"], { anon: "denied", pending: [], deactivated: [], guest: [] }),
        );
        expect(
          await scenario.attemptByEveryone("select document_id from public.library_document($1)", [
            slug,
          ]),
        ).toEqual(
          forEveryone(["doc:ohje"], { anon: "denied", pending: [], deactivated: [], guest: [] }),
        );
        expect(
          await scenario.attemptByEveryone(
            "select document_id from public.library_slugs(array[$1, $2]::uuid[])",
            [d.ohje, d.irrallinen],
          ),
        ).toEqual(
          forEveryone(["doc:ohje"], { anon: "denied", pending: [], deactivated: [], guest: [] }),
        );
      });
    });

    it("a reader with only the published version reads it, and none of the working document", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.owner(
          `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
           values ($1, 'Ensimmäinen', 0, 'Tarkennetaanko?', $2)`,
          [d.ohje, p.aino],
        );
        await publishedVersion(scenario, d.ohje);
        for (const table of [
          "documents",
          "document_versions",
          "document_submissions",
          "document_comments",
        ]) {
          const column = table === "documents" ? "id" : "document_id";
          expect(
            await scenario.attempt(
              a.outsider,
              `select ${column} from public.${table} where ${column} = $1`,
              [d.ohje],
            ),
            table,
          ).toEqual([]);
        }
        expect(
          await scenario.attempt(a.outsider, "select submission_id from public.document_reviews"),
        ).toEqual([]);
        expect(
          await scenario.attempt(a.outsider, "select public.document_access($1)", [d.ohje]),
        ).toEqual(["none"]);
        expect(await scenario.as(a.outsider, libraryDocument, [slug])).toEqual([
          {
            title: "Työttömyysturvan käsikirja",
            latest_version: 1,
            owner_name: "cilla",
            owner_organisation_name_fi: "Helsingin työllisyysalue",
            outdated: false,
            translations: [],
            can_handle: false,
          },
        ]);
      });
    });

    it("while the next version is drafted and even in review, readers still get version 1", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        await scenario.owner(
          "update public.documents set title = 'Luonnosotsikko', html = '<p>Salainen luonnos.</p>', text = 'Salainen luonnos.' where id = $1",
          [d.ohje],
        );
        const next = await scenario.value<string>(a.creator, steps.submit, [d.ohje, "Toinen"]);
        await scenario.as(a.boardCoordinator, steps.review, [next, "approve", ""]);
        await scenario.as(a.boardMember, steps.review, [next, "approve", ""]);

        const readerSees = async () => ({
          library: await scenario.as(
            a.outsider,
            "select title, latest_version from public.library_document($1)",
            [slug],
          ),
          versions: await scenario.as(
            a.outsider,
            "select number, title, html from public.published_versions where document_id = $1 order by number",
            [d.ohje],
          ),
          list: await scenario.as(
            a.outsider,
            "select title, latest_version from public.library_documents('manual')",
          ),
        });
        expect(await readerSees()).toEqual({
          library: [{ title: "Työttömyysturvan käsikirja", latest_version: 1 }],
          versions: [
            { number: 1, title: "Työttömyysturvan käsikirja", html: "<p>Ensimmäinen versio.</p>" },
          ],
          list: [{ title: "Työttömyysturvan käsikirja", latest_version: 1 }],
        });

        await scenario.as(a.creator, steps.publish, [next]);
        expect(await readerSees()).toEqual({
          library: [{ title: "Luonnosotsikko", latest_version: 2 }],
          versions: [
            { number: 1, title: "Työttömyysturvan käsikirja", html: "<p>Ensimmäinen versio.</p>" },
            { number: 2, title: "Luonnosotsikko", html: "<p>Salainen luonnos.</p>" },
          ],
          list: [{ title: "Luonnosotsikko", latest_version: 2 }],
        });
      });
    });

    it("an archived document leaves the library's list; its versions stay citable", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        await scenario.as(a.creator, "select public.archive_document($1, '')", [d.ohje]);
        expect(
          await scenario.attempt(a.outsider, "select document_id from public.library_documents()"),
        ).toEqual(["doc:tulkinta"]);
        expect(
          await scenario.attempt(
            a.outsider,
            "select number from public.published_versions where document_id = $1",
            [d.ohje],
          ),
        ).toEqual(["1"]);
      });
    });
  });

  describe("the board and the documents submitted to it", () => {
    it("board members get comment access to a document once it is submitted to their board, not before and not to others", async () => {
      await inScenario(db, async (scenario) => {
        const access = "select public.document_access($1)";
        const before = await scenario.attemptByEveryone(access, [d.ohje]);
        expect(before).toMatchObject({
          boardCoordinator: ["none"],
          boardMember: ["none"],
          boardObserver: ["none"],
          otherBoard: ["none"],
        });
        await scenario.as(a.creator, steps.submit, [d.ohje, ""]);
        expect(await scenario.attemptByEveryone(access, [d.ohje])).toEqual({
          ...before,
          boardCoordinator: ["comment"],
          boardMember: ["comment"],
          boardMemberElsewhere: ["comment"],
          // tuomas edits through his own grant; the board's comment access does not lower it.
          editorOnBoard: ["edit"],
        });
        expect(
          await scenario.attempt(
            a.boardMember,
            "select id from public.documents where id = any ($1)",
            [[d.ohje, d.handbok, d.irrallinen]],
          ),
        ).toEqual(["doc:ohje"]);
      });
    });

    it("document_board_of names the responsible board and whether the caller is a member of it, to readers of the document only", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(a.creator, steps.submit, [d.ohje, ""]);
        const sql =
          "select board_id, is_member, approvals_required from public.document_board_of($1)";
        expect(await scenario.as(a.boardMember, sql, [d.ohje])).toEqual([
          { board_id: boards.toimitus, is_member: true, approvals_required: 2 },
        ]);
        expect(await scenario.as(a.networkMember, sql, [d.ohje])).toEqual([
          { board_id: boards.toimitus, is_member: false, approvals_required: 2 },
        ]);
        expect(await scenario.as(a.outsider, sql, [d.ohje])).toEqual([]);
        expect(await scenario.as(a.creator, sql, [d.irrallinen])).toEqual([]);
      });
    });

    it("a board scoped to a network comes before one scoped to the kind", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(
          a.otherBoard,
          "select public.configure_editorial_board($1, 1, 1, 365, '{interpretation}', $2)",
          [boards.toinen, [boards.toinen, "a0000000-0000-4000-8000-000000000002"]],
        );
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        expect(
          await scenario.owner("select board_id from public.document_submissions where id = $1", [
            submission,
          ]),
        ).toEqual([{ board_id: boards.toinen }]);
        expect(await scenario.value(a.otherBoard, steps.review, [submission, "approve", ""])).toBe(
          "approved",
        );
      });
    });

    it("can_handle_document: editors, managers and the board; not viewers, commenters or readers", async () => {
      await inScenario(db, async (scenario) => {
        expect(
          await scenario.attemptByEveryone("select public.can_handle_document($1)", [d.ohje]),
        ).toEqual(
          forEveryone(["false"], {
            anon: "denied",
            networkMember: ["true"],
            networkCoordinator: ["true"],
            creator: ["true"],
            orgAdmin: ["true"],
            editorOnBoard: ["true"],
            boardCoordinator: ["true"],
            boardMember: ["true"],
            boardMemberElsewhere: ["true"],
          }),
        );
      });
    });

    it("configure_editorial_board: the board's coordinators only; the quorum must make sense", async () => {
      await inScenario(db, async (scenario) => {
        const configure =
          "select public.configure_editorial_board($1, 3, 2, 180, '{manual,guidance}', '{}')";
        expect(await scenario.attemptByEveryone(configure, [boards.toimitus], "call")).toEqual(
          forEveryone("denied", { boardCoordinator: "ok" }),
        );
        // A network coordinator who is no board's coordinator configures nothing.
        expect(
          await scenario.attempt(
            a.networkCoordinator,
            configure,
            ["a0000000-0000-4000-8000-000000000002"],
            "call",
          ),
        ).toBe("denied");
        await scenario.as(a.boardCoordinator, configure, [boards.toimitus]);
        expect(
          await scenario.as(
            a.outsider,
            `select board.approvals_required, board.organisations_required, board.review_interval_days,
               array(select scope.document_kind::text from public.editorial_board_scopes as scope
                 where scope.board_id = board.network_id order by 1) as kinds
             from public.editorial_boards as board where board.network_id = $1`,
            [boards.toimitus],
          ),
        ).toEqual([
          {
            approvals_required: 3,
            organisations_required: 2,
            review_interval_days: 180,
            kinds: ["guidance", "manual"],
          },
        ]);
        expect(
          await scenario.attempt(
            a.boardCoordinator,
            "select public.configure_editorial_board($1, 1, 2, 365, '{manual}', '{}')",
            [boards.toimitus],
            "call",
          ),
        ).toEqual({ error: "23514" });
        expect(
          await scenario.owner(
            "select count(*)::int as count from public.audit_log where action = 'editorial_board.configure'",
          ),
        ).toEqual([{ count: 1 }]);
      });
    });
  });

  describe("ownership and review", () => {
    it("set_document_stewardship: the managers, the owner and the board; not other editors or readers", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        expect(
          await scenario.attemptByEveryone(stewardship, [d.ohje, p.helena, "2099-01-01"], "call"),
        ).toMatchObject({ creator: { error: "22023" } });
        const nextMonth = await scenario.value<string>(
          a.creator,
          "select (current_date + 30)::text",
        );
        expect(
          await scenario.attemptByEveryone(stewardship, [d.ohje, p.helena, nextMonth], "call"),
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
        // Once eero, who only views the document, owns it, he sets its review date himself.
        await scenario.as(a.creator, stewardship, [d.ohje, p.eero, null]);
        await scenario.as(a.viewer, stewardship, [d.ohje, null, nextMonth]);
        expect(
          await scenario.owner(
            "select owner_id, review_due::text from public.documents where id = $1",
            [d.ohje],
          ),
        ).toEqual([{ owner_id: p.eero, review_due: nextMonth }]);
        expect(
          await scenario.owner(
            "select count(*)::int as count from public.audit_log where action = 'document.stewardship'",
          ),
        ).toEqual([{ count: 2 }]);
      });
    });

    it("the owner is an active member of the owner organisation; the review date lies within three years", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        const call = (owner: string | null, due: string | null) =>
          scenario.attempt(
            a.creator,
            `select public.set_document_stewardship($1, $2, case when $3::int is null then null else current_date + $3::int end)`,
            [d.ohje, owner, due],
            "call",
          );
        // kaisa works for Tampere; the document is Helsinki's.
        expect(await call(p.kaisa, null)).toEqual({ error: "22023" });
        expect(await call(p.otto, null)).toBe("ok");
        await scenario.owner(
          "update public.organisation_members set status = 'deactivated' where user_id = $1",
          [p.otto],
        );
        expect(await call(p.otto, null)).toEqual({ error: "22023" });
        expect(await call(null, "0")).toEqual({ error: "22023" });
        expect(await call(null, "1096")).toEqual({ error: "22023" });
        expect(await call(null, "1")).toBe("ok");
        expect(await call(null, "1095")).toBe("ok");
      });
    });

    it("mark_document_reviewed: only a published document; the next review falls due after the board's interval", async () => {
      await inScenario(db, async (scenario) => {
        expect(await scenario.attempt(a.creator, reviewed, [d.ohje], "call")).toEqual({
          error: "55000",
        });
        await publishedVersion(scenario, d.ohje);
        await scenario.owner(
          "update public.documents set review_due = current_date + 5, review_reminded_for = current_date + 5 where id = $1",
          [d.ohje],
        );
        expect(await scenario.attemptByEveryone(reviewed, [d.ohje], "call")).toMatchObject({
          creator: "ok",
          boardMember: "ok",
          networkMember: "denied",
          viewer: "denied",
          outsider: { error: "P0002" },
          anon: "denied",
        });
        await scenario.as(a.boardMember, reviewed, [d.ohje]);
        expect(
          await scenario.owner(
            "select review_due = current_date + 365 as a_year_on, review_reminded_for from public.documents where id = $1",
            [d.ohje],
          ),
        ).toEqual([{ a_year_on: true, review_reminded_for: null }]);
      });
    });

    it("send_document_review_reminders: the service role only, each due date reminded once, to the owner", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        await scenario.owner(
          "update public.documents set review_due = current_date + 20 where id = $1",
          [d.ohje],
        );
        expect(await scenario.attemptByEveryone(reminders, [], "call")).toEqual(
          forEveryone("denied"),
        );
        expect(await scenario.value(serviceRole, reminders)).toBe(2);
        expect(await scenario.value(serviceRole, reminders)).toBe(0);
        expect(
          await scenario.owner<{ recipient_id: string; link: string; due: boolean }>(
            `select recipient_id, link, (data ->> 'status')::date = current_date + 20 as due
             from public.notifications where kind = 'document_review_due' order by link`,
          ),
        ).toEqual(
          [
            { recipient_id: p.cilla, link: `/documents/${d.ohje}/publishing`, due: true },
            { recipient_id: p.cilla, link: `/documents/${d.tulkinta}/publishing`, due: false },
          ].sort((x, y) => x.link.localeCompare(y.link)),
        );
        // A new due date is a new reminder.
        await scenario.owner(
          "update public.documents set review_due = current_date + 25 where id = $1",
          [d.ohje],
        );
        expect(await scenario.value(serviceRole, reminders)).toBe(1);
      });
    });

    it("board_reviews_due: each board sees its own documents due for review, nobody else's", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        await scenario.owner(
          "update public.documents set review_due = current_date - 3 where id = $1",
          [d.ohje],
        );
        expect(
          await scenario.attemptByEveryone("select document_id from public.board_reviews_due(30)"),
        ).toEqual(
          forEveryone([], {
            anon: "denied",
            editorOnBoard: ["doc:ohje"],
            boardCoordinator: ["doc:ohje"],
            boardMember: ["doc:ohje"],
            boardMemberElsewhere: ["doc:ohje"],
            otherBoard: ["doc:tulkinta"],
          }),
        );
        expect(
          await scenario.attempt(
            a.otherBoard,
            "select document_id from public.board_reviews_due(5)",
          ),
        ).toEqual([]);
      });
    });
  });

  describe("translations", () => {
    const translate = "select public.set_document_translation($1, $2)";

    it("set_document_translation: the translation's editors, for a readable source in the other language", async () => {
      await inScenario(db, async (scenario) => {
        expect(await scenario.attemptByEveryone(translate, [d.handbok, d.ohje], "call")).toEqual(
          forEveryone(
            { error: "P0002" },
            {
              anon: "denied",
              pending: "denied",
              deactivated: "denied",
              viewer: "denied",
              networkMember: "ok",
              networkCoordinator: "ok",
              creator: "ok",
              orgAdmin: "ok",
            },
          ),
        );
        // Same language; a source that is a translation itself.
        expect(
          await scenario.attempt(a.creator, translate, [d.irrallinen, d.ohje], "call"),
        ).toEqual({
          error: "22023",
        });
        await scenario.as(a.creator, translate, [d.handbok, d.ohje]);
        expect(
          await scenario.attempt(a.creator, translate, [d.irrallinen, d.handbok], "call"),
        ).toEqual({
          error: "22023",
        });
        // A document cannot translate itself.
        expect(await scenario.attempt(a.creator, translate, [d.ohje, d.ohje], "call")).toEqual({
          error: "22023",
        });
      });
    });

    it("a translation is outdated when its source publishes a new version, and current when it publishes too", async () => {
      await inScenario(db, async (scenario) => {
        await scenario.as(a.creator, translate, [d.handbok, d.ohje]);
        await publishedVersion(scenario, d.ohje);
        await publishedVersion(scenario, d.handbok);
        const [handbok] = await scenario.owner<{ slug: string }>(
          "select slug from public.documents where id = $1",
          [d.handbok],
        );
        const bothSides = async () => ({
          source: await scenario.as(
            a.outsider,
            "select outdated, translations from public.library_document($1)",
            [slug],
          ),
          translation: await scenario.as(
            a.outsider,
            "select outdated, translations from public.library_document($1)",
            [handbok?.slug],
          ),
        });
        const sides = (outdated: boolean) => ({
          source: [
            {
              outdated: false,
              translations: [
                {
                  slug: handbok?.slug,
                  language: "sv",
                  title: "Handbok för arbetslöshetsskydd",
                  outdated,
                },
              ],
            },
          ],
          translation: [
            {
              outdated,
              translations: [
                { slug, language: "fi", title: "Työttömyysturvan käsikirja", outdated: false },
              ],
            },
          ],
        });
        expect(await bothSides()).toEqual(sides(false));

        await scenario.owner(
          "update public.documents set html = '<p>Toinen versio.</p>' where id = $1",
          [d.ohje],
        );
        // kaisa publishes, so cilla, the translation's owner, is told.
        const next = await approvedSubmission(scenario, d.ohje);
        await scenario.as(a.boardCoordinator, steps.publish, [next]);
        expect(await bothSides()).toEqual(sides(true));
        expect(
          await scenario.owner(
            "select recipient_id, link from public.notifications where kind = 'translation_outdated'",
          ),
        ).toEqual([{ recipient_id: p.cilla, link: `/documents/${d.handbok}/publishing` }]);

        await publishedVersion(scenario, d.handbok);
        expect(await bothSides()).toEqual(sides(false));
        expect(
          await scenario.owner(
            "select number, source_version from public.published_versions where document_id = $1 order by number",
            [d.handbok],
          ),
        ).toEqual([
          { number: 1, source_version: 1 },
          { number: 2, source_version: 2 },
        ]);
      });
    });
  });
});
