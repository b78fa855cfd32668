/**
 * From an accepted answer to a citable interpretation, as the database enforces it: only the
 * lawyers of the question's network promote, only the accepted answer and only once; the draft
 * stays with the network; the editorial board publishes it; the library finds it by act section,
 * keeps each version's fields as published, and says when a newer interpretation supersedes it.
 * People and content come from tests/integration/rls/sparring-fixture.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import type { Outcome } from "../rls/outcomes";
import { inScenario, type Scenario } from "../rls/publishing-fixture";
import {
  sparringActors as a,
  answers,
  forEverySparringActor,
  interpretationDocuments,
  labelOf,
  questions,
  refusalOf,
  type SparringOutcomes,
  sections,
  sparringActorNames,
  sparringActors,
  sparringClaimsOf,
  sparringFixtureSql,
  sparringOutcomesFor,
  sparringPeople,
  sparringSteps as steps,
} from "../rls/sparring-fixture";

const q = questions;
const p = sparringPeople;
const s = sections;
const vanha = interpretationDocuments.vanha;
const tampere = "e0000000-0000-4000-8000-000000000001";
const bea = sparringClaimsOf("bea");
const hugo = sparringClaimsOf("hugo");
const anna = sparringClaimsOf("anna", "aal2");

const workflow = {
  submit: "select public.submit_document($1, $2) as id",
  review: "select public.review_submission($1, 'approve', '') as status",
  publish: "select public.publish_submission($1) as number",
};

const slugOf = "select slug from public.documents where id = $1";

/** `attempt` for every sparring actor inside the story, each undone afterwards. */
async function attemptByEveryone(
  story: Scenario,
  sql: string,
  params: unknown[],
  shape: "rows" | "call",
  names: Record<string, string> = {},
): Promise<SparringOutcomes> {
  const rename = (value: string) =>
    labelOf(Object.entries(names).reduce((text, [id, name]) => text.replaceAll(id, name), value));
  const result = {} as SparringOutcomes;
  for (const actor of sparringActorNames) {
    await story.owner("savepoint everyone");
    const outcome: Outcome = await story.attempt(sparringActors[actor], sql, params, shape);
    result[actor] = Array.isArray(outcome) ? outcome.map(rename).sort() : outcome;
    await story.owner("rollback to savepoint everyone");
    await story.owner("release savepoint everyone");
  }
  return result;
}

/** mikko accepts lea's answer v2 and lea promotes it; returns the new document's id. */
async function promoteV2(story: Scenario, sectionIds: string[] | null = null): Promise<string> {
  await story.as(a.member, steps.accept, [answers.v2]);
  return story.value<string>(a.lawyer, steps.promote, [
    answers.v2,
    "Työnhakijan määritelmä",
    "Juridinen sparraus",
    "Lain sanamuoto ja esityöt.",
    "2026-01-01",
    null,
    null,
    sectionIds,
  ]);
}

/** lea submits `document`, bea (Tampere) and hugo (Helsinki) approve, lea publishes. */
async function publish(story: Scenario, document: string): Promise<number> {
  const submission = await story.value<string>(a.lawyer, workflow.submit, [document, "Uusi"]);
  await story.as(bea, workflow.review, [submission]);
  expect(await story.value<string>(hugo, workflow.review, [submission])).toBe("approved");
  return story.value<number>(a.lawyer, workflow.publish, [submission]);
}

describe.each(availableBackends())("promoting an answer to an interpretation on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(sparringFixtureSql);
  });
  afterAll(() => db.close());

  const promoteParams = [
    answers.v2,
    "Työnhakijan määritelmä",
    "Juridinen sparraus",
    "",
    null,
    null,
    null,
    null,
  ];

  it("only the lawyers of the question's network promote the accepted answer", async () => {
    await inScenario(db, async (story) => {
      await story.as(a.member, steps.accept, [answers.v2]);
      expect(await attemptByEveryone(story, steps.promote, promoteParams, "call")).toEqual(
        forEverySparringActor(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            observer: "denied",
            member: "denied",
            coordinator: "denied",
            // lotta is a lawyer of tulkinta, only a member here.
            memberLawyerElsewhere: "denied",
            lawyer: "ok",
            lawyerCoordinator: "ok",
          },
        ),
      );
    });
  });

  it("only the accepted answer, only once, with a title, an issuing body and known references", async () => {
    expect(
      await sparringOutcomesFor(db, steps.promote, promoteParams, "call").then(
        (outcomes) => outcomes.lawyerCoordinator,
      ),
    ).toEqual({ error: "55000" });
    await inScenario(db, async (story) => {
      await story.as(a.member, steps.accept, [answers.v2]);
      const bad: unknown[][] = [
        [answers.v2, " ", "Juridinen sparraus", "", null, null, null, null],
        [answers.v2, "Otsikko", "", "", null, null, null, null],
        [answers.v2, "Otsikko", "Antaja", "", null, null, q.k1, null],
        [answers.v2, "Otsikko", "Antaja", "", null, null, null, [q.k1]],
      ];
      for (const params of bad) {
        expect(await story.attempt(a.lawyer, steps.promote, params, "call")).toEqual({
          error: "22023",
        });
      }
      const refused = await refusalOf(
        story.as(a.lawyer, steps.promote, [
          answers.v2,
          "Otsikko",
          "Antaja",
          "Kysy lisää: 040 123 4567",
          null,
          null,
          null,
          null,
        ]),
      );
      expect([refused.code, refused.detail]).toEqual(["23514", "phone"]);
      await story.as(a.lawyer, steps.promote, promoteParams);
      expect(
        await story.attempt(a.lawyerCoordinator, steps.promote, promoteParams, "call"),
      ).toEqual({ error: "23505" });
    });
  });

  it("creates a draft interpretation owned by the lawyer's organisation and shared with the network", async () => {
    await inScenario(db, async (story) => {
      const id = await promoteV2(story);
      const [doc] = await story.owner(
        `select kind, status, owner_organisation_id, network_id, created_by, owner_id, html, title
         from public.documents where id = $1`,
        [id],
      );
      expect(doc).toEqual({
        kind: "interpretation",
        status: "draft",
        owner_organisation_id: tampere,
        network_id: null,
        created_by: p.lea,
        owner_id: p.lea,
        html: "<p>Työnhakijalla tarkoitetaan rekisteröitynyttä henkilöä.</p>",
        title: "Työnhakijan määritelmä",
      });
      const grants = await story.owner(
        "select network_id, level from public.document_permissions where document_id = $1",
        [id],
      );
      expect(grants).toEqual([
        { network_id: "a0000000-0000-4000-8000-000000000031", level: "edit" },
      ]);
      const [record] = await story.owner(
        `select question_id, answer_id, network_id, issuing_body, justification, nature,
           valid_from::text, valid_to, supersedes, created_by
         from public.interpretations where document_id = $1`,
        [id],
      );
      expect(record).toEqual({
        question_id: q.k2,
        answer_id: answers.v2,
        network_id: "a0000000-0000-4000-8000-000000000031",
        issuing_body: "Juridinen sparraus",
        justification: "Lain sanamuoto ja esityöt.",
        nature: "non_binding_recommendation",
        valid_from: "2026-01-01",
        valid_to: null,
        supersedes: null,
        created_by: p.lea,
      });
      // The question's section (2 §) and the answer's (3 §).
      const references = await story.owner<{ section_id: string }>(
        "select section_id from public.document_legal_references where document_id = $1 order by 1",
        [id],
      );
      expect(references.map((row) => row.section_id)).toEqual([s.s2, s.s3].sort());

      const [answer] = await story.as(
        a.observer,
        "select promoted_document_id from public.sparring_answers_of($1)",
        [q.k2],
      );
      expect(answer?.promoted_document_id).toBe(id);
      const told = await story.owner<{ recipient_id: string }>(
        `select recipient_id from public.notifications
         where kind = 'sparring_answer_promoted' order by recipient_id`,
      );
      // The asker and the answer's author (lea, who promoted, is not told of her own act).
      expect(told.map((row) => row.recipient_id)).toEqual([p.mikko]);
    });
  });

  it("takes the sections the lawyer chose instead, when given", async () => {
    await inScenario(db, async (story) => {
      const id = await promoteV2(story, [s.s1]);
      const references = await story.owner<{ section_id: string }>(
        "select section_id from public.document_legal_references where document_id = $1",
        [id],
      );
      expect(references.map((row) => row.section_id)).toEqual([s.s1]);
    });
  });

  it("the draft stays with the network: members open it, others do not even see its fields", async () => {
    await inScenario(db, async (story) => {
      const id = await promoteV2(story);
      const names = { [id]: "doc:promoted" };
      expect(
        await attemptByEveryone(story, "select public.document_access($1)", [id], "rows"),
      ).toEqual(
        forEverySparringActor(["none"], {
          anon: "denied",
          observer: ["view"],
          member: ["edit"],
          memberLawyerElsewhere: ["edit"],
          coordinator: ["edit"],
          lawyer: ["edit"],
          lawyerCoordinator: ["edit"],
        }),
      );
      // The owner organisation's admins manage all its documents, drafts included.
      expect(await story.value(anna, "select public.document_access($1)", [id])).toBe("edit");

      const readers = (inside: string[]) =>
        forEverySparringActor([], {
          anon: "denied",
          observer: inside,
          member: inside,
          memberLawyerElsewhere: inside,
          coordinator: inside,
          lawyer: inside,
          lawyerCoordinator: inside,
        });
      expect(
        await attemptByEveryone(
          story,
          "select document_id from public.interpretations where document_id = $1",
          [id],
          "rows",
          names,
        ),
      ).toEqual(readers(["doc:promoted"]));
      expect(
        await attemptByEveryone(
          story,
          "select issuing_body from public.document_interpretation($1)",
          [id],
          "rows",
          names,
        ),
      ).toEqual(readers(["Juridinen sparraus"]));
      expect(
        await attemptByEveryone(
          story,
          "select document_id from public.library_documents_for_section($1)",
          [s.s2],
          "rows",
          names,
        ),
      ).toEqual(forEverySparringActor([], { anon: "denied" }));
    });
  });

  it("save_interpretation: the draft's editors, without personal data", async () => {
    await inScenario(db, async (story) => {
      const id = await promoteV2(story);
      const params = [id, "Juridinen sparraus", "Tarkennettu.", "2026-02-01", null, null];
      expect(await attemptByEveryone(story, steps.saveInterpretation, params, "call")).toEqual(
        forEverySparringActor(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            observer: "denied",
            member: "ok",
            memberLawyerElsewhere: "ok",
            coordinator: "ok",
            lawyer: "ok",
            lawyerCoordinator: "ok",
          },
        ),
      );
      for (const [field, value] of [
        ["justification", "Lisätiedot: 131052-308T"],
        ["issuing_body", "lakimies@tampere.test"],
      ]) {
        const changed =
          field === "justification"
            ? [id, "Juridinen sparraus", value, null, null, null]
            : [id, value, "", null, null, null];
        const refused = await refusalOf(story.as(a.lawyer, steps.saveInterpretation, changed));
        expect([refused.code, refused.message]).toEqual(["23514", `personal data in ${field}`]);
      }
      expect(
        await story.attempt(
          a.lawyer,
          steps.saveInterpretation,
          [id, "Antaja", "", "2026-02-01", "2026-01-01", null],
          "call",
        ),
      ).toEqual({ error: "22023" });
      expect(
        await story.attempt(
          a.lawyer,
          steps.saveInterpretation,
          [id, "Antaja", "", null, null, id],
          "call",
        ),
      ).toEqual({ error: "22023" });
    });
  });

  it("the board publishes it; the library finds it by section and keeps each version's fields", async () => {
    await inScenario(db, async (story) => {
      const id = await promoteV2(story);
      expect(await publish(story, id)).toBe(1);
      const slug = await story.value<string>(a.lawyer, slugOf, [id]);
      const [snapshot] = await story.owner(
        `select published.legal_section_ids, snapshot.number, snapshot.question_id,
           snapshot.issuing_body, snapshot.justification, snapshot.nature, snapshot.valid_from::text
         from public.published_versions as published
         join public.published_interpretations as snapshot on snapshot.published_version_id = published.id
         where published.document_id = $1`,
        [id],
      );
      expect(snapshot).toEqual({
        legal_section_ids: [s.s2, s.s3].sort(),
        number: 1,
        question_id: q.k2,
        issuing_body: "Juridinen sparraus",
        justification: "Lain sanamuoto ja esityöt.",
        nature: "non_binding_recommendation",
        valid_from: "2026-01-01",
      });

      const names = { [id]: "doc:promoted" };
      const libraryReaders = (found: string[]) =>
        forEverySparringActor(found, { anon: "denied", pending: [], deactivated: [], guest: [] });
      for (const section of [s.s2, s.s3]) {
        expect(
          await attemptByEveryone(
            story,
            "select document_id from public.library_documents_for_section($1)",
            [section],
            "rows",
            names,
          ),
        ).toEqual(libraryReaders(["doc:promoted"]));
      }
      expect(
        await attemptByEveryone(
          story,
          "select issuing_body || ' / ' || nature || ' / ' || (sections -> 0 ->> 'label') from public.library_interpretation($1)",
          [slug],
          "rows",
        ),
      ).toEqual(
        libraryReaders(["Juridinen sparraus / non_binding_recommendation / 9999/2099 2 §"]),
      );
      // The question behind it is linked for those who may read it.
      const link = "/networks/sparraus/sparring/k2";
      expect(
        await attemptByEveryone(
          story,
          "select coalesce(question_link, 'no link') from public.library_interpretation($1)",
          [slug],
          "rows",
        ),
      ).toEqual(
        forEverySparringActor(["no link"], {
          anon: "denied",
          pending: [],
          deactivated: [],
          guest: [],
          observer: [link],
          member: [link],
          memberLawyerElsewhere: [link],
          coordinator: [link],
          lawyer: [link],
          lawyerCoordinator: [link],
        }),
      );

      // Editing the fields afterwards changes the draft, not what version 1 published.
      await story.as(a.lawyer, steps.saveInterpretation, [
        id,
        "Muutettu antaja",
        "Muutetut perustelut.",
        "2026-03-01",
        null,
        null,
      ]);
      await story.as(a.lawyer, "select public.set_document_legal_references($1, $2::uuid[])", [
        id,
        [s.s1],
      ]);
      for (const version of [1, null]) {
        const [published] = await story.as(
          a.outsider,
          "select issuing_body, justification, valid_from::text, sections from public.library_interpretation($1, $2)",
          [slug, version],
        );
        expect(published).toMatchObject({
          issuing_body: "Juridinen sparraus",
          justification: "Lain sanamuoto ja esityöt.",
          valid_from: "2026-01-01",
        });
        expect(
          ((published?.sections ?? []) as { id: string }[]).map((section) => section.id),
        ).toEqual([s.s2, s.s3]);
      }
      const found = await story.as(
        a.outsider,
        "select document_id from public.library_documents_for_section($1)",
        [s.s1],
      );
      expect(found.map((row) => row.document_id)).toEqual([vanha]);
    });
  });

  it("a newer interpretation supersedes it, and the divergence view lists both organisations", async () => {
    await inScenario(db, async (story) => {
      const first = await promoteV2(story);
      await publish(story, first);
      const firstSlug = await story.value<string>(a.lawyer, slugOf, [first]);

      // A second question answered by lasse, accepted, promoted by lea superseding the first.
      const answer = await story.value<string>(a.lawyerCoordinator, steps.answer, [
        q.k1,
        "<p>Soveltamisala kattaa kokeilut.</p>",
        [],
        [],
      ]);
      await story.as(a.member, steps.accept, [answer]);
      const second = await story.value<string>(a.lawyer, steps.promote, [
        answer,
        "Kokeilujen soveltamisala",
        "Juridinen sparraus",
        "",
        null,
        null,
        first,
        null,
      ]);
      expect(await publish(story, second)).toBe(1);
      const secondSlug = await story.value<string>(a.lawyer, slugOf, [second]);

      const [older] = await story.as(
        a.outsider,
        "select superseded_by_slug, supersedes_slug from public.library_interpretation($1)",
        [firstSlug],
      );
      expect(older).toEqual({ superseded_by_slug: secondSlug, supersedes_slug: null });
      const [newer] = await story.as(
        a.outsider,
        "select superseded_by_slug, supersedes_slug from public.library_interpretation($1)",
        [secondSlug],
      );
      expect(newer).toEqual({ superseded_by_slug: null, supersedes_slug: firstSlug });
      const listed = await story.as(
        a.outsider,
        "select document_id, superseded from public.library_documents_for_section($1)",
        [s.s2],
      );
      expect(listed).toEqual([{ document_id: first, superseded: true }]);

      // 1 §: Helsinki's vanha and Tampere's second interpretation, side by side.
      const divergence = await story.as<{
        document_id: string;
        organisation_id: string;
        issuing_body: string;
      }>(
        a.outsider,
        "select document_id, organisation_id, issuing_body from public.legal_section_divergence($1)",
        [s.s1],
      );
      expect(
        divergence.map((row) => [
          labelOf(row.document_id).replace(second, "doc:second"),
          row.organisation_id,
          row.issuing_body,
        ]),
      ).toEqual([
        ["doc:vanha", "e0000000-0000-4000-8000-000000000002", "Helsingin työllisyysalue"],
        ["doc:second", tampere, "Juridinen sparraus"],
      ]);
    });
  });
});
