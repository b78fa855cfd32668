/**
 * The acts and sections every citation points at: the five acts are there, each section's id is
 * the documented md5 formula (so the seed, tests and other installations agree), and the pages'
 * loader reads them as a signed-in person — and anonymous callers read nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

interface SectionRow {
  id: string;
  expected: string;
  act_id: string;
  chapter: string | null;
  section: string;
  heading_fi: string;
  position: number;
}

describe.each(availableBackends())("legal acts data on %s", (backend) => {
  let stack: EmbeddedStack;

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("has the five acts the sparring network cites", async () => {
    const { rows } = await stack.db.query<{ id: string; title_fi: string }>(
      "select id, title_fi from public.legal_acts order by position",
    );
    expect(rows.map((row) => row.id)).toEqual(
      expect.arrayContaining(["380/2023", "381/2023", "1290/2002", "681/2023", "434/2003"]),
    );
    const titles = Object.fromEntries(rows.map((row) => [row.id, row.title_fi]));
    expect(titles["380/2023"]).toBe("Laki työvoimapalveluiden järjestämisestä");
    expect(titles["381/2023"]).toBe("Laki työllistymisen monialaisesta edistämisestä");
    expect(titles["1290/2002"]).toBe("Työttömyysturvalaki");
    expect(titles["681/2023"]).toBe("Laki kotoutumisen edistämisestä");
    expect(titles["434/2003"]).toBe("Hallintolaki");
  });

  it("gives every section the id md5(act:chapter:section)", async () => {
    const { rows } = await stack.db.query<SectionRow>(
      `select id::text, md5(act_id || ':' || coalesce(chapter, '') || ':' || section)::uuid::text
         as expected, act_id, chapter, section, heading_fi, position
       from public.legal_sections`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.id, `${row.act_id} ${row.section}`).toBe(row.expected);
  });

  it("orders each act's sections with unique positions", async () => {
    const { rows } = await stack.db.query<{ act_id: string; positions: number; sections: number }>(
      `select act_id, count(distinct position)::int as positions, count(*)::int as sections
       from public.legal_sections group by act_id`,
    );
    for (const row of rows) expect(row.positions, row.act_id).toBe(row.sections);
  });

  it("has the sections experts cite most, with their headings", async () => {
    const { rows } = await stack.db.query<{ label: string; heading_fi: string }>(
      `select private.legal_section_label(id) as label, heading_fi from public.legal_sections`,
    );
    const headings = Object.fromEntries(rows.map((row) => [row.label, row.heading_fi]));
    expect(headings["434/2003 34 §"]).toBe("Asianosaisen kuuleminen");
    expect(headings["434/2003 45 §"]).toBe("Päätöksen perusteleminen");
    expect(headings["434/2003 7 §"]).toBe("Palveluperiaate ja palvelun asianmukaisuus");
    expect(headings["434/2003 50 §"]).toBe("Asiavirheen korjaaminen");
    expect(headings["1290/2002 2 a luku 1 §"]).toBe("Työstä eroaminen ja erottaminen");
    expect(headings["1290/2002 2 a luku 4 §"]).toBe("Työstä kieltäytyminen");
    expect(headings["380/2023 3 §"]).toBe("Määritelmät");
  });

  it("loads the acts with their sections in order for a signed-in person", async () => {
    const client = stack.anonClient();
    const { error } = await client.auth.signInWithPassword({
      email: "aino.asiantuntija@tampere.example",
      password: "Verkko-demo-2025",
    });
    expect(error).toBeNull();
    const acts = await loadLegalActs(client);
    expect(acts.map((act) => act.id).slice(0, 5)).toEqual([
      "380/2023",
      "381/2023",
      "1290/2002",
      "681/2023",
      "434/2003",
    ]);
    const unemployment = acts.find((act) => act.id === "1290/2002");
    expect(unemployment?.titleSv).toBe("Lag om utkomstskydd för arbetslösa");
    const refusing = unemployment?.sections.find(
      (section) => section.chapter === "2 a" && section.section === "4",
    );
    expect(refusing?.headingFi).toBe("Työstä kieltäytyminen");
    const administrative = acts.find((act) => act.id === "434/2003");
    const positions = administrative?.sections.map((section) => section.position) ?? [];
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The same request's client reads them once.
    expect(loadLegalActs(client)).toBe(loadLegalActs(client));
  });

  it("refuses anonymous callers", async () => {
    const { data, error } = await stack.anonClient().from("legal_sections").select("id");
    expect(error?.code).toBe("42501");
    expect(data).toBeNull();
  });
});
