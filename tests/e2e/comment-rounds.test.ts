/**
 * A comment round as people run it: Kalle opens a round on his draft inviting Kuntaliitto, Liisa
 * (at Kuntaliitto) responds with a general comment and one on a paragraph, and Kalle records what
 * was done about it. axe checks the pages on the way.
 */
import { createClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { demoPassword, withServerAndBrowser } from "../helpers/e2e-session";

const kalle = "kalle.koordinaattori@keha.example";
const liisa = "liisa.lakimies@kuntaliitto.example";
const national = "e0e0e0e0-0000-4000-8000-000000000001";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

async function createDocument(): Promise<string> {
  const keys = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, keys.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const signedIn = await client.auth.signInWithPassword({ email: kalle, password: demoPassword });
  expect(signedIn.error).toBeNull();
  const created = await client.rpc("create_document", {
    title: "Lausuttava ohje",
    kind: "guidance",
    network_id: national,
    initial_html: "<p>Ensimmäinen kappale.</p><p>Toinen kappale.</p>",
  });
  expect(created.error).toBeNull();
  return String(created.data);
}

function tomorrow(): string {
  return new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
}

describe("comment rounds", () => {
  it("opens a round, takes a response from an invited organisation and records its handling", async () => {
    const documentId = await createDocument();
    await session.signIn(kalle);
    await session.open(`/documents/${documentId}/rounds/new`);
    await page.getByRole("button", { name: "Avaa lausuntokierros" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Anna kierrokselle otsikko.");
    await page.getByLabel("Kierroksen otsikko").fill("Lausuntopyyntö ohjeesta");
    await page.getByLabel("Päivä").fill(tomorrow());
    await page.getByLabel("Kellonaika").fill("16:00");
    await page.getByRole("checkbox", { name: /Kuntaliitto/ }).check();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Avaa lausuntokierros" }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]+\?done=opened/);
    const roundPath = new URL(page.url()).pathname;
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Lausuntopyyntö ohjeesta");
    await expect.poll(() => page.getByText(/^Sulkeutuu/).count()).toBe(1);

    await session.signIn(liisa, { freshBrowser: true });
    page = session.page;
    await session.open(roundPath);
    await page.getByLabel("Yleiset kommentit").fill("Selkeä ohje.");
    await page.getByLabel("Kommentti kappaleeseen 2").fill("Tarkentakaa esimerkillä.");
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Lähetä lausunto" }).click();
    await page.waitForURL(/done=responded/);
    await expect.poll(() => page.getByText("Tarkentakaa esimerkillä.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Lähetä lausunto" }).count()).toBe(0);

    await session.open("/rounds");
    await expect
      .poll(() => page.getByRole("link", { name: "Lausuntopyyntö ohjeesta" }).count())
      .toBe(1);

    await session.signIn(kalle, { freshBrowser: true });
    page = session.page;
    await session.open(roundPath);
    await page.getByLabel("Käsittely (kommentti 2)").selectOption("accepted");
    await page.getByLabel("Mitä tehtiin (kommentti 2)").fill("Esimerkki lisätty.");
    await page.getByRole("button", { name: "Tallenna käsittely" }).nth(1).click();
    await page.waitForURL(/done=handled/);
    expect(await page.getByLabel("Mitä tehtiin (kommentti 2)").inputValue()).toBe(
      "Esimerkki lisätty.",
    );
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: "Sulje kierros" }).click();
    await page.waitForURL(/done=closed/);
    await expect.poll(() => page.getByText(/^Sulkeutui/).count()).toBe(1);
  });
});
