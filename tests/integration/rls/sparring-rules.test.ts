/**
 * The rules of a sparring network as the database enforces them: who asks, answers, names
 * lawyers, endorses and accepts; what counts as the first answer; the response target and the
 * lawyers' queue; and the personal-data guard on every way in. Expectations per actor come from
 * sparring-fixture.ts; stories run in one rolled-back transaction each (inScenario).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { networks } from "./network-fixture";
import { inScenario } from "./publishing-fixture";
import {
  sparringActors as a,
  answers,
  forEverySparringActor,
  questions,
  refusalOf,
  sections,
  sparringClaimsOf,
  sparringFixtureSql,
  sparringNetworks,
  sparringOutcomesFor,
  sparringPeople,
  sparringSteps as steps,
} from "./sparring-fixture";

const q = questions;
const n = sparringNetworks;
const p = sparringPeople;
const s = sections;

const identityCode = "131052-308T";
const wrongChecksum = "131052-308U";
const phone = "040 123 4567";
const email = "matti.meikalainen@example.fi";

describe.each(availableBackends())("sparring rules on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(sparringFixtureSql);
  });
  afterAll(() => db.close());

  describe("asking", () => {
    it("coordinators and members ask; observers, non-members and inactive users are refused", async () => {
      expect(
        await sparringOutcomesFor(
          db,
          steps.ask,
          [n.sparraus, "Uusi kysymys", "Tausta.", [s.s1], ["tuki"]],
          "call",
        ),
      ).toEqual(
        forEverySparringActor("denied", {
          // The network is visible to signed-in users, so they learn that it exists, not more.
          guest: { error: "P0002" },
          member: "ok",
          memberLawyerElsewhere: "ok",
          coordinator: "ok",
          lawyer: "ok",
          lawyerCoordinator: "ok",
        }),
      );
    });

    it("in a members-only network, people outside do not learn it exists", async () => {
      expect(
        await sparringOutcomesFor(db, steps.ask, [n.tulkinta, "Uusi", "", [], []], "call"),
      ).toEqual(
        forEverySparringActor(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            memberLawyerElsewhere: "ok",
            otherNetworkLawyer: "ok",
          },
        ),
      );
    });

    it("only in sparring networks, only with known sections, and with a title", async () => {
      const aino = sparringClaimsOf("aino");
      await inScenario(db, async (story) => {
        // aino is a member of the national network avoin.
        expect(
          await story.attempt(aino, steps.ask, [networks.avoin, "Kysymys", "", [], []], "call"),
        ).toEqual({ error: "22023" });
        expect(
          await story.attempt(
            a.member,
            steps.ask,
            [n.sparraus, "Kysymys", "", ["00000000-0000-4000-8000-000000000000"], []],
            "call",
          ),
        ).toEqual({ error: "22023" });
        expect(
          await story.attempt(a.member, steps.ask, [n.sparraus, "   ", "", [], []], "call"),
        ).toEqual({ error: "22023" });
      });
    });

    it("records the asker, their organisation, clean tags, the sections and the due time", async () => {
      await inScenario(db, async (story) => {
        const id = await story.value<string>(a.member, steps.ask, [
          n.sparraus,
          "  Uusi kysymys  ",
          "Tausta.",
          [s.s2, s.s1, s.s1],
          [" Tuki ", "tuki", "", "Kela"],
        ]);
        const [row] = await story.owner<Record<string, unknown>>(
          `select question.title, question.author_id, question.organisation_id, question.status,
             question.tags, question.due_at = private.add_working_days(question.created_at, 3) as due,
             question.first_answered_at,
             array(select section_id::text from public.sparring_question_sections
               where question_id = question.id order by section_id) as sections
           from public.sparring_questions as question where question.id = $1`,
          [id],
        );
        expect(row).toEqual({
          title: "Uusi kysymys",
          author_id: p.mikko,
          organisation_id: "e0000000-0000-4000-8000-000000000002",
          status: "open",
          tags: ["kela", "tuki"],
          due: true,
          first_answered_at: null,
          sections: [s.s1, s.s2].sort(),
        });
        // The network's lawyers who still may act are told; dave (deactivated) is not.
        const told = await story.owner<{ user_id: string }>(
          `select recipient_id as user_id from public.notifications
           where kind = 'sparring_question_asked' and link like '%' || $1 order by user_id`,
          [id],
        );
        expect(told.map((row) => row.user_id)).toEqual([p.lasse, p.lea].sort());
      });
    });

    it("only the asker edits, until the question is resolved", async () => {
      await inScenario(db, async (story) => {
        const edit = [q.k1, "Muokattu otsikko", "Muokattu.", [s.s3], []];
        for (const actor of [a.lawyer, a.coordinator] as const) {
          expect(await story.attempt(actor, steps.edit, edit, "call")).toBe("denied");
        }
        expect(await story.attempt(a.otherNetworkLawyer, steps.edit, edit, "call")).toEqual({
          error: "P0002",
        });
        expect(await story.attempt(a.member, steps.edit, edit, "call")).toBe("ok");
        const [row] = await story.owner<{ title: string; sections: string[] }>(
          `select title, array(select section_id::text from public.sparring_question_sections
             where question_id = $1) as sections from public.sparring_questions where id = $1`,
          [q.k1],
        );
        expect(row).toEqual({ title: "Muokattu otsikko", sections: [s.s3] });
        await story.as(a.member, steps.accept, [answers.v2]);
        expect(
          await story.attempt(a.member, steps.edit, [q.k2, "Myöhään", "", [], []], "call"),
        ).toEqual({ error: "55000" });
      });
    });
  });

  describe("answering", () => {
    it("coordinators and members answer; observers, non-members and inactive users are refused", async () => {
      expect(
        await sparringOutcomesFor(db, steps.answer, [q.k1, "<p>Vastaus.</p>", [], []], "call"),
      ).toEqual(
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
    });

    it("the asker's follow-up is not the first answer; someone else's is", async () => {
      await inScenario(db, async (story) => {
        const state = async () =>
          (
            await story.owner<{ status: string; answered: boolean }>(
              `select status, first_answered_at is not null as answered
               from public.sparring_questions where id = $1`,
              [q.k1],
            )
          )[0];
        await story.as(a.member, steps.answer, [q.k1, "<p>Lisätieto kysymykseen.</p>", [], []]);
        expect(await state()).toEqual({ status: "open", answered: false });
        expect((await story.as(a.member, "select id from public.sparring_queue()")).length).toBe(0);
        const inQueue = await story.as<{ id: string }>(
          a.lawyer,
          "select id from public.sparring_queue()",
        );
        expect(inQueue.map((row) => row.id)).toContain(q.k1);

        await story.as(a.lawyer, steps.answer, [q.k1, "<p>Näin.</p>", [s.s1], []]);
        expect(await state()).toEqual({ status: "answered", answered: true });
        const queue = await story.as<{ id: string }>(
          a.lawyer,
          "select id from public.sparring_queue()",
        );
        expect(queue.map((row) => row.id)).not.toContain(q.k1);
        const [told] = await story.owner<{ count: number }>(
          `select count(*)::integer as count from public.notifications
           where kind = 'sparring_answer_posted' and recipient_id = $1 and link like '%' || $2`,
          [p.mikko, q.k1],
        );
        expect(told?.count).toBeGreaterThan(0);
      });
    });

    it("refuses a resolved question, an empty answer, unknown sections and interpretations", async () => {
      await inScenario(db, async (story) => {
        expect(
          await story.attempt(a.lawyer, steps.answer, [q.k1, "<p> </p>", [], []], "call"),
        ).toEqual({ error: "22023" });
        expect(
          await story.attempt(
            a.lawyer,
            steps.answer,
            [q.k1, "<p>Näin.</p>", ["00000000-0000-4000-8000-000000000000"], []],
            "call",
          ),
        ).toEqual({ error: "22023" });
        expect(
          await story.attempt(a.lawyer, steps.answer, [q.k1, "<p>Näin.</p>", [], [q.k2]], "call"),
        ).toEqual({ error: "22023" });
        await story.as(a.member, steps.accept, [answers.v2]);
        expect(
          await story.attempt(a.lawyer, steps.answer, [q.k2, "<p>Myöhässä.</p>", [], []], "call"),
        ).toEqual({ error: "55000" });
      });
    });
  });

  describe("the personal-data guard in the database", () => {
    const cases: [string, string, string][] = [
      [`Asiakkaan tunnus on ${identityCode}.`, identityCode, "identity_code"],
      [`Soita numeroon ${phone}.`, phone, "phone"],
      [`Kirjoita osoitteeseen ${email}.`, email, "email"],
    ];

    it("refuses a question, an edit or an answer naming a person, and says what it found", async () => {
      for (const [text, bare, kind] of cases) {
        await inScenario(db, async (story) => {
          const tries: [string, unknown[], string][] = [
            [steps.ask, [n.sparraus, "Kysymys", text, [], []], "body"],
            [steps.ask, [n.sparraus, text, "", [], []], "title"],
            [steps.ask, [n.sparraus, "Kysymys", "", [], [bare]], "tags"],
            [steps.edit, [q.k1, "Kysymys", text, [], []], "body"],
            [steps.answer, [q.k1, `<p>${text}</p>`, [], []], "answer"],
          ];
          for (const [sql, params, field] of tries) {
            const refused = await refusalOf(story.as(a.member, sql, params));
            expect({
              code: refused.code,
              message: refused.message,
              detail: refused.detail,
            }).toEqual({ code: "23514", message: `personal data in ${field}`, detail: kind });
          }
        });
      }
    });

    it("finds an address hidden in a link and names every kind found", async () => {
      await inScenario(db, async (story) => {
        const refused = await refusalOf(
          story.as(a.lawyer, steps.answer, [
            q.k1,
            `<p><a href="mailto:${email}">kirjoita</a></p>`,
            [],
            [],
          ]),
        );
        expect([refused.code, refused.detail]).toEqual(["23514", "email"]);
        const all = await refusalOf(
          story.as(a.member, steps.ask, [
            n.sparraus,
            "Kysymys",
            `${identityCode}, ${phone}, ${email}`,
            [],
            [],
          ]),
        );
        expect(all.detail?.split(",").sort()).toEqual(["email", "identity_code", "phone"]);
      });
    });

    it("lets an identity-code shape with a wrong checksum through", async () => {
      await inScenario(db, async (story) => {
        const id = await story.value<string>(a.member, steps.ask, [
          n.sparraus,
          "Viitenumero",
          `Päätöksen viite ${wrongChecksum}.`,
          [],
          [],
        ]);
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
      });
    });

    it("refuses direct writes as the owner too: the triggers, not the functions, hold the line", async () => {
      const writes = [
        `insert into public.sparring_questions (network_id, title, body, author_id)
           values ('${n.sparraus}', 'Suoraan', 'Tunnus ${identityCode}', '${p.mikko}')`,
        `update public.sparring_questions set title = 'Soita ${phone}' where id = '${q.k1}'`,
        `update public.sparring_questions set tags = '{${email}}' where id = '${q.k1}'`,
        `insert into public.sparring_answers (question_id, author_id, body_html)
           values ('${q.k1}', '${p.lea}', '<p>${email}</p>')`,
        `update public.sparring_answers set body_html = '<p>${identityCode}</p>' where id = '${answers.v2}'`,
        `update public.interpretations set justification = 'Soita ${phone}'`,
        `update public.interpretations set issuing_body = '${email}'`,
      ];
      for (const sql of writes) {
        const refused = await refusalOf(db.transaction(null, (tx) => tx.query(sql)));
        expect(refused.code, sql).toBe("23514");
      }
      const [untouched] = (
        await db.query<{ title: string }>(
          "select title from public.sparring_questions where id = $1",
          [q.k1],
        )
      ).rows;
      expect(untouched?.title).toBe("Soveltuuko laki kokeiluun");
    });
  });

  describe("lawyers", () => {
    it("set_sparring_lawyer: only the network's coordinators", async () => {
      expect(
        await sparringOutcomesFor(db, steps.setLawyer, [n.sparraus, p.mikko, true], "call"),
      ).toEqual(
        forEverySparringActor("denied", {
          guest: { error: "P0002" },
          coordinator: "ok",
          lawyerCoordinator: "ok",
        }),
      );
    });

    it("names only the network's coordinators and members, and removes", async () => {
      await inScenario(db, async (story) => {
        expect(
          await story.attempt(a.coordinator, steps.setLawyer, [n.sparraus, p.oona, true], "call"),
        ).toEqual({ error: "22023" });
        expect(
          await story.attempt(a.coordinator, steps.setLawyer, [n.sparraus, p.olli, true], "call"),
        ).toEqual({ error: "22023" });
        await story.as(a.coordinator, steps.setLawyer, [n.sparraus, p.mikko, true]);
        await story.as(a.coordinator, steps.setLawyer, [n.sparraus, p.mikko, true]);
        await story.as(a.coordinator, steps.setLawyer, [n.sparraus, p.lea, false]);
        const lawyers = await story.as<{ user_id: string }>(
          a.member,
          "select user_id from public.sparring_lawyers_of($1)",
          [n.sparraus],
        );
        expect(lawyers.map((row) => row.user_id).sort()).toEqual([p.dave, p.lasse, p.mikko].sort());
      });
    });

    it("endorse_sparring_answer: only the network's lawyers, never on their own answer", async () => {
      expect(await sparringOutcomesFor(db, steps.endorse, [answers.v2, true], "call")).toEqual(
        forEverySparringActor(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            observer: "denied",
            member: "denied",
            memberLawyerElsewhere: "denied",
            coordinator: "denied",
            // v2 is lea's own answer.
            lawyer: "denied",
            lawyerCoordinator: "ok",
          },
        ),
      );
    });

    it("endorsing twice is one endorsement; withdrawing removes it", async () => {
      await inScenario(db, async (story) => {
        const endorsers = async () =>
          (
            await story.as<{ endorsements: { user_id: string }[]; endorsed_by_me: boolean }>(
              a.lawyerCoordinator,
              "select endorsements, endorsed_by_me from public.sparring_answers_of($1)",
              [q.k2],
            )
          ).map((row) => [row.endorsements.map((e) => e.user_id), row.endorsed_by_me]);
        expect(await endorsers()).toEqual([[[p.lasse], true]]);
        await story.as(a.lawyerCoordinator, steps.endorse, [answers.v2, true]);
        expect(await endorsers()).toEqual([[[p.lasse], true]]);
        await story.as(a.lawyerCoordinator, steps.endorse, [answers.v2, false]);
        expect(await endorsers()).toEqual([[[], false]]);
        await story.as(a.lawyerCoordinator, steps.endorse, [answers.v2, true]);
        const [told] = await story.owner<{ count: number }>(
          `select count(*)::integer as count from public.notifications
           where kind = 'sparring_answer_endorsed' and recipient_id = $1`,
          [p.lea],
        );
        expect(told?.count).toBe(1);
      });
    });

    it("a lawyer who leaves the network, becomes an observer or is deactivated loses the right", async () => {
      const lose = [
        `delete from public.network_members where network_id = '${n.sparraus}' and user_id = '${p.lasse}'`,
        `update public.network_members set role = 'observer'
           where network_id = '${n.sparraus}' and user_id = '${p.lasse}'`,
        `update public.organisation_members set status = 'deactivated' where user_id = '${p.lasse}'`,
      ];
      const expected = [{ error: "P0002" }, "denied", "denied"];
      for (const [index, change] of lose.entries()) {
        await inScenario(db, async (story) => {
          await story.owner(change);
          expect(
            await story.attempt(a.lawyerCoordinator, steps.endorse, [answers.v2, true], "call"),
            change,
          ).toEqual(expected[index]);
        });
      }
    });
  });

  describe("accepting", () => {
    it("accept_sparring_answer: only the asker", async () => {
      expect(await sparringOutcomesFor(db, steps.accept, [answers.v2], "call")).toEqual(
        forEverySparringActor(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            observer: "denied",
            memberLawyerElsewhere: "denied",
            coordinator: "denied",
            lawyer: "denied",
            lawyerCoordinator: "denied",
            member: "ok",
          },
        ),
      );
    });

    it("resolves the question; accepting another answer switches", async () => {
      await inScenario(db, async (story) => {
        const other = await story.value<string>(a.lawyerCoordinator, steps.answer, [
          q.k2,
          "<p>Toinen näkökulma.</p>",
          [],
          [],
        ]);
        await story.as(a.member, steps.accept, [answers.v2]);
        const state = async () =>
          (
            await story.as<{ status: string; accepted_answer_id: string }>(
              a.observer,
              "select status, accepted_answer_id from public.sparring_question($1)",
              [q.k2],
            )
          )[0];
        expect(await state()).toEqual({ status: "resolved", accepted_answer_id: answers.v2 });
        await story.as(a.member, steps.accept, [other]);
        expect(await state()).toEqual({ status: "resolved", accepted_answer_id: other });
        const accepted = await story.as<{ id: string; is_accepted: boolean }>(
          a.observer,
          "select id, is_accepted from public.sparring_answers_of($1)",
          [q.k2],
        );
        expect(accepted).toEqual([
          { id: answers.v2, is_accepted: false },
          { id: other, is_accepted: true },
        ]);
      });
    });
  });

  describe("the response target and the queue", () => {
    it("set_sparring_target: only the network's coordinators", async () => {
      expect(await sparringOutcomesFor(db, steps.setTarget, [n.sparraus, 10], "call")).toEqual(
        forEverySparringActor("denied", {
          guest: { error: "P0002" },
          coordinator: "ok",
          lawyerCoordinator: "ok",
        }),
      );
    });

    it("is 1 to 60 working days, and new questions' due time follows it", async () => {
      await inScenario(db, async (story) => {
        for (const days of [0, 61, null]) {
          expect(
            await story.attempt(a.coordinator, steps.setTarget, [n.sparraus, days], "call"),
          ).toEqual({ error: "22023" });
        }
        await story.as(a.coordinator, steps.setTarget, [n.sparraus, 12]);
        const id = await story.value<string>(a.member, steps.ask, [
          n.sparraus,
          "Myöhemmin",
          "",
          [],
          [],
        ]);
        const [row] = await story.owner<{ due: boolean; old: boolean }>(
          `select question.due_at = private.add_working_days(question.created_at, 12) as due,
             (select due_at = private.add_working_days(created_at, 3)
               from public.sparring_questions where id = $2) as old
           from public.sparring_questions as question where question.id = $1`,
          [id, q.k4],
        );
        expect(row).toEqual({ due: true, old: true });
        const [role] = await story.as<{ target_working_days: number }>(
          a.observer,
          "select target_working_days from public.my_sparring_role($1)",
          [n.sparraus],
        );
        expect(role?.target_working_days).toBe(12);
      });
    });

    it("a network without a setting uses five working days", async () => {
      await inScenario(db, async (story) => {
        const id = await story.value<string>(a.otherNetworkLawyer, steps.ask, [
          n.tulkinta,
          "Oletus",
          "",
          [],
          [],
        ]);
        const [row] = await story.owner<{ due: boolean }>(
          `select due_at = private.add_working_days(created_at, 5) as due
           from public.sparring_questions where id = $1`,
          [id],
        );
        expect(row?.due).toBe(true);
      });
    });

    it("sparring_queue: the network's lawyers and coordinators, oldest first, overdue flagged", async () => {
      const sql =
        "select id || ':' || case when overdue then 'overdue' else 'due' end from public.sparring_queue() order by created_at";
      expect(await sparringOutcomesFor(db, sql)).toEqual(
        forEverySparringActor([], {
          anon: "denied",
          coordinator: ["k1:overdue", "k4:due"],
          lawyer: ["k1:overdue", "k4:due"],
          lawyerCoordinator: ["k1:overdue", "k4:due"],
          memberLawyerElsewhere: ["k3:due"],
          otherNetworkLawyer: ["k3:due"],
        }),
      );
      const [first] = await db.transaction(a.lawyer, async (tx) => {
        return (await tx.query<{ id: string }>("select id from public.sparring_queue()")).rows;
      });
      expect(first?.id).toBe(q.k1);
    });

    it("the job flags an overdue question once and tells the coordinators", async () => {
      await inScenario(db, async (story) => {
        const flag = "select public.flag_overdue_sparring_questions(now()) as flagged";
        expect(await story.value<number>({ role: "service_role" }, flag)).toBe(1);
        expect(await story.value<number>({ role: "service_role" }, flag)).toBe(0);
        const told = await story.owner<{ user_id: string }>(
          `select recipient_id as user_id from public.notifications
           where kind = 'sparring_question_overdue' and link like '%' || $1 order by user_id`,
          [q.k1],
        );
        expect(told.map((row) => row.user_id)).toEqual([p.kerttu, p.lasse].sort());
      });
    });
  });
});
