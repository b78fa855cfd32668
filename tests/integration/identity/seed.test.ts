/** The demo data: every demo user of README signs in and finds themselves where README says. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { type MyAccess, myAccess } from "./support";

const tampere = "c0c0c0c0-0000-4000-8000-000000000001";
const demoUsers: [string, Partial<MyAccess>][] = [
  ["aino.asiantuntija@tampere.example", { status: "active", role: "member", organisation_id: tampere }],
  ["kalle.koordinaattori@keha.example", { status: "active", role: "member" }],
  ["liisa.lakimies@kuntaliitto.example", { status: "active", role: "member" }],
  ["helmi.hakala@helsinki.example", { status: "active", role: "member" }],
  ["olli.organisaatio@tampere.example", { status: "active", role: "admin", organisation_id: tampere }],
  ["paula.paakayttaja@keha.example", { status: "active", is_platform_admin: true }],
  ["pekka.odottaja@tampere.example", { status: "pending", organisation_id: tampere }],
  ["ville.toimittaja@ictpalvelu.example", { status: "active", role: "member" }],
];

describe.each(availableBackends())("demo data on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => stack.close());

  it("has about a dozen organisations of every kind, each with a domain", async () => {
    const { rows } = await stack.db.query<{ kind: string; domains: number }>(
      `select o.kind::text as kind, count(d.domain)::int as domains
       from public.organisations o left join public.organisation_domains d on d.organisation_id = o.id
       group by o.id, o.kind`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((row) => row.kind))).toEqual(
      new Set(["municipality", "employment_area", "state_agency", "kuntaliitto", "wellbeing_county", "ngo", "education", "vendor"]),
    );
    expect(rows.every((row) => row.domains > 0)).toBe(true);
  });

  it.each(demoUsers)("%s signs in with the documented password and is %o", async (email, expected) => {
    const client = stack.anonClient();
    const signedIn = await client.auth.signInWithPassword({ email, password: "Verkko-demo-2025" });
    expect(signedIn.error).toBeNull();
    expect(await myAccess(client)).toMatchObject(expected);
  });

  it("refuses sanna.suljettu@tampere.example at sign-in: her organisation deactivated her", async () => {
    const { data, error } = await stack
      .anonClient()
      .auth.signInWithPassword({ email: "sanna.suljettu@tampere.example", password: "Verkko-demo-2025" });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 403, code: "access_denied" });
    const { rows } = await stack.db.query<{ status: string }>(
      `select m.status from public.organisation_members m
         join auth.users u on u.id = m.user_id where u.email = 'sanna.suljettu@tampere.example'`,
    );
    expect(rows).toEqual([{ status: "deactivated" }]);
  });
});
