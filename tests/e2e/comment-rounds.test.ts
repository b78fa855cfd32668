/**
 * A comment round (lausuntokierros) before approval, as the people involved would use it: Aino
 * opens a round on her draft from its publishing tab, inviting Helsinki's employment area with a
 * deadline; Helmi, who works there, finds the invitation among her rounds and comments on a
 * paragraph for her organisation; Aino sees the response in the round's summary and records what
 * was done about it. Every page on the way is checked with axe.
 */
import { createClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withOtherPeople } from "../helpers/e2e-people";
import { demoPassword, withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const helmi = "helmi.hakala@helsinki.example";
const helsinki = "Helsingin työllisyysalue";

const documentTitle = "Työnhakijan haastattelut kuntakokeilun jälkeen";
const first = "Työnhakijan alkuhaastattelu järjestetään viiden arkipäivän kuluessa.";
const second = "Täydentävät työnhakukeskustelut pidetään kahden viikon välein.";
const roundTitle = "Lausuntopyyntö: haastatteluohjeen päivitys";
const comment = "Kahden viikon väli on Helsingissä liian tiheä; ehdotamme kolmea viikkoa.";
const handlingNote = "Väli muutettiin muotoon ”kahden–kolmen viikon välein”.";

const session = withServerAndBrowser();
const people = withOtherPeople(session);
let page: Page;
beforeEach(() => {
  page = session.page;
});

let roundPath = "";

/** Aino's new guidance document, created through the API as the app's form would. */
async function createDocument(): Promise<string> {
  const keys = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, keys.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const signedIn = await client.auth.signInWithPassword({ email: aino, password: demoPassword });
  expect(signedIn.error).toBeNull();
  const created = await client.rpc("create_document", {
    title: documentTitle,
    kind: "guidance",
    initial_html: `<p>${first}</p><p>${second}</p>`,
  });
  expect(created.error).toBeNull();
  return created.data as string;
}

/** A day this many days from now, as a date field takes it (YYYY-MM-DD, Finnish time). */
function daysFromNow(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  );
}

describe("a comment round on a draft", () => {
  it("lets the author open a round inviting an organisation", async () => {
    const documentId = await createDocument();
    await session.signIn(aino);
    await session.open(`/documents/${documentId}/publishing`);
    await page.getByRole("heading", { name: "Lausuntokierrokset" }).waitFor();
    await page.getByText("Asiakirjasta ei ole avattu lausuntokierroksia.").waitFor();
    await page.getByRole("link", { name: "Avaa lausuntokierros" }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}/rounds/new`);
    await page.getByRole("heading", { level: 2, name: "Avaa lausuntokierros" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the form for opening a round");

    // Nobody invited: said on the form, and what was typed stays.
    await page.getByLabel("Kierroksen otsikko").fill(roundTitle);
    await page.getByLabel("Päivä").fill(daysFromNow(14));
    await page.getByRole("button", { name: "Avaa lausuntokierros" }).click();
    await page
      .getByText("Kutsu vähintään yksi organisaatio, verkosto tai henkilö.")
      .first()
      .waitFor();
    expect(await page.getByLabel("Kierroksen otsikko").inputValue()).toBe(roundTitle);
    await expectNoSeriousAxeViolations(page, "the form with an error");

    await page.getByLabel("Ohjeet lausunnonantajille").fill("Kommentoikaa erityisesti aikarajoja.");
    await page
      .getByRole("group", { name: "Organisaatiot" })
      .getByLabel(helsinki, { exact: true })
      .check();
    await page.getByRole("button", { name: "Avaa lausuntokierros" }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}/);
    roundPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: roundTitle }).waitFor();
    await page.getByText("Lausuntokierros on avattu ja kutsutuille on ilmoitettu.").waitFor();
    await page.getByText(second).first().waitFor();
    await expectNoSeriousAxeViolations(page, "a round just opened");
  });

  it("lets an invited organisation's member respond on a paragraph", async () => {
    expect(roundPath).not.toBe("");
    await session.signIn(helmi);
    await session.open("/rounds");
    await page.getByRole("heading", { name: "Kutsut lausunnolle" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the list of rounds");
    await page.getByRole("link", { name: roundTitle }).click();
    await page.waitForURL((url) => url.pathname === roundPath);

    await page.getByRole("heading", { name: "Anna lausunto" }).waitFor();
    await page.getByText(`Vastaat tahon ${helsinki} (organisaatio) puolesta.`).waitFor();
    await expectNoSeriousAxeViolations(page, "the response form");
    await page.getByLabel("Kommentti kappaleeseen 2").fill(comment);
    await page.getByRole("button", { name: "Lähetä lausunto" }).click();
    await page.getByText("Kiitos, lausuntonne on tallennettu.").waitFor();
    await page.getByText(`${helsinki} on antanut lausuntonsa`, { exact: false }).waitFor();
    // One response per invited party: the form is gone.
    expect(await page.getByRole("button", { name: "Lähetä lausunto" }).count()).toBe(0);
  });

  it("shows the author the responses and records what was done", async () => {
    expect(roundPath).not.toBe("");
    await session.signIn(aino);
    await session.open(roundPath);
    await page.getByRole("heading", { name: "Yhteenveto lausunnoista" }).waitFor();
    await page.getByText(comment).waitFor();
    await expectNoSeriousAxeViolations(page, "the round's summary");

    await page.getByLabel("Käsittely (kommentti 1)").selectOption("partly_accepted");
    await page.getByLabel("Mitä tehtiin (kommentti 1)").fill(handlingNote);
    await page.getByRole("button", { name: "Tallenna käsittely" }).click();
    await page.getByText("Käsittely tallennettu.").waitFor();

    // What was done is there for the invited party to see.
    const helmisPage = await people.signIn(helmi);
    await people.open(helmisPage, roundPath);
    await helmisPage.getByText(handlingNote).waitFor();
    await helmisPage.getByText("Hyväksytty osittain").first().waitFor();
    await expectNoSeriousAxeViolations(helmisPage, "the summary as an invited party sees it");
  });
});
