/**
 * The functions behind the "Lakiviittaukset" tab and the library's interpretation box, as the demo
 * people call them: editors save an interpretation's fields and legal references, the guard
 * refuses personal data in them, others are refused, and the library keeps showing what the
 * board approved until the next publication.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";

const liisa = "a1a1a1a1-0000-4000-8000-000000000003";
const paula = "a1a1a1a1-0000-4000-8000-000000000005";
const newer = "f3f3f3f3-0000-4000-8000-000000000002";
const newerSlug = "ostopalveluna-hankittu-valmennus-julkisena-tyovoimapalveluna";

interface Refusal {
  code?: string;
  message?: string;
  detail?: string;
}

describe.each(availableBackends())("interpretation fields on %s", (backend) => {
  let db: Database;
  const as = <Row>(user: string, sql: string, params: unknown[] = []) =>
    db.transaction({ role: "authenticated", sub: user }, async (tx) => {
      return (await tx.query<Row>(sql, params)).rows;
    });
  const refusalOf = async (work: Promise<unknown>): Promise<Refusal> => {
    try {
      await work;
    } catch (error) {
      return error as Refusal;
    }
    throw new Error("expected the database to refuse");
  };

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    expect((await migrate(db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => db?.close());

  it("lets the interpretation's editor save its fields, and refuses personal data in them", async () => {
    await as(
      liisa,
      "select public.save_interpretation($1, 'Juridinen sparrausverkosto', 'Perustelut.', '2026-01-01', '2027-12-31', null)",
      [newer],
    );
    const [saved] = await as<{ justification: string; valid_to: string; can_edit: boolean }>(
      liisa,
      "select justification, valid_to::text, can_edit from public.document_interpretation($1)",
      [newer],
    );
    expect(saved).toEqual({ justification: "Perustelut.", valid_to: "2027-12-31", can_edit: true });

    const refused = await refusalOf(
      as(
        liisa,
        "select public.save_interpretation($1, 'Juridinen sparrausverkosto', 'Asiakas 131052-308T, p. 040 123 4567.')",
        [newer],
      ),
    );
    expect(refused.code).toBe("23514");
    expect(refused.message).toBe("personal data in justification");
    expect(refused.detail?.split(",").sort()).toEqual(["identity_code", "phone"]);
  });

  it("refuses the fields and references from someone who cannot open the draft", async () => {
    expect(await as(paula, "select * from public.document_interpretation($1)", [newer])).toEqual(
      [],
    );
    const fields = await refusalOf(
      as(paula, "select public.save_interpretation($1, 'KEHA-keskus')", [newer]),
    );
    expect(["P0002", "42501"]).toContain(fields.code);
    const references = await refusalOf(
      as(
        paula,
        "select public.set_document_legal_references($1, array[md5('434/2003::34')::uuid])",
        [newer],
      ),
    );
    expect(["P0002", "42501"]).toContain(references.code);
  });

  it("keeps the library's record as published until the next publication", async () => {
    await as(
      liisa,
      "select public.set_document_legal_references($1, array[md5('380/2023::2')::uuid, md5('434/2003::34')::uuid])",
      [newer],
    );
    const [draft] = await as<{ labels: string[] }>(
      liisa,
      "select array(select item ->> 'label' from jsonb_array_elements(sections) as item) as labels from public.document_interpretation($1)",
      [newer],
    );
    expect(draft?.labels).toEqual(["380/2023 2 §", "434/2003 34 §"]);

    const [published] = await as<{ labels: string[]; valid_to: string | null }>(
      paula,
      "select array(select item ->> 'label' from jsonb_array_elements(sections) as item) as labels, valid_to::text from public.library_interpretation($1, null)",
      [newerSlug],
    );
    expect(published).toEqual({ labels: ["380/2023 2 §", "380/2023 3 §"], valid_to: null });
  });
});
