/**
 * The publishing tables and functions as the API roles meet them: what anon, authenticated and
 * the service role may execute, that every new security definer function pins its search_path,
 * that no role writes the workflow's tables directly, and who reads each of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  publishingActors as a,
  publishingDocuments as d,
  forEveryone,
  inScenario,
  publishingPeople as p,
  publishedVersion,
  publishingFixtureSql,
  steps,
} from "./publishing-fixture";

/** Every function the publishing migration gives the API, and the two jobs only the service role runs. */
const userFunctions = [
  "answer_feedback",
  "archive_document",
  "board_reviews_due",
  "can_handle_document",
  "close_comment_round",
  "configure_editorial_board",
  "document_board_of",
  "handle_comment_round_item",
  "library_document",
  "library_documents",
  "library_slugs",
  "mark_document_reviewed",
  "my_round_invitees",
  "open_comment_round",
  "publish_submission",
  "reopen_document",
  "respond_to_comment_round",
  "review_submission",
  "set_document_stewardship",
  "set_document_translation",
  "submit_document",
  "withdraw_submission",
];
const jobs = ["close_due_comment_rounds", "send_document_review_reminders"];

/** The private helpers the migration adds (policies call the first four). */
const privateHelpers = [
  "board_document_ids",
  "create_editorial_board",
  "document_board",
  "document_submitted_announce",
  "finish_comment_round",
  "freeze_document",
  "handles_document",
  "is_board_member_person",
  "lock_document",
  "my_board_ids",
  "my_round_invitee_ids",
  "notify_board",
  "notify_feedback",
  "prepare_feedback",
  "readable_round_ids",
  "reads_published",
  "runs_round",
  "translation_outdated",
  "unique_document_slug",
];

const tables = [
  "comment_round_invitees",
  "comment_round_items",
  "comment_round_responses",
  "comment_rounds",
  "document_feedback",
  "document_reviews",
  "document_submissions",
  "editorial_board_scopes",
  "editorial_boards",
  "published_versions",
];

describe.each(availableBackends())("publishing tables and functions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(publishingFixtureSql);
  });
  afterAll(() => db.close());

  describe("what the API roles may execute", () => {
    it("anon executes none of the new functions; authenticated every one but the jobs; the service role the jobs", async () => {
      const { rows } = await db.query<{
        name: string;
        anon: boolean;
        authenticated: boolean;
        service: boolean;
      }>(
        `select proc.proname as name,
           has_function_privilege('anon', proc.oid, 'execute') as anon,
           has_function_privilege('authenticated', proc.oid, 'execute') as authenticated,
           has_function_privilege('service_role', proc.oid, 'execute') as service
         from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
         where namespace.nspname = 'public' and proc.proname = any ($1::text[])
         order by 1`,
        [[...userFunctions, ...jobs]],
      );
      expect(rows).toEqual(
        [...userFunctions, ...jobs].sort().map((name) => ({
          name,
          anon: false,
          authenticated: !jobs.includes(name),
          service: true,
        })),
      );
    });

    it("authenticated executes only the private helpers policies call", async () => {
      const { rows } = await db.query<{ name: string }>(
        `select proc.proname as name
         from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
         where namespace.nspname = 'private' and proc.proname = any ($1::text[])
           and has_function_privilege('authenticated', proc.oid, 'execute')
         order by 1`,
        [privateHelpers],
      );
      expect(rows.map((row) => row.name)).toEqual([
        "handles_document",
        "my_board_ids",
        "readable_round_ids",
        "reads_published",
      ]);
    });

    it("every new security definer function pins search_path to ''", async () => {
      const { rows } = await db.query<{ name: string; definer: boolean; pinned: boolean }>(
        `select namespace.nspname || '.' || proc.proname as name, proc.prosecdef as definer,
           coalesce('search_path=""' = any (proc.proconfig), false) as pinned
         from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
         where (namespace.nspname = 'public' and proc.proname = any ($1::text[]))
            or (namespace.nspname = 'private' and proc.proname = any ($2::text[]))
         order by 1`,
        [[...userFunctions, ...jobs], privateHelpers],
      );
      expect(rows).toHaveLength(userFunctions.length + jobs.length + privateHelpers.length);
      expect(rows.filter((row) => row.definer && !row.pinned).map((row) => row.name)).toEqual([]);
    });

    it("the jobs are refused to every signed-in user", async () => {
      await inScenario(db, async (scenario) => {
        for (const job of [
          "select public.send_document_review_reminders(current_date)",
          "select public.close_due_comment_rounds()",
        ]) {
          expect(await scenario.attemptByEveryone(job, [], "call"), job).toEqual(
            forEveryone("denied"),
          );
        }
      });
    });
  });

  describe("the tables", () => {
    it("every table has row level security, and anon reads none of them", async () => {
      const { rows } = await db.query<{ name: string; secured: boolean; anon: boolean }>(
        `select relname as name, relrowsecurity as secured,
           has_table_privilege('anon', oid, 'select') as anon
         from pg_class where relnamespace = 'public'::regnamespace and relname = any ($1::text[])
         order by 1`,
        [tables],
      );
      expect(rows).toEqual(tables.map((name) => ({ name, secured: true, anon: false })));
    });

    it("nobody writes the workflow's tables directly: every change goes through the functions", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        const writes = [
          "update public.documents set status = 'published' where id = $1",
          "update public.documents set slug = 'oma-osoite', published_version = 7 where id = $1",
          "update public.document_submissions set status = 'approved' where document_id = $1",
          "delete from public.document_submissions where document_id = $1",
          "insert into public.document_reviews (submission_id, reviewer_id, decision) select id, auth.uid(), 'approve' from public.document_submissions where document_id = $1",
          "insert into public.published_versions (document_id, number, title, kind, language, content, html, text) values ($1, 1, 'x', 'manual', 'fi', '{}', '', '')",
          "update public.editorial_boards set approvals_required = 1 where network_id is not null and $1::uuid is not null",
          "delete from public.editorial_board_scopes where $1::uuid is not null",
        ];
        for (const sql of writes) {
          for (const actor of [a.creator, a.boardCoordinator]) {
            expect(
              await scenario.attempt(actor, sql, [d.ohje], "call"),
              `${sql} as ${actor.sub}`,
            ).toBe("denied");
          }
        }
        expect(
          await scenario.owner(
            "select status::text from public.document_submissions where id = $1",
            [submission],
          ),
        ).toEqual([{ status: "in_review" }]);
        expect(
          await scenario.owner("select approvals_required from public.editorial_boards"),
        ).toEqual([{ approvals_required: 2 }, { approvals_required: 2 }]);
      });
    });

    it("editorial boards and their scopes: every active user reads them", async () => {
      await inScenario(db, async (scenario) => {
        const signedIn = { anon: "denied" as const, pending: [], deactivated: [] };
        expect(
          await scenario.attemptByEveryone("select network_id from public.editorial_boards"),
        ).toEqual(forEveryone(["board:toimitus", "board:toinen"], signedIn));
        expect(
          await scenario.attemptByEveryone(
            "select distinct board_id from public.editorial_board_scopes where document_kind is not null",
          ),
        ).toEqual(forEveryone(["board:toimitus", "board:toinen"], signedIn));
      });
    });

    it("submissions and reviews: the document's readers and the board's members; not observers, other boards or outsiders", async () => {
      await inScenario(db, async (scenario) => {
        const submission = await scenario.value<string>(a.creator, steps.submit, [d.ohje, ""]);
        await scenario.as(a.boardCoordinator, steps.review, [submission, "approve", ""]);
        const readers = forEveryone([], {
          anon: "denied",
          viewer: ["doc:ohje"],
          commenter: ["doc:ohje"],
          networkMember: ["doc:ohje"],
          networkCoordinator: ["doc:ohje"],
          creator: ["doc:ohje"],
          orgAdmin: ["doc:ohje"],
          editorOnBoard: ["doc:ohje"],
          boardCoordinator: ["doc:ohje"],
          boardMember: ["doc:ohje"],
          boardMemberElsewhere: ["doc:ohje"],
        });
        expect(
          await scenario.attemptByEveryone("select document_id from public.document_submissions"),
        ).toEqual(readers);
        expect(
          await scenario.attemptByEveryone(
            `select submission.document_id from public.document_reviews as review
             join public.document_submissions as submission on submission.id = review.submission_id`,
          ),
        ).toEqual(readers);
      });
    });

    it("feedback: a reader of the published version gives it as themselves; the author and the handlers read it", async () => {
      await inScenario(db, async (scenario) => {
        await publishedVersion(scenario, d.ohje);
        const give =
          "insert into public.document_feedback (document_id, version_number, problem, author_id) values ($1, $2, 'Vanha linkki', $3) returning document_id";
        expect(await scenario.attempt(a.outsider, give, [d.ohje, 1, p.olli])).toEqual(["doc:ohje"]);
        // As someone else, for a version that does not exist, as a guest without access, as anon.
        expect(await scenario.attempt(a.outsider, give, [d.ohje, 1, p.aino])).toBe("denied");
        expect(await scenario.attempt(a.outsider, give, [d.ohje, 2, p.olli])).toEqual({
          error: "23503",
        });
        expect(await scenario.attempt(a.guest, give, [d.ohje, 1, p.ville])).toBe("denied");
        expect(await scenario.attempt(a.anon, give, [d.ohje, 1, p.olli])).toBe("denied");

        expect(
          await scenario.attemptByEveryone("select author_id from public.document_feedback"),
        ).toEqual(
          forEveryone([], {
            anon: "denied",
            outsider: ["olli"],
            networkMember: ["olli"],
            networkCoordinator: ["olli"],
            creator: ["olli"],
            orgAdmin: ["olli"],
            editorOnBoard: ["olli"],
            boardCoordinator: ["olli"],
            boardMember: ["olli"],
            boardMemberElsewhere: ["olli"],
          }),
        );
        // Nobody but answer_feedback() changes it, not even its author.
        expect(
          await scenario.attempt(
            a.outsider,
            "update public.document_feedback set status = 'done'",
            [],
            "call",
          ),
        ).toBe("denied");
      });
    });
  });
});
