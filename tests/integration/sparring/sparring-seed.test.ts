/**
 * The legal-sparring demo data: the networks' lawyers and response targets, questions in every
 * state (one overdue, its coordinators told), endorsements only by the other lawyers, two
 * interpretations promoted from accepted answers and published through the board — the newer
 * superseding the older — and guidance of several organisations on the same act section, read
 * through the functions the pages call, as the demo people.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";

const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
const aino = person(1);
const kalle = person(2);
const liisa = person(3);
const olli = person(4);
const ville = person(8);
const helmi = person(9);
const sparring = "e0e0e0e0-0000-4000-8000-000000000010";
const closedSparring = "e0e0e0e0-0000-4000-8000-000000000011";
const question = (n: number) => `f1f1f1f1-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const answer = (n: number) => `f2f2f2f2-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const olderInterpretation = "f3f3f3f3-0000-4000-8000-000000000001";
const newerInterpretation = "f3f3f3f3-0000-4000-8000-000000000002";
const olderSlug = "kunnan-omarahoitteinen-valmennus-julkisena-tyovoimapalveluna";
const newerSlug = "ostopalveluna-hankittu-valmennus-julkisena-tyovoimapalveluna";
const organisation = {
  tampere: "c0c0c0c0-0000-4000-8000-000000000001",
  helsinki: "c0c0c0c0-0000-4000-8000-000000000002",
  keha: "c0c0c0c0-0000-4000-8000-000000000006",
  kuntaliitto: "c0c0c0c0-0000-4000-8000-000000000008",
};
/** 380/2023 2 § (Julkiset työvoimapalvelut), by the data migration's id formula. */
const publicServicesSection = "md5('380/2023::2')::uuid";

describe.each(availableBackends())("legal-sparring demo data on %s", (backend) => {
  let db: Database;
  const rows = async <Row>(sql: string, params: unknown[] = []) =>
    (await db.query<Row>(sql, params)).rows;
  /** Runs `sql` as `user` under RLS. */
  const rowsAs = <Row>(user: string, sql: string, params: unknown[] = []) =>
    db.transaction({ role: "authenticated", sub: user }, async (tx) => {
      return (await tx.query<Row>(sql, params)).rows;
    });

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    expect((await migrate(db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => db?.close());

  it("names Liisa and Helmi the lawyers of the open network and Liisa of the closed one, with their targets", async () => {
    const lawyers = await rowsAs<{ user_id: string; display_name: string }>(
      aino,
      "select user_id, display_name from public.sparring_lawyers_of($1)",
      [sparring],
    );
    expect(lawyers).toEqual([
      { user_id: helmi, display_name: "Helmi Hakala" },
      { user_id: liisa, display_name: "Liisa Lakimies" },
    ]);
    const closed = await rowsAs<{ user_id: string }>(
      aino,
      "select user_id from public.sparring_lawyers_of($1)",
      [closedSparring],
    );
    expect(closed.map((row) => row.user_id)).toEqual([liisa]);

    const role = (user: string, network: string) =>
      rowsAs<{ is_lawyer: boolean; is_coordinator: boolean; target_working_days: number }>(
        user,
        "select is_lawyer, is_coordinator, target_working_days from public.my_sparring_role($1)",
        [network],
      );
    expect(await role(helmi, sparring)).toEqual([
      { is_lawyer: true, is_coordinator: false, target_working_days: 5 },
    ]);
    expect(await role(liisa, closedSparring)).toEqual([
      { is_lawyer: true, is_coordinator: true, target_working_days: 3 },
    ]);
    expect((await role(aino, sparring))[0]?.is_lawyer).toBe(false);
    // The closed network's content is its members' only: Helmi is merely invited there.
    expect(
      await rowsAs(helmi, "select user_id from public.sparring_lawyers_of($1)", [closedSparring]),
    ).toEqual([]);
  });

  it("has questions in every state, the closed network's only for its members", async () => {
    const statuses = (user: string, network: string) =>
      rowsAs<{ status: string; count: number }>(
        user,
        `select list.status::text as status, count(*)::int
         from public.sparring_question_list($1, max_rows => 100) as list
         group by list.status order by list.status`,
        [network],
      );
    expect(await statuses(aino, sparring)).toEqual([
      { status: "open", count: 2 },
      { status: "answered", count: 4 },
      { status: "resolved", count: 3 },
    ]);
    // Olli observes the network and reads it too; the vendor guest reads nothing.
    expect((await statuses(olli, sparring)).length).toBe(3);
    expect(await statuses(ville, sparring)).toEqual([]);
    expect(await statuses(aino, closedSparring)).toEqual([
      { status: "answered", count: 1 },
      { status: "resolved", count: 1 },
    ]);
    expect(await statuses(helmi, closedSparring)).toEqual([]);
    expect(
      await rowsAs(kalle, "select id from public.sparring_questions where network_id = $1", [
        closedSparring,
      ]),
    ).toEqual([]);

    // Askers from three organisations, every question about at least one act section.
    const askers = await rowsAs<{ author_id: string; sections: unknown[] }>(
      aino,
      "select author_id, sections from public.sparring_question_list($1, max_rows => 100)",
      [sparring],
    );
    expect(new Set(askers.map((row) => row.author_id))).toEqual(new Set([aino, kalle, helmi]));
    for (const row of askers) expect(row.sections.length).toBeGreaterThan(0);
  });

  it("keeps each question's state consistent with its answers and its network's target", async () => {
    const inconsistent = await rows<{ id: string }>(
      `select question.id from public.sparring_questions as question
       where question.due_at <> private.add_working_days(question.created_at,
           private.sparring_target_days(question.network_id))
         or question.first_answered_at is distinct from (
           select min(answer.created_at) from public.sparring_answers as answer
           where answer.question_id = question.id and answer.author_id <> question.author_id)
         or (question.status = 'open') <> (question.first_answered_at is null)
         or (question.status = 'resolved') <> (question.accepted_answer_id is not null)
         or exists (select 1 from public.sparring_answers as answer
           where answer.question_id = question.id and answer.created_at < question.created_at)`,
    );
    expect(inconsistent).toEqual([]);
    // The answers' text was derived by the trigger from their html.
    const [texts] = await rows<{ empty: number; tagged: number }>(
      `select count(*) filter (where body_text = '')::int as empty,
         count(*) filter (where body_text like '%<%')::int as tagged
       from public.sparring_answers`,
    );
    expect(texts).toEqual({ empty: 0, tagged: 0 });
  });

  it("puts the overdue question first in the lawyers' queue and told the coordinators once", async () => {
    const queue = await rowsAs<{ id: string; overdue: boolean }>(
      liisa,
      "select id, overdue from public.sparring_queue()",
    );
    expect(queue).toEqual([
      { id: question(8), overdue: true },
      { id: question(9), overdue: false },
    ]);
    // Helmi is a lawyer of the open network only, and asked the fresh question herself.
    expect(
      (await rowsAs<{ id: string }>(helmi, "select id from public.sparring_queue()")).map(
        (row) => row.id,
      ),
    ).toEqual([question(8), question(9)]);
    expect(await rowsAs(aino, "select id from public.sparring_queue()")).toEqual([]);

    const told = await rows<{ recipient_id: string; link: string; flagged: boolean }>(
      `select notification.recipient_id, notification.link,
         question.overdue_notified_at = notification.created_at
           and question.overdue_notified_at > question.due_at as flagged
       from public.notifications as notification
       join public.sparring_questions as question on question.id = $1
       where notification.kind = 'sparring_question_overdue' order by notification.recipient_id`,
      [question(8)],
    );
    const link = `/networks/juridinen-sparrausverkosto/sparring/${question(8)}`;
    expect(told).toEqual([
      { recipient_id: kalle, link, flagged: true },
      { recipient_id: liisa, link, flagged: true },
    ]);
    // The job does not tell them again.
    expect(
      (
        await rows<{ flagged: number }>(
          "select public.flag_overdue_sparring_questions() as flagged",
        )
      )[0]?.flagged,
    ).toBe(0);
  });

  it("has endorsements only by the network's other lawyers, shown on the answers", async () => {
    const wrong = await rows<{ answer_id: string }>(
      `select endorsement.answer_id from public.sparring_endorsements as endorsement
       join public.sparring_answers as answer on answer.id = endorsement.answer_id
       join public.sparring_questions as question on question.id = answer.question_id
       where endorsement.user_id = answer.author_id
         or not private.is_sparring_lawyer_person(endorsement.user_id, question.network_id)
         or endorsement.created_at < answer.created_at`,
    );
    expect(wrong).toEqual([]);
    const [{ count } = { count: 0 }] = await rows<{ count: number }>(
      "select count(*)::int from public.sparring_endorsements",
    );
    expect(count).toBeGreaterThanOrEqual(4);

    const answers = await rowsAs<{
      id: string;
      author_name: string;
      author_is_lawyer: boolean;
      is_accepted: boolean;
      endorsements: { user_id: string; name: string }[];
      promoted_document_id: string | null;
    }>(
      aino,
      `select id, author_name, author_is_lawyer, is_accepted, endorsements, promoted_document_id
       from public.sparring_answers_of($1)`,
      [question(1)],
    );
    expect(answers.map((row) => row.id)).toEqual([answer(1), answer(2)]);
    expect(answers[0]).toMatchObject({
      author_name: "Helmi Hakala",
      author_is_lawyer: true,
      is_accepted: true,
      promoted_document_id: olderInterpretation,
    });
    expect(answers[0]?.endorsements.map((row) => row.name)).toEqual(["Liisa Lakimies"]);
    expect(answers[1]).toMatchObject({ author_is_lawyer: false, is_accepted: false });
  });

  it("published two interpretations from accepted answers, the newer superseding the older", async () => {
    const records = await rows<{
      document_id: string;
      accepted: boolean;
      owner_organisation_id: string;
      shared_with_network: boolean;
      snapshots: number;
      quorum: boolean;
    }>(
      `select record.document_id,
         question.accepted_answer_id = record.answer_id as accepted,
         doc.owner_organisation_id,
         exists (select 1 from public.document_permissions as permission
           where permission.document_id = doc.id and permission.network_id = record.network_id
             and permission.level = 'edit') as shared_with_network,
         (select count(*)::int from public.published_interpretations as snapshot
           where snapshot.document_id = doc.id) as snapshots,
         (select count(distinct review.organisation_id) = 2 and bool_and(review.reviewer_id <> submission.submitted_by)
           from public.document_submissions as submission
           join public.document_reviews as review on review.submission_id = submission.id
           where submission.document_id = doc.id and submission.status = 'published') as quorum
       from public.interpretations as record
       join public.documents as doc on doc.id = record.document_id
       join public.sparring_questions as question on question.id = record.question_id
       where doc.kind = 'interpretation' and doc.status = 'published' and doc.network_id is null
       order by record.document_id`,
    );
    expect(records).toEqual([
      {
        document_id: olderInterpretation,
        accepted: true,
        owner_organisation_id: organisation.helsinki,
        shared_with_network: true,
        snapshots: 1,
        quorum: true,
      },
      {
        document_id: newerInterpretation,
        accepted: true,
        owner_organisation_id: organisation.kuntaliitto,
        shared_with_network: true,
        snapshots: 1,
        quorum: true,
      },
    ]);

    const library = (slug: string) =>
      rowsAs<{
        number: number;
        issuing_body: string;
        nature: string;
        labels: string[];
        question_link: string | null;
        supersedes_slug: string | null;
        superseded_by_slug: string | null;
      }>(
        helmi,
        `select number, issuing_body, nature,
           array(select section ->> 'label' from jsonb_array_elements(sections) as section) as labels,
           question_link, supersedes_slug, superseded_by_slug
         from public.library_interpretation($1)`,
        [slug],
      );
    const [older] = await library(olderSlug);
    expect(older).toMatchObject({
      number: 1,
      issuing_body: "Juridinen sparrausverkosto",
      nature: "non_binding_recommendation",
      supersedes_slug: null,
      superseded_by_slug: newerSlug,
      question_link: `/networks/juridinen-sparrausverkosto/sparring/${question(1)}`,
    });
    expect(older?.labels).toContain("380/2023 2 §");
    const [newer] = await library(newerSlug);
    expect(newer).toMatchObject({ supersedes_slug: olderSlug, superseded_by_slug: null });
    expect(newer?.labels).toEqual(expect.arrayContaining(["380/2023 2 §", "380/2023 3 §"]));

    // A reader outside the network finds the interpretation but not the question it came from.
    const [outside] = await rowsAs<{ question_link: string | null; superseded_by_slug: string }>(
      person(5),
      "select question_link, superseded_by_slug from public.library_interpretation($1)",
      [olderSlug],
    );
    expect(outside).toEqual({ question_link: null, superseded_by_slug: newerSlug });
  });

  it("finds the interpretations and several organisations' guidance by 380/2023 2 §", async () => {
    const found = await rowsAs<{ slug: string; superseded: boolean }>(
      helmi,
      `select slug, superseded from public.library_documents_for_section(${publicServicesSection})`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { slug: olderSlug, superseded: true },
        { slug: newerSlug, superseded: false },
      ]),
    );

    const divergence = await rowsAs<{
      document_id: string;
      organisation_id: string;
      issuing_body: string | null;
      superseded_by_slug: string | null;
    }>(
      helmi,
      `select document_id, organisation_id, issuing_body, superseded_by_slug
       from public.legal_section_divergence(${publicServicesSection})`,
    );
    expect(new Set(divergence.map((row) => row.organisation_id))).toEqual(
      new Set([
        organisation.tampere,
        organisation.helsinki,
        organisation.keha,
        organisation.kuntaliitto,
      ]),
    );
    expect(divergence.find((row) => row.document_id === olderInterpretation)).toMatchObject({
      issuing_body: "Juridinen sparrausverkosto",
      superseded_by_slug: newerSlug,
    });

    // The questions about the section, for the members of the sparring network only.
    const questions = await rowsAs<{ question_id: string }>(
      aino,
      `select question_id from public.legal_section_questions(${publicServicesSection})`,
    );
    expect(questions.map((row) => row.question_id)).toEqual([question(2), question(1)]);
    expect(
      await rowsAs(
        ville,
        `select question_id from public.legal_section_questions(${publicServicesSection})`,
      ),
    ).toEqual([]);
  });

  it("told the people involved in the last month, never the actors themselves", async () => {
    const own = await rows<{ count: number }>(
      "select count(*)::int from public.notifications where kind like 'sparring\\_%' and recipient_id = actor_id",
    );
    expect(own[0]?.count).toBe(0);
    const kinds = await rows<{ kind: string }>(
      "select distinct kind from public.notifications where kind like 'sparring\\_%' order by kind",
    );
    expect(kinds.map((row) => row.kind)).toEqual([
      "sparring_answer_accepted",
      "sparring_answer_endorsed",
      "sparring_answer_posted",
      "sparring_answer_promoted",
      "sparring_question_asked",
      "sparring_question_overdue",
    ]);
    // Liisa was told about Helmi's fresh question and has not read it yet.
    const unread = await rowsAs<{ link: string }>(
      liisa,
      `select link from public.notifications
       where recipient_id = $1 and kind = 'sparring_question_asked' and read_at is null`,
      [liisa],
    );
    expect(unread.map((row) => row.link)).toEqual([
      `/networks/juridinen-sparrausverkosto/sparring/${question(9)}`,
    ]);
  });
});
