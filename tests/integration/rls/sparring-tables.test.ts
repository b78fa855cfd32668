/**
 * The legal-sparring tables and functions as the API roles meet them: what anon, authenticated
 * and the service role may execute, that nobody writes a sparring table directly, and that a
 * sparring network's content — tables and the functions that read them — is for its members
 * only, whatever the network's visibility.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { outcomeOf } from "./outcomes";
import {
  answers,
  forEverySparringActor,
  interpretationDocuments,
  questions,
  sections,
  sparrausMembersOnly,
  sparringClaimsOf,
  sparringFixtureSql,
  sparringNetworks,
  sparringOutcomesFor,
  sparringPeople,
} from "./sparring-fixture";

/** Every function the sparring migration gives the API, and the job only the service role runs. */
const userFunctions = [
  "accept_sparring_answer",
  "answer_sparring_question",
  "ask_sparring_question",
  "document_interpretation",
  "edit_sparring_question",
  "endorse_sparring_answer",
  "legal_section_divergence",
  "legal_section_questions",
  "library_documents_for_section",
  "library_interpretation",
  "my_sparring_role",
  "promote_sparring_answer",
  "save_interpretation",
  "set_document_legal_references",
  "set_sparring_lawyer",
  "set_sparring_target",
  "similar_sparring_items",
  "sparring_answers_of",
  "sparring_lawyers_of",
  "sparring_question",
  "sparring_question_list",
  "sparring_queue",
];
const jobs = ["flag_overdue_sparring_questions"];

const tables = [
  "document_legal_references",
  "interpretations",
  "legal_acts",
  "legal_sections",
  "published_interpretations",
  "sparring_answer_interpretations",
  "sparring_answer_sections",
  "sparring_answers",
  "sparring_endorsements",
  "sparring_lawyers",
  "sparring_question_sections",
  "sparring_questions",
  "sparring_settings",
];

const q = questions;
const n = sparringNetworks;
const p = sparringPeople;
const s = sections;
const vanha = interpretationDocuments.vanha;
const sparraus = ["k1", "k2", "k4"];

describe.each(availableBackends())("sparring tables and functions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(sparringFixtureSql);
  });
  afterAll(() => db.close());

  describe("what the API roles may execute", () => {
    it("anon executes none of the new functions; authenticated every one but the job; the service role the job", async () => {
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

    it("every new function is security definer with search_path pinned to ''", async () => {
      const { rows } = await db.query<{ name: string; definer: boolean; pinned: boolean }>(
        `select proc.proname as name, proc.prosecdef as definer,
           coalesce('search_path=""' = any (proc.proconfig), false) as pinned
         from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
         where namespace.nspname = 'public' and proc.proname = any ($1::text[])
         order by 1`,
        [[...userFunctions, ...jobs]],
      );
      expect(rows).toEqual(
        [...userFunctions, ...jobs].sort().map((name) => ({ name, definer: true, pinned: true })),
      );
    });

    it("the overdue job is refused to every signed-in user and anon", async () => {
      expect(
        await sparringOutcomesFor(
          db,
          "select public.flag_overdue_sparring_questions(now())",
          [],
          "call",
        ),
      ).toEqual(forEverySparringActor("denied"));
    });
  });

  describe("the tables", () => {
    it("every table has row level security; anon reads none; authenticated only reads", async () => {
      const { rows } = await db.query<{
        name: string;
        secured: boolean;
        anon: boolean;
        reads: boolean;
        writes: boolean;
      }>(
        `select relname as name, relrowsecurity as secured,
           has_table_privilege('anon', oid, 'select') as anon,
           has_table_privilege('authenticated', oid, 'select') as reads,
           has_table_privilege('authenticated', oid, 'insert, update, delete, truncate') as writes
         from pg_class where relnamespace = 'public'::regnamespace and relname = any ($1::text[])
         order by 1`,
        [tables],
      );
      expect(rows).toEqual(
        tables.map((name) => ({ name, secured: true, anon: false, reads: true, writes: false })),
      );
    });

    it("nobody writes a sparring table directly: every change goes through the functions", async () => {
      const writes = [
        `insert into public.sparring_questions (network_id, title, author_id, due_at)
           values ('${n.sparraus}', 'Suoraan', '${p.mikko}', now())`,
        `update public.sparring_questions set status = 'resolved' where id = '${q.k1}'`,
        `delete from public.sparring_questions where id = '${q.k1}'`,
        `insert into public.sparring_question_sections values ('${q.k4}', '${s.s1}')`,
        `insert into public.sparring_answers (question_id, author_id, body_html)
           values ('${q.k1}', '${p.lea}', '<p>Suoraan.</p>')`,
        `update public.sparring_answers set body_html = '<p>Muutettu.</p>' where id = '${answers.v2}'`,
        `delete from public.sparring_answers where id = '${answers.v2}'`,
        `insert into public.sparring_answer_sections values ('${answers.v2}', '${s.s1}')`,
        `insert into public.sparring_answer_interpretations values ('${answers.v2}', '${vanha}')`,
        `insert into public.sparring_endorsements (answer_id, user_id) values ('${answers.v2}', '${p.lea}')`,
        `delete from public.sparring_endorsements where answer_id = '${answers.v2}'`,
        `insert into public.sparring_lawyers (network_id, user_id) values ('${n.sparraus}', '${p.mikko}')`,
        `delete from public.sparring_lawyers where network_id = '${n.sparraus}'`,
        `insert into public.sparring_settings (network_id) values ('${n.tulkinta}')`,
        `update public.sparring_settings set first_answer_working_days = 60`,
        `update public.interpretations set issuing_body = 'Joku muu' where document_id = '${vanha}'`,
        `insert into public.document_legal_references values ('${vanha}', '${s.s2}')`,
        `update public.published_interpretations set justification = 'Muutettu.'`,
        `insert into public.legal_sections (id, act_id, section, heading_fi, position)
           values (gen_random_uuid(), '9999/2099', '9', 'Uusi', 9)`,
        `update public.legal_acts set title_fi = 'Muutettu'`,
      ];
      for (const sql of writes) {
        expect(await sparringOutcomesFor(db, sql, [], "call"), sql).toEqual(
          forEverySparringActor("denied"),
        );
      }
    });
  });

  describe("who reads what: a sparring network's members, whatever their role, and nobody else", () => {
    it("sparring_questions", async () => {
      expect(await sparringOutcomesFor(db, "select id from public.sparring_questions")).toEqual(
        sparrausMembersOnly(sparraus, [], {
          memberLawyerElsewhere: ["k1", "k2", "k3", "k4"],
          otherNetworkLawyer: ["k3"],
        }),
      );
    });

    it("sparring_question_sections", async () => {
      const sql = "select question_id || '/' || section_id from public.sparring_question_sections";
      expect(await sparringOutcomesFor(db, sql)).toEqual(
        sparrausMembersOnly(["k1/s1", "k2/s2", "k4/s3"], [], {
          memberLawyerElsewhere: ["k1/s1", "k2/s2", "k3/s1", "k4/s3"],
          otherNetworkLawyer: ["k3/s1"],
        }),
      );
    });

    it("sparring_answers, their sections and the interpretations they cite", async () => {
      for (const sql of [
        "select id from public.sparring_answers",
        "select answer_id from public.sparring_answer_sections",
        "select answer_id from public.sparring_answer_interpretations",
      ]) {
        expect(await sparringOutcomesFor(db, sql), sql).toEqual(sparrausMembersOnly(["v2"], []));
      }
    });

    it("sparring_endorsements", async () => {
      const sql = "select answer_id || '/' || user_id from public.sparring_endorsements";
      expect(await sparringOutcomesFor(db, sql)).toEqual(sparrausMembersOnly(["v2/lasse"], []));
    });

    it("sparring_lawyers", async () => {
      const sql = "select network_id || '/' || user_id from public.sparring_lawyers";
      const lawyersOfSparraus = ["sparraus/dave", "sparraus/lasse", "sparraus/lea"];
      expect(await sparringOutcomesFor(db, sql)).toEqual(
        sparrausMembersOnly(lawyersOfSparraus, [], {
          memberLawyerElsewhere: [...lawyersOfSparraus, "tulkinta/lotta", "tulkinta/tuuli"],
          otherNetworkLawyer: ["tulkinta/lotta", "tulkinta/tuuli"],
        }),
      );
    });

    it("sparring_settings", async () => {
      expect(
        await sparringOutcomesFor(db, "select network_id from public.sparring_settings"),
      ).toEqual(sparrausMembersOnly(["sparraus"], []));
    });

    it("the acts and their sections: every active user, nobody else", async () => {
      for (const sql of [
        "select id from public.legal_acts where id = '9999/2099'",
        "select act_id || ' ' || section from public.legal_sections where act_id = '9999/2099' and section = '1'",
      ]) {
        const expected = sql.includes("legal_acts") ? ["9999/2099"] : ["9999/2099 1"];
        expect(await sparringOutcomesFor(db, sql), sql).toEqual(
          forEverySparringActor(expected, { anon: "denied", pending: [], deactivated: [] }),
        );
      }
    });

    it("an interpretation's working fields and references: the document's readers only", async () => {
      const tried: [string, string][] = [
        ["select document_id from public.interpretations", vanha],
        [
          "select document_id || '/' || section_id from public.document_legal_references",
          `${vanha}/${s.s1}`,
        ],
      ];
      for (const [sql, creatorReads] of tried) {
        // vanha is in no network and shared with nobody: only its creator opens the document.
        expect(await sparringOutcomesFor(db, sql), sql).toEqual(
          forEverySparringActor([], { anon: "denied" }),
        );
        expect(await outcomeOf(db, sparringClaimsOf("hugo"), sql), sql).toEqual([creatorReads]);
      }
    });

    it("what each version published of an interpretation: every reader of the library (not guests)", async () => {
      const sql = "select document_id || '/' || number from public.published_interpretations";
      expect(await sparringOutcomesFor(db, sql)).toEqual(
        forEverySparringActor(["doc:vanha/1"], {
          anon: "denied",
          pending: [],
          deactivated: [],
          guest: [],
        }),
      );
    });
  });

  describe("the functions that read sparring content return nothing to non-members", () => {
    it("sparring_question", async () => {
      const sql = "select id from public.sparring_question($1)";
      expect(await sparringOutcomesFor(db, sql, [q.k1])).toEqual(sparrausMembersOnly(["k1"], []));
      expect(await sparringOutcomesFor(db, sql, [q.k3])).toEqual(
        forEverySparringActor([], {
          anon: "denied",
          memberLawyerElsewhere: ["k3"],
          otherNetworkLawyer: ["k3"],
        }),
      );
    });

    it("sparring_answers_of", async () => {
      const sql = "select id from public.sparring_answers_of($1)";
      expect(await sparringOutcomesFor(db, sql, [q.k2])).toEqual(sparrausMembersOnly(["v2"], []));
    });

    it("sparring_question_list, newest first", async () => {
      const sql =
        "select string_agg(id::text, ',' order by ordinality) from public.sparring_question_list($1) with ordinality";
      const outcomes = await sparringOutcomesFor(db, sql, [n.sparraus]);
      expect(outcomes).toEqual(sparrausMembersOnly(["k4,k2,k1"], ["none"]));
    });

    it("sparring_question_list filters by status, section and words", async () => {
      const sql = "select id from public.sparring_question_list($1, $2, $3, $4)";
      const member = (status: string | null, section: string | null, words: string | null) =>
        sparringOutcomesFor(db, sql, [n.sparraus, status, section, words]).then(
          (outcomes) => outcomes.member,
        );
      expect(await member("answered", null, null)).toEqual(["k2"]);
      expect(await member("open", null, null)).toEqual(["k1", "k4"]);
      expect(await member(null, s.s3, null)).toEqual(["k4"]);
      expect(await member(null, null, "siirtymäaika")).toEqual(["k4"]);
    });

    it("legal_section_questions", async () => {
      const sql = "select question_id from public.legal_section_questions($1)";
      expect(await sparringOutcomesFor(db, sql, [s.s1])).toEqual(
        sparrausMembersOnly(["k1"], [], {
          memberLawyerElsewhere: ["k1", "k3"],
          otherNetworkLawyer: ["k3"],
        }),
      );
    });

    it("similar_sparring_items: questions for members, the published interpretation for every reader", async () => {
      const sql =
        "select kind || ':' || id from public.similar_sparring_items('soveltamisala laajasti')";
      expect(await sparringOutcomesFor(db, sql)).toEqual(
        sparrausMembersOnly(
          ["interpretation:doc:vanha", "question:k1"],
          ["interpretation:doc:vanha"],
          {
            memberLawyerElsewhere: ["interpretation:doc:vanha", "question:k1", "question:k3"],
            otherNetworkLawyer: ["interpretation:doc:vanha", "question:k3"],
            pending: [],
            deactivated: [],
            guest: [],
          },
        ),
      );
    });

    it("sparring_lawyers_of: the lawyers' names, for members only", async () => {
      const sql = "select user_id from public.sparring_lawyers_of($1)";
      expect(await sparringOutcomesFor(db, sql, [n.sparraus])).toEqual(
        sparrausMembersOnly(["dave", "lasse", "lea"], []),
      );
    });

    it("my_sparring_role says what each may do (every action checks again)", async () => {
      const sql = `select concat_ws(' ', coalesce(role::text, 'none'),
          case when is_lawyer then 'lawyer' end, case when can_ask then 'asks' end,
          target_working_days) from public.my_sparring_role($1)`;
      expect(await sparringOutcomesFor(db, sql, [n.sparraus])).toEqual(
        forEverySparringActor(["none 3"], {
          anon: "denied",
          observer: ["observer 3"],
          member: ["member asks 3"],
          memberLawyerElsewhere: ["member asks 3"],
          coordinator: ["coordinator asks 3"],
          lawyer: ["member lawyer asks 3"],
          lawyerCoordinator: ["coordinator lawyer asks 3"],
        }),
      );
    });
  });
});
