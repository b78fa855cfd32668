/**
 * A question's page as the people in the sparring network use it: Helmi (Helsinki, a lawyer of
 * the network) answers in rich text and is stopped when the answer holds a phone number; Liisa
 * (Kuntaliitto, another lawyer) endorses the answer and Aino (Tampere), who asked, sees no
 * endorse or promote controls but accepts the answer; Liisa promotes it to an interpretation,
 * first mistyping its validity. Every page on the way is checked with axe.
 */
import { createClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withOtherPeople } from "../helpers/e2e-people";
import { demoPassword, withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const helmi = "helmi.hakala@helsinki.example";
const liisa = "liisa.lakimies@kuntaliitto.example";

const sparringNetwork = "e0e0e0e0-0000-4000-8000-000000000010";
const sparring = "/networks/juridinen-sparrausverkosto/sparring";
const title = "Työllistymissuunnitelman tarkistaminen opintojen keskeytyessä";
const answerStart = "Suunnitelma tarkistetaan viipymättä,";
const answerBold = "viimeistään kahden viikon kuluessa";
const answerEnd = " keskeytymisestä.";
const phone = "040 123 4567";

const session = withServerAndBrowser();
const people = withOtherPeople(session);
let page: Page;
beforeEach(() => {
  page = session.page;
});

let questionPath = "";

/** Aino asks through the API: asking has its own e2e, this file is about what follows. */
beforeAll(async () => {
  const { anonKey } = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  const { error: signInError } = await client.auth.signInWithPassword({
    email: aino,
    password: demoPassword,
  });
  if (signInError) throw signInError;
  const { data: section, error: sectionError } = await client
    .from("legal_sections")
    .select("id")
    .eq("act_id", "380/2023")
    .order("position")
    .limit(1)
    .single<{ id: string }>();
  if (sectionError) throw sectionError;
  const { data: id, error } = await client.rpc("ask_sparring_question", {
    network_id: sparringNetwork,
    title,
    body: "Asiakkaan opinnot keskeytyvät kesken lukukauden. Miten nopeasti suunnitelma on tarkistettava?",
    section_ids: [section.id],
    tags: ["opiskelu"],
  });
  if (error) throw error;
  questionPath = `${sparring}/${id}`;
});

/** The Lexical editor labelled `label`, once the page has hydrated and it replaced the textarea. */
async function richText(on: Page, label: string) {
  const area = on.locator('[contenteditable="true"]').and(on.getByRole("textbox", { name: label }));
  await area.waitFor();
  return area;
}

const answerArticle = (on: Page) => on.getByRole("article").filter({ hasText: answerBold });

describe("answering, endorsing, accepting and promoting a sparring question", () => {
  it("takes a lawyer's rich-text answer, but not while it holds a phone number", async () => {
    await session.signIn(helmi);
    await session.open(questionPath);
    await page.getByRole("heading", { level: 2, name: title }).waitFor();
    await page.getByText("Avoin", { exact: true }).first().waitFor();
    expect(await page.getByText("Kysymykseen ei ole vielä vastattu.").count()).toBe(1);

    const body = await richText(page, "Vastauksesi");
    await body.click();
    await page.keyboard.type(`Soita ${phone}. ${answerStart} `);
    await page.keyboard.press("Control+b");
    await page.keyboard.type(answerBold);
    await page.keyboard.press("Control+b");
    await page.keyboard.type(answerEnd);
    await page.getByRole("button", { name: "Lähetä vastaus" }).click();

    // Refused with the reason named, and nothing typed is lost.
    const summary = page.getByRole("alert").filter({ hasText: "Vastausta ei lähetetty" });
    await summary.getByText(/henkilötietoja: puhelinnumero/).waitFor();
    expect(await (await richText(page, "Vastauksesi")).textContent()).toContain(phone);
    expect(await page.getByRole("article").count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "an answer refused for personal data");

    // Without the number it goes, and keeps its bold words.
    const again = await richText(page, "Vastauksesi");
    await again.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Delete");
    await page.keyboard.type(`${answerStart} `);
    await page.keyboard.press("Control+b");
    await page.keyboard.type(answerBold);
    await page.keyboard.press("Control+b");
    await page.keyboard.type(answerEnd);
    await page.getByRole("button", { name: "Lähetä vastaus" }).click();
    await page.getByText("Vastauksesi on lähetetty.").waitFor();
    const article = answerArticle(page);
    await article.waitFor();
    expect(await article.locator("strong", { hasText: answerBold }).count()).toBe(1);
    expect(await article.textContent()).not.toContain(phone);
    await article.getByText("Juristi", { exact: true }).waitFor();
    await page.getByText("Vastattu", { exact: true }).first().waitFor();
    // Her own answer is not hers to endorse, nor hers to accept.
    expect(await article.getByRole("button", { name: "Suosittele" }).count()).toBe(0);
    expect(await article.getByRole("button", { name: "Hyväksy vastaus" }).count()).toBe(0);
    expect(await (await richText(page, "Vastauksesi")).textContent()).toBe("");
    await expectNoSeriousAxeViolations(page, "an answered question");
  });

  it("lets another lawyer endorse the answer and withdraw the endorsement", async () => {
    const liisasPage = await people.signIn(liisa);
    await people.open(liisasPage, questionPath);
    const article = answerArticle(liisasPage);
    await article.getByRole("button", { name: "Suosittele" }).click();
    await article.getByRole("button", { name: "Peru suositus" }).waitFor();
    await article.getByText(/Suosittelijat:.*Liisa/).waitFor();
    await expectNoSeriousAxeViolations(liisasPage, "an endorsed answer");

    await article.getByRole("button", { name: "Peru suositus" }).click();
    await article.getByRole("button", { name: "Suosittele" }).waitFor();
    await expect.poll(() => article.getByText(/Suosittelijat:/).count()).toBe(0);
    await article.getByRole("button", { name: "Suosittele" }).click();
    await article.getByText(/Suosittelijat:.*Liisa/).waitFor();
  });

  it("lets the asker accept the answer, but not endorse or promote it", async () => {
    await session.signIn(aino);
    await session.open(questionPath);
    const article = answerArticle(page);
    await article.getByText(/Suosittelijat:.*Liisa/).waitFor();
    expect(await article.getByRole("button", { name: "Suosittele" }).count()).toBe(0);
    await article.getByRole("button", { name: "Hyväksy vastaus" }).click();
    await page.getByText("Vastaus on hyväksytty, ja kysymys on ratkaistu.").waitFor();
    await answerArticle(page).getByText("Hyväksytty vastaus").waitFor();
    await page.getByText("Ratkaistu", { exact: true }).first().waitFor();
    expect(await page.getByRole("link", { name: "Nosta tulkinnaksi" }).count()).toBe(0);
    // Resolved: no more answers.
    expect(await page.getByRole("button", { name: "Lähetä vastaus" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "a resolved question");

    // The promote page explains instead of offering a form; the database would refuse anyway.
    await session.open(`${questionPath}/promote`);
    await page.getByText("Vain verkoston juristit voivat nostaa vastauksen tulkinnaksi.").waitFor();
    expect(await page.getByRole("button", { name: "Luo tulkinta" }).count()).toBe(0);
  });

  it("lets a lawyer promote the accepted answer to an interpretation", async () => {
    await session.signIn(liisa);
    await session.open(questionPath);
    await page.getByRole("link", { name: "Nosta tulkinnaksi" }).click();
    await page.getByRole("heading", { level: 2, name: "Nosta tulkinnaksi" }).waitFor();
    expect(await page.getByLabel("Otsikko").inputValue()).toBe(title);
    expect(await page.getByLabel("Antaja").inputValue()).toBe("Juridinen sparrausverkosto");
    expect(await page.getByLabel("Voimassa alkaen").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The question's section is chosen already.
    await page
      .getByRole("group", { name: "Oikeusperusta" })
      .getByRole("button", { name: /^Poista 380\/2023 / })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the promote form");

    await page.getByLabel("Perustelut").fill("Keskeytyminen muuttaa suunnitelman edellytyksiä.");
    await page.getByLabel("Voimassa alkaen").fill("2026-03-01");
    await page.getByLabel("Voimassa asti").fill("2026-02-01");
    await page.getByRole("button", { name: "Luo tulkinta" }).click();
    await page
      .getByRole("alert")
      .getByText("Voimassaolon loppu ei voi olla ennen sen alkua.")
      .waitFor();
    expect(await page.getByLabel("Perustelut").inputValue()).toBe(
      "Keskeytyminen muuttaa suunnitelman edellytyksiä.",
    );
    await expectNoSeriousAxeViolations(page, "the promote form with an error");

    await page.getByLabel("Voimassa asti").fill("");
    await page.getByRole("button", { name: "Luo tulkinta" }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const documentPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    // The answer's text is the draft (and the page has finished loading before we leave it).
    await expect
      .poll(() => page.locator('[data-lexical-editor="true"]').textContent(), { timeout: 20_000 })
      .toContain(answerBold);

    // The question now leads to the interpretation instead of offering to promote again.
    await session.open(questionPath);
    await answerArticle(page).getByRole("link", { name: "Avaa tulkinta" }).waitFor();
    expect(await page.getByRole("link", { name: "Nosta tulkinnaksi" }).count()).toBe(0);
    expect(
      await answerArticle(page).getByRole("link", { name: "Avaa tulkinta" }).getAttribute("href"),
    ).toBe(documentPath);
  });
});
