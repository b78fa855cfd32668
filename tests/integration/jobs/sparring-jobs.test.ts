/**
 * The sparring job and what the lawyers' pages ask, against a real database: a question whose
 * first answer is overdue is flagged once and its network's coordinators are told; answered and
 * resolved questions are left alone; only the server runs the job. The queue lists unanswered
 * questions to coordinators and lawyers, and only coordinators change the target and the lawyers.
 *
 * The fixture's "suljettu" is a sparring network: anna coordinates it (and paula, added here),
 * aino is a member, eero an observer; olli is not in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Claims, Database } from "../../../server/embedded/db";
import { startIntervalJobs } from "../../../server/jobs/interval-jobs";
import { minuteJobs } from "../../../server/jobs/minute-jobs";
import { flagOverdueSparringQuestions } from "../../../server/jobs/sparring-overdue";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  networkClaimsOf,
  networkFixtureSql,
  networkPeople,
  networks,
} from "../rls/network-fixture";

const anna = networkClaimsOf("anna");
const aino = networkClaimsOf("aino");
const eero = networkClaimsOf("eero");
const olli = networkClaimsOf("olli");
const paula = networkClaimsOf("paula");
const sparring = networks.suljettu;

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

describe.each(availableBackends())("sparring jobs on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(networkFixtureSql);
    await db.query(
      "insert into public.network_members (network_id, user_id, role) values ($1, $2, 'coordinator')",
      [sparring, networkPeople.paula],
    );
  });
  afterAll(() => db.close());

  async function as<T>(claims: Claims, sql: string, params: unknown[] = []): Promise<T[]> {
    return db.transaction(claims, async (tx) => (await tx.query<T & object>(sql, params)).rows);
  }

  /** The SQLSTATE `sql` fails with as `claims`, or "ok". */
  async function outcome(claims: Claims, sql: string, params: unknown[] = []): Promise<string> {
    try {
      await as(claims, sql, params);
      return "ok";
    } catch (error) {
      return errorCode(error) ?? String(error);
    }
  }

  async function ask(title: string): Promise<string> {
    const [row] = await as<{ id: string }>(
      aino,
      "select public.ask_sparring_question($1, $2, $3) as id",
      [sparring, title, "Miten lakia sovelletaan tässä tilanteessa?"],
    );
    if (!row) throw new Error("no question");
    return row.id;
  }

  async function makeOverdue(...questions: string[]): Promise<void> {
    await db.query(
      "update public.sparring_questions set due_at = now() - interval '1 minute' where id = any ($1)",
      [questions],
    );
  }

  async function overdueNotifications(question: string) {
    const { rows } = await db.query<{
      recipient_id: string;
      data: { title: string; status: string };
    }>(
      `select recipient_id, data from public.notifications
       where kind = 'sparring_question_overdue' and link = $1 order by recipient_id`,
      [`/networks/suljettu/sparring/${question}`],
    );
    return rows;
  }

  async function queueOf(claims: Claims) {
    return as<{ id: string; overdue: boolean; network_slug: string }>(
      claims,
      "select id, overdue, network_slug from public.sparring_queue()",
    );
  }

  it("flags a question past its due time once and tells each coordinator", async () => {
    const late = await ask("Myöhästynyt kysymys");
    const answered = await ask("Vastattu kysymys");
    const resolved = await ask("Ratkaistu kysymys");
    const fresh = await ask("Tuore kysymys");
    await as(anna, "select public.answer_sparring_question($1, $2)", [
      answered,
      "<p>Näin toimitaan.</p>",
    ]);
    await db.query("update public.sparring_questions set status = 'resolved' where id = $1", [
      resolved,
    ]);
    // Everything is due in the future (five working days by default).
    expect(await flagOverdueSparringQuestions(db)).toBe(0);

    await makeOverdue(late, answered, resolved);
    expect(await flagOverdueSparringQuestions(db)).toBe(1);
    expect(await flagOverdueSparringQuestions(db)).toBe(0);

    const { rows } = await db.query<{ due_at: string }>(
      "select due_at::text as due_at from public.sparring_questions where id = $1",
      [late],
    );
    expect(await overdueNotifications(late)).toEqual(
      [networkPeople.anna, networkPeople.paula].sort().map((recipient) => ({
        recipient_id: recipient,
        data: { title: "Myöhästynyt kysymys", status: rows[0]?.due_at },
      })),
    );
    for (const other of [answered, resolved, fresh]) {
      expect(await overdueNotifications(other)).toEqual([]);
    }
  });

  it("the minute job flags overdue questions as the server starts it", async () => {
    const late = await ask("Minuuttiajon kysymys");
    await makeOverdue(late);
    const errors: string[] = [];
    const jobs = startIntervalJobs({
      jobs: minuteJobs({ db }),
      runAtStart: false,
      reportError: (message) => errors.push(message),
    });
    await jobs.runAll();
    await jobs.stop();
    expect(errors).toEqual([]);
    expect((await overdueNotifications(late)).map((row) => row.recipient_id)).toEqual(
      [networkPeople.anna, networkPeople.paula].sort(),
    );
  });

  it("only the service role runs the job's function", async () => {
    for (const claims of [anna, aino, paula, { role: "anon" } satisfies Claims]) {
      expect(await outcome(claims, "select public.flag_overdue_sparring_questions()")).toBe(
        "42501",
      );
    }
  });

  it("queues unanswered questions for coordinators and lawyers, oldest first, overdue marked", async () => {
    const late = await ask("Jonon myöhästynyt kysymys");
    const waiting = await ask("Jonon odottava kysymys");
    await makeOverdue(late);

    const annas = await queueOf(anna);
    const ids = annas.map((row) => row.id);
    expect(ids.indexOf(late)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(late)).toBeLessThan(ids.indexOf(waiting));
    expect(annas.find((row) => row.id === late)).toMatchObject({
      overdue: true,
      network_slug: "suljettu",
    });
    expect(annas.find((row) => row.id === waiting)?.overdue).toBe(false);

    // A member is not a lawyer until a coordinator names her one; observers and outsiders never.
    expect(await queueOf(aino)).toEqual([]);
    expect(await queueOf(eero)).toEqual([]);
    expect(await queueOf(olli)).toEqual([]);
    expect(
      await outcome(anna, "select public.set_sparring_lawyer($1, $2, true)", [
        sparring,
        networkPeople.aino,
      ]),
    ).toBe("ok");
    expect((await queueOf(aino)).map((row) => row.id)).toEqual(ids);
    const [role] = await as<{ is_lawyer: boolean; is_coordinator: boolean }>(
      aino,
      "select is_lawyer, is_coordinator from public.my_sparring_role($1)",
      [sparring],
    );
    expect(role).toEqual({ is_lawyer: true, is_coordinator: false });
  });

  it("lets only coordinators name lawyers, among coordinators and members", async () => {
    const name = (claims: Claims, person: keyof typeof networkPeople, lawyer: boolean) =>
      outcome(claims, "select public.set_sparring_lawyer($1, $2, $3)", [
        sparring,
        networkPeople[person],
        lawyer,
      ]);
    expect(await name(aino, "paula", true)).toBe("42501");
    expect(await name(anna, "eero", true)).toBe("22023");
    expect(await name(anna, "olli", true)).toBe("22023");
    expect(await name(anna, "paula", true)).toBe("ok");
    const lawyers = await as<{ user_id: string }>(
      aino,
      "select user_id from public.sparring_lawyers_of($1)",
      [sparring],
    );
    expect(lawyers.map((row) => row.user_id).sort()).toEqual(
      [networkPeople.aino, networkPeople.paula].sort(),
    );
    expect(await name(anna, "paula", false)).toBe("ok");
    // Outsiders do not learn who the lawyers are.
    expect(
      await as(olli, "select user_id from public.sparring_lawyers_of($1)", [sparring]),
    ).toEqual([]);
  });

  it("lets only coordinators set the response target, from 1 to 60 working days", async () => {
    const target = (claims: Claims, days: number) =>
      outcome(claims, "select public.set_sparring_target($1, $2)", [sparring, days]);
    expect(await target(aino, 10)).toBe("42501");
    expect(await target(anna, 0)).toBe("22023");
    expect(await target(anna, 61)).toBe("22023");
    expect(await target(anna, 10)).toBe("ok");
    const [role] = await as<{ target_working_days: number }>(
      aino,
      "select target_working_days from public.my_sparring_role($1)",
      [sparring],
    );
    expect(role?.target_working_days).toBe(10);
    // Networks of other kinds have no target.
    expect(await outcome(anna, "select public.set_sparring_target($1, 5)", [networks.avoin])).toBe(
      "22023",
    );
  });
});
