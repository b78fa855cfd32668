/**
 * The database's personal-data guard agrees with the form's: every shared vector gives the same
 * kinds from private.personal_data_kinds as from findPersonalData, the function carries the very
 * same patterns, and refuse_personal_data raises 23514 naming what it found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalDataKinds, personalDataPatterns } from "~/lib/personal-data";
import type { Database } from "../../../server/embedded/db";
import { migrate } from "../../../server/embedded/migrate";
import {
  invalidIdentityCodes,
  personalDataCases,
  validIdentityCodes,
} from "../../fixtures/personal-data-cases";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";

describe.each(availableBackends())("personal-data guard on %s", (backend) => {
  let db: Database;

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
  });

  afterAll(async () => {
    await db?.close();
  });

  async function kindsInDatabase(texts: string[]): Promise<string[][]> {
    const { rows } = await db.query<{ kinds: string[] }>(
      `select private.personal_data_kinds(text) as kinds
       from unnest($1::text[]) with ordinality as input(text, position) order by position`,
      [texts],
    );
    return rows.map((row) => row.kinds);
  }

  it("finds the same kinds as the form in every shared case", async () => {
    const found = await kindsInDatabase(personalDataCases.map((example) => example.text));
    personalDataCases.forEach((example, index) => {
      expect(found[index], JSON.stringify(example.text)).toEqual(example.kinds);
      expect(personalDataKinds(example.text), JSON.stringify(example.text)).toEqual(example.kinds);
    });
  });

  it("finds nothing in null", async () => {
    const { rows } = await db.query<{ kinds: string[] }>(
      "select private.personal_data_kinds(null) as kinds",
    );
    expect(rows[0]?.kinds).toEqual([]);
  });

  it("uses the form's patterns character for character", async () => {
    const { rows } = await db.query<{ source: string }>(
      "select prosrc as source from pg_proc where oid = 'private.personal_data_kinds(text)'::regprocedure",
    );
    for (const pattern of Object.values(personalDataPatterns)) {
      expect(rows[0]?.source).toContain(`'${pattern}'`);
    }
  });

  it("validates identity codes as the form does", async () => {
    const codes = [...validIdentityCodes, ...invalidIdentityCodes, "131052-308t", " 010101a123n "];
    const { rows } = await db.query<{ valid: boolean }>(
      `select private.is_valid_identity_code(code) as valid
       from unnest($1::text[]) with ordinality as input(code, position) order by position`,
      [codes],
    );
    expect(rows.map((row) => row.valid)).toEqual([
      ...validIdentityCodes.map(() => true),
      ...invalidIdentityCodes.map(() => false),
      true,
      true,
    ]);
  });

  it("refuses personal data with 23514, the field in the message and the kinds in the detail", async () => {
    await expect(
      db.query("select private.refuse_personal_data('body', $1)", [
        "Asiakas (hetu 131052-308T) soitti numerosta 040 123 4567.",
      ]),
    ).rejects.toMatchObject({
      code: "23514",
      message: "personal data in body",
      detail: "identity_code,phone",
      hint: "remove identity codes, phone numbers and e-mail addresses",
    });
    await expect(
      db.query(
        "select private.refuse_personal_data('answer', 'kirjoita osoitteeseen a@example.fi')",
      ),
    ).rejects.toMatchObject({ code: "23514", message: "personal data in answer", detail: "email" });
  });

  it("lets legal text through", async () => {
    const { rows } = await db.query("select private.refuse_personal_data('body', $1)", [
      "Tulkitaanko lain 380/2023 12 §:ää 1.1.2025 alkaen niin, että 1 234,56 € ...",
    ]);
    expect(rows).toHaveLength(1);
  });

  it("is not callable by signed-in users or anonymous callers", async () => {
    const { rows } = await db.query<{ name: string; authenticated: boolean; anon: boolean }>(
      `select proname as name,
              has_function_privilege('authenticated', oid, 'execute') as authenticated,
              has_function_privilege('anon', oid, 'execute') as anon
       from pg_proc
       where pronamespace = 'private'::regnamespace
         and proname in ('is_valid_identity_code', 'personal_data_kinds', 'refuse_personal_data',
                         'easter_sunday', 'is_finnish_holiday', 'add_working_days')
       order by proname`,
    );
    expect(rows).toHaveLength(6);
    for (const row of rows)
      expect(row, row.name).toMatchObject({ authenticated: false, anon: false });
  });
});

/** Aino (Tampere) is a member of the open sparring network in the demo data. */
const aino = "a1a1a1a1-0000-4000-8000-000000000001";
const sparring = "e0e0e0e0-0000-4000-8000-000000000010";

describe.each(availableBackends())("sparring content refused by the database on %s", (backend) => {
  let db: Database;
  const asAino = <Row>(sql: string, params: unknown[] = []) =>
    db.transaction({ role: "authenticated", sub: aino }, async (tx) => {
      return (await tx.query<Row>(sql, params)).rows;
    });

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await migrate(db, { seed: true });
  });

  afterAll(async () => {
    await db?.close();
  });

  it("refuses a question with an identity code, a phone number or an e-mail address", async () => {
    const ask = (title: string, body: string, tags: string[]) =>
      asAino("select public.ask_sparring_question($1, $2, $3, '{}', $4) as id", [
        sparring,
        title,
        body,
        tags,
      ]);
    await expect(
      ask("Valmennuksen keskeyttäminen", "Asiakas 131052-308T keskeytti valmennuksen.", []),
    ).rejects.toMatchObject({
      code: "23514",
      message: "personal data in body",
      detail: "identity_code",
    });
    await expect(
      ask("Soita 040 123 4567", "Kysymys ilman henkilötietoja.", []),
    ).rejects.toMatchObject({ code: "23514", message: "personal data in title", detail: "phone" });
    await expect(
      ask("Valmennus", "Kysymys ilman henkilötietoja.", ["asiakas@example.fi"]),
    ).rejects.toMatchObject({ code: "23514", message: "personal data in tags", detail: "email" });

    const { count } = (
      await db.query<{ count: number }>(
        "select count(*)::integer as count from public.sparring_questions where body like '%131052%'",
      )
    ).rows[0] ?? { count: -1 };
    expect(count).toBe(0);
  });

  it("accepts the same question without them, and refuses an edit or answer adding one", async () => {
    const [asked] = await asAino<{ id: string }>(
      "select public.ask_sparring_question($1, $2, $3, '{}', $4) as id",
      [
        sparring,
        "Valmennuksen keskeyttäminen",
        "Tulkitaanko 380/2023 12 § niin, että ...?",
        ["valmennus"],
      ],
    );
    expect(asked?.id).toMatch(/^[0-9a-f-]{36}$/);

    await expect(
      asAino("select public.edit_sparring_question($1, $2, $3)", [
        asked?.id,
        "Valmennuksen keskeyttäminen",
        "Asiakkaan hetu on 010594y9021.",
      ]),
    ).rejects.toMatchObject({ code: "23514", detail: "identity_code" });
    await expect(
      asAino("select public.answer_sparring_question($1, $2)", [
        asked?.id,
        '<p>Kysy lisää: <a href="mailto:neuvonta@example.fi">neuvonta</a></p>',
      ]),
    ).rejects.toMatchObject({ code: "23514", message: "personal data in answer", detail: "email" });
  });
});
