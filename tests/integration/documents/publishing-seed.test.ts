/**
 * The publishing demo data: it went through the workflow's rules (quorum, no self-approval, frozen
 * content), the library shows it to readers, and the board, the owners and the invited parties
 * find their part — checked against the database's own functions and the app's modules.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVersions } from "~/lib/document-history.server";
import { paragraphsOf } from "~/lib/paragraphs";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";
const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
const doc = (n: number) => `e5e5e5e5-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const aino = person(1);
const kalle = person(2);
const liisa = person(3);
const olli = person(4);
const helmi = person(9);
const ville = person(8);
const manualBoard = "e0e0e0e0-0000-4000-8000-000000000012";
const servicesBoard = "e0e0e0e0-0000-4000-8000-000000000013";
const round = "eaeaeaea-0000-4000-8000-000000000001";

describe.each(availableBackends())("publishing demo data on %s", (backend) => {
  let stack: EmbeddedStack;
  const rows = async <Row>(sql: string, params: unknown[] = []) =>
    (await stack.db.query<Row>(sql, params)).rows;
  /** Runs `sql` as `user` under RLS. */
  const rowsAs = <Row>(user: string, sql: string, params: unknown[] = []) =>
    stack.db.transaction({ role: "authenticated", sub: user }, async (tx) => {
      return (await tx.query<Row>(sql, params)).rows;
    });
  const signIn = async (email: string): Promise<SupabaseClient> => {
    const client = stack.anonClient();
    const { error } = await client.auth.signInWithPassword({ email, password: demoPassword });
    expect(error).toBeNull();
    return client;
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => stack.close());

  it("gives both boards their document kinds and the default quorum", async () => {
    const boards = await rows<{
      board: string;
      approvals: number;
      organisations: number;
      scopes: string[];
    }>(
      `select board.network_id as board, board.approvals_required as approvals,
         board.organisations_required as organisations,
         array_agg(coalesce(scope.document_kind::text, 'network')
           order by coalesce(scope.document_kind::text, 'network')) as scopes
       from public.editorial_boards as board
       join public.editorial_board_scopes as scope on scope.board_id = board.network_id
       group by board.network_id order by board.network_id`,
    );
    expect(boards).toEqual([
      {
        board: manualBoard,
        approvals: 2,
        organisations: 2,
        scopes: ["guidance", "interpretation", "manual", "network"],
      },
      {
        board: servicesBoard,
        approvals: 2,
        organisations: 2,
        scopes: ["disruption_notice", "good_practice", "network", "system_instruction"],
      },
    ]);
  });

  it("published every published document through its board: a quorum from two organisations, never the submitter", async () => {
    const versions = await rows<{
      document_id: string;
      number: number;
      board: string;
      responsible: string;
      submitter: string;
      approvers: string[];
      organisations: number;
      all_members: boolean;
      same_as_frozen: boolean;
      approvals: { reviewer_id: string; organisation_name_fi: string }[];
    }>(
      `select version.document_id, version.number, submission.board_id as board,
         private.document_board(version.document_id) as responsible,
         submission.submitted_by as submitter,
         array(select review.reviewer_id from public.document_reviews as review
               where review.submission_id = submission.id and review.decision = 'approve'
               order by review.decided_at)::text[] as approvers,
         (select count(distinct review.organisation_id)::int from public.document_reviews as review
          where review.submission_id = submission.id) as organisations,
         (select bool_and(private.is_board_member_person(review.reviewer_id, submission.board_id))
          from public.document_reviews as review where review.submission_id = submission.id) as all_members,
         frozen.kind = 'frozen' and frozen.html = version.html and frozen.text = version.text
           and frozen.created_at < version.published_at as same_as_frozen,
         version.approvals
       from public.published_versions as version
       join public.document_submissions as submission on submission.id = version.submission_id
       join public.document_versions as frozen on frozen.id = submission.version_id
       where version.document_id::text like 'e5e5e5e5-%'
       order by version.document_id, version.number`,
    );
    expect(versions.map((row) => [row.document_id, row.number])).toEqual([
      [doc(2), 1],
      [doc(2), 2],
      [doc(4), 1],
      [doc(5), 1],
      [doc(7), 1],
      [doc(8), 1],
      [doc(12), 1],
      [doc(12), 2],
    ]);
    for (const row of versions) {
      const label = `${row.document_id} v${row.number}`;
      expect(row.board, label).toBe(row.responsible);
      expect(row.approvers, label).toHaveLength(2);
      expect(row.approvers, label).not.toContain(row.submitter);
      expect(row.organisations, label).toBe(2);
      expect(row.all_members, label).toBe(true);
      expect(row.same_as_frozen, label).toBe(true);
      expect(
        row.approvals.map((approval) => approval.reviewer_id),
        label,
      ).toEqual(row.approvers);
      expect(
        row.approvals.every((approval) => approval.organisation_name_fi),
        label,
      ).toBe(true);
    }
    // The manual's board: Kalle (KEHA) and Liisa (Kuntaliitto); the e-services board: Paula and Helmi.
    expect(versions.find((row) => row.document_id === doc(2))?.approvers.sort()).toEqual([
      kalle,
      liisa,
    ]);
    expect(versions.find((row) => row.document_id === doc(4))?.approvers.sort()).toEqual([
      person(5),
      helmi,
    ]);

    const documents = await rows<{ id: string; ok: boolean }>(
      `select doc.id, doc.status = 'published' and doc.slug is not null and doc.owner_id = doc.created_by
         and doc.review_due is not null and doc.published_at = latest.published_at as ok
       from public.documents as doc
       join public.published_versions as latest
         on latest.document_id = doc.id and latest.number = doc.published_version
       where doc.id::text like 'e5e5e5e5-%'
       order by doc.id`,
    );
    expect(documents).toEqual([2, 4, 5, 7, 8, 12].map((n) => ({ id: doc(n), ok: true })));
  });

  it("shows a reader the latest version and what changed, and the Swedish translation as outdated", async () => {
    const [latest] = await rowsAs<{
      title: string;
      latest_version: number;
      owner_name: string;
      outdated: boolean;
    }>(
      olli,
      "select title, latest_version, owner_name, outdated from public.library_document('tyottomyysturvan-tyovoimapoliittiset-edellytykset')",
    );
    expect(latest).toEqual({
      title: "Työttömyysturvan työvoimapoliittiset edellytykset – soveltamisohje",
      latest_version: 2,
      owner_name: "Kalle Koordinaattori",
      outdated: false,
    });
    const texts = await rowsAs<{ number: number; text: string; change_summary: string }>(
      olli,
      `select number, text, change_summary from public.published_versions
       where document_id = $1 order by number`,
      [doc(2)],
    );
    expect(texts[1]?.change_summary).toMatch(/sovellettujen säännösten/);
    expect(texts[0]?.text).not.toContain("sovelletut säännökset");
    expect(texts[1]?.text).toContain("kirjaa perustelut sekä sovelletut säännökset.");
    // Paragraphs as the app numbers them: headings, list items and table cells each on their own.
    expect(paragraphsOf(texts[1]?.text ?? "")[0]?.text).toBe("Soveltamisala");

    const [swedish] = await rowsAs<{
      outdated: boolean;
      translations: { slug: string; language: string; outdated: boolean }[];
    }>(
      olli,
      "select outdated, translations from public.library_document('handledning-den-inledande-intervjun')",
    );
    expect(swedish).toEqual({
      outdated: true,
      translations: [
        {
          slug: "tyonhakijan-alkuhaastattelu",
          language: "fi",
          title: "Ohje: työnhakijan alkuhaastattelu",
          outdated: false,
        },
      ],
    });

    const library = await rowsAs<{ slug: string }>(
      olli,
      "select slug from public.library_documents() where document_id::text like 'e5e5e5e5-%'",
    );
    expect(library).toHaveLength(6);
    // The vendor guest reads only what he has access to: the disruption notice.
    const guest = await rowsAs<{ slug: string }>(
      ville,
      "select slug from public.library_documents()",
    );
    expect(guest.map((row) => row.slug)).toEqual([
      "hairiotiedote-tyonhakukeskustelujen-kirjaukset-viiveella",
    ]);
  });

  it("gives the board its dashboard: Kalle's approval awaited, one approved, one review overdue and one due soon", async () => {
    const waiting = await rows<{
      document_id: string;
      status: string;
      submitter: string;
      approvers: string[];
    }>(
      `select submission.document_id, submission.status::text as status, submission.submitted_by as submitter,
         array(select review.reviewer_id from public.document_reviews as review
               where review.submission_id = submission.id order by review.reviewer_id)::text[] as approvers
       from public.document_submissions as submission
       where submission.status in ('in_review', 'approved') order by submission.document_id`,
    );
    expect(waiting).toEqual([
      { document_id: doc(3), status: "approved", submitter: helmi, approvers: [kalle, liisa] },
      { document_id: doc(10), status: "in_review", submitter: aino, approvers: [liisa] },
    ]);
    const statuses = await rows<{ id: string; status: string }>(
      "select id, status::text from public.documents where id = any($1) order by id",
      [[doc(3), doc(10)]],
    );
    expect(statuses.map((row) => row.status)).toEqual(["approved", "in_review"]);

    const due = await rowsAs<{ document_id: string; overdue: boolean }>(
      kalle,
      "select document_id, review_due < current_date as overdue from public.board_reviews_due(30)",
    );
    expect(due).toEqual([
      { document_id: doc(7), overdue: true },
      { document_id: doc(8), overdue: false },
    ]);
    const reminders = await rows<{ recipient_id: string }>(
      "select recipient_id from public.notifications where kind = 'document_review_due' order by recipient_id",
    );
    expect(reminders.map((row) => row.recipient_id)).toEqual([aino, liisa]);

    const kalleSees = await rowsAs<{ kind: string }>(
      kalle,
      "select distinct kind from public.notifications where recipient_id = $1 order by kind",
      [kalle],
    );
    expect(kalleSees.map((row) => row.kind)).toEqual(
      expect.arrayContaining(["comment_round_invited", "feedback_received", "review_requested"]),
    );
  });

  it("has one new and one answered piece of feedback, each pointing at a paragraph of its version", async () => {
    const feedback = await rows<{
      status: string;
      reply: string | null;
      paragraph_index: number;
      paragraph_text: string;
      text: string;
    }>(
      `select feedback.status::text, feedback.reply, feedback.paragraph_index, feedback.paragraph_text, version.text
       from public.document_feedback as feedback
       join public.published_versions as version
         on version.document_id = feedback.document_id and version.number = feedback.version_number
       order by feedback.created_at desc`,
    );
    expect(feedback.map((row) => [row.status, row.reply !== null])).toEqual([
      ["new", false],
      ["accepted", true],
    ]);
    for (const row of feedback) {
      expect(row.paragraph_text).toBe(paragraphsOf(row.text)[row.paragraph_index]?.text);
    }
    // The author and the document's handlers read it, nobody else: Helmi wrote the first and is
    // on the checklist's board; Liisa is on the interpretation's board only; Ville, a guest, is
    // neither.
    const visible = async (user: string) =>
      (
        await rowsAs<{ id: string }>(user, "select id from public.document_feedback order by id")
      ).map((row) => row.id);
    expect(await visible(helmi)).toEqual([
      "e9e9e9e9-0000-4000-8000-000000000001",
      "e9e9e9e9-0000-4000-8000-000000000002",
    ]);
    expect(await visible(liisa)).toEqual(["e9e9e9e9-0000-4000-8000-000000000001"]);
    expect(await visible(ville)).toEqual([]);
  });

  it("writes every transition to the audit log", async () => {
    const actions = await rows<{ action: string; count: number }>(
      `select action, count(*)::int from public.audit_log
       where action like 'document.%' or action like 'comment_round.%' or action like 'feedback.%'
       group by action order by action`,
    );
    expect(actions).toEqual([
      { action: "comment_round.open", count: 1 },
      { action: "comment_round.respond", count: 1 },
      // Including the legal-sparring network's two interpretations (their part of supabase/seed.sql).
      { action: "document.approve", count: 23 },
      { action: "document.publish", count: 10 },
      { action: "document.submit", count: 12 },
      { action: "feedback.answer", count: 1 },
    ]);
  });

  it("has an open comment round that Helsinki answered and the legal-sparring network still may", async () => {
    const [open] = await rows<{
      days_left: number;
      invitees: number;
      responses: number;
      items: number;
    }>(
      `select extract(day from round.deadline - now())::int as days_left,
         (select count(*)::int from public.comment_round_invitees where round_id = round.id) as invitees,
         (select count(*)::int from public.comment_round_responses where round_id = round.id) as responses,
         (select count(*)::int from public.comment_round_items as item
          join public.comment_round_responses as response on response.id = item.response_id
          where response.round_id = round.id) as items
       from public.comment_rounds as round where round.id = $1 and round.closed_at is null`,
      [round],
    );
    expect(open).toEqual({ days_left: expect.any(Number), invitees: 2, responses: 1, items: 2 });
    expect(open?.days_left).toBeGreaterThanOrEqual(9);
    const [anchored] = await rows<{
      paragraph_index: number;
      paragraph_text: string;
      text: string;
    }>(
      `select item.paragraph_index, item.paragraph_text, round.text
       from public.comment_round_items as item
       join public.comment_round_responses as response on response.id = item.response_id
       join public.comment_rounds as round on round.id = response.round_id
       where item.paragraph_index is not null`,
    );
    expect(anchored?.paragraph_text).toBe(
      paragraphsOf(anchored?.text ?? "")[anchored?.paragraph_index ?? -1]?.text,
    );

    // Helmi answered for Helsinki already; Liisa answers for the network she coordinates.
    const helmiClient = await signIn("helmi.hakala@helsinki.example");
    const again = await helmiClient.rpc("respond_to_comment_round", {
      round_id: round,
      invitee_id: "ebebebeb-0000-4000-8000-000000000001",
      items: [{ paragraph_index: null, paragraph_text: null, comment: "Vielä yksi huomio." }],
    });
    expect(again.error?.code).toBe("23505");
    const liisaClient = await signIn("liisa.lakimies@kuntaliitto.example");
    const answered = await liisaClient.rpc("respond_to_comment_round", {
      round_id: round,
      invitee_id: "ebebebeb-0000-4000-8000-000000000002",
      items: [
        {
          paragraph_index: null,
          paragraph_text: null,
          comment: "Ei huomautettavaa lain kannalta.",
        },
      ],
    });
    expect(answered.error).toBeNull();
  });

  it("lists the frozen versions in the document's history", async () => {
    const kalleClient = await signIn("kalle.koordinaattori@keha.example");
    const { versions } = await listVersions(kalleClient, doc(2), 1, "fi");
    expect(versions.map((version) => [version.number, version.kind, version.creatorName])).toEqual([
      [2, "frozen", "Aino Asiantuntija"],
      [1, "frozen", "Aino Asiantuntija"],
    ]);
  });
});
