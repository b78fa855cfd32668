/**
 * From a draft to the library, as the people involved would do it: Aino (Tampere) writes a
 * guidance document and submits it; Kalle (KEHA) and Liisa (Kuntaliitto), members of the board
 * responsible for guidance, approve it — one organisation is not a quorum, two are; Aino, who may
 * not approve her own submission, publishes it. Helmi (Helsinki), who cannot open the draft,
 * reads version 1 in the library and leaves feedback on a paragraph; Aino answers it and Helmi
 * sees the answer. Aino then edits the next draft while Helmi still reads version 1. Every page
 * on the way is checked with axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withOtherPeople } from "../helpers/e2e-people";
import { withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const kalle = "kalle.koordinaattori@keha.example";
const liisa = "liisa.lakimies@kuntaliitto.example";
const helmi = "helmi.hakala@helsinki.example";

const title = "Lomautetun työnhakijan omaehtoinen opiskelu";
const paragraph =
  "Lomautettu työnhakija voi opiskella omaehtoisesti työttömyysetuudella, kun opinnoista on sovittu työllistymissuunnitelmassa.";
const changeSummary = "Ensimmäinen julkaistava versio ohjeesta.";
const nextDraftWords = "Luonnos: opintojen enimmäiskesto tarkistetaan vuoden alussa.";
const problem = "Kappaleesta puuttuu tieto siitä, miten opinnoista ilmoitetaan asiointipalvelussa.";
const suggestion = "Lisätkää maininta opintojen ilmoittamisesta asiointipalvelussa.";
const reply = "Kiitos, lisäämme ilmoittamisohjeen seuraavaan versioon.";

const session = withServerAndBrowser();
const people = withOtherPeople(session);
let page: Page;
beforeEach(() => {
  page = session.page;
});

// Filled in as the journey goes; each step needs the ones before it.
let documentId = "";
let libraryPath = "";

const publishingPath = () => `/documents/${documentId}/publishing`;
const editorOf = (on: Page) => on.locator('[data-lexical-editor="true"]');

/** The document's state as the publishing tab says it. */
const statusOf = (on: Page) =>
  on
    .getByRole("region", { name: "Nykyinen tila" })
    .locator('dt:text-is("Tila") + dd')
    .textContent();

/** Clicks a button of the publishing tab and waits for the notice that it was done. */
async function post(on: Page, button: string, done: string): Promise<void> {
  await on.getByRole("button", { name: button, exact: true }).click();
  await on.getByText(done).waitFor();
}

/** Types a paragraph at the end of the live editor and waits until the server has it. */
async function typeParagraph(on: Page, text: string): Promise<void> {
  const editor = editorOf(on);
  await editor.waitFor();
  await on.locator('[data-connection-status="saved"]').waitFor();
  await editor.click();
  await on.keyboard.press("Control+End");
  if (((await editor.textContent()) ?? "").trim() !== "") await on.keyboard.press("Enter");
  await on.keyboard.type(text);
  await expect.poll(() => editor.textContent()).toContain(text);
  await on.locator('[data-connection-status="saved"]').waitFor({ timeout: 15_000 });
}

describe("publishing a document through the editorial board", () => {
  it("lets the author write a guidance document and submit it for review", async () => {
    await session.signIn(aino);
    await session.open("/documents/new");
    await page.getByLabel("Otsikko").fill(title);
    await page.getByLabel("Asiakirjan tyyppi").selectOption({ label: "Ohje" });
    await page.getByRole("button", { name: "Luo asiakirja" }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    documentId = new URL(page.url()).pathname.split("/")[2] ?? "";
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await typeParagraph(page, paragraph);

    await page.getByRole("navigation", { name: "Asiakirjan osiot" }).waitFor();
    await page.getByRole("link", { name: "Julkaisu", exact: true }).click();
    await page.waitForURL((url) => url.pathname === publishingPath());
    await page.getByLabel("Muutosten yhteenveto").waitFor();
    await expectNoSeriousAxeViolations(page, "the publishing tab of a draft");

    await page.getByLabel("Muutosten yhteenveto").fill(changeSummary);
    await post(page, "Lähetä tarkastettavaksi", "Asiakirja on lähetetty tarkastettavaksi.");
    expect(await statusOf(page)).toBe("Tarkastettavana");
    // The submitter is not offered to approve their own submission.
    expect(await page.getByRole("button", { name: "Hyväksy", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Julkaise", exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "the publishing tab in review");
  });

  it("approves it once board members from two organisations have approved", async () => {
    expect(documentId).not.toBe("");

    // Kalle finds it on the board's dashboard among the submissions waiting for him.
    await session.signIn(kalle);
    await session.open("/editorial");
    for (const heading of [
      "Odottaa hyväksyntääsi",
      "Tarkastettavana",
      "Erääntyneet tarkistukset",
      "Uusin palaute",
    ]) {
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
    }
    await expectNoSeriousAxeViolations(page, "the editorial dashboard");
    await page
      .getByRole("region", { name: "Odottaa hyväksyntääsi" })
      .getByRole("link", { name: title })
      .click();
    await page.waitForURL((url) => url.pathname === publishingPath());
    await page.getByLabel("Kommentti tarkastukseen").fill("Selkeä ja ajantasainen.");
    await expectNoSeriousAxeViolations(page, "the publishing tab for a board member");
    await post(page, "Hyväksy", "Tarkastuksesi on tallennettu.");
    // One approval from one organisation is not yet the quorum.
    expect(await statusOf(page)).toBe("Tarkastettavana");

    const liisasPage = await people.signIn(liisa);
    await people.open(liisasPage, publishingPath());
    await post(liisasPage, "Hyväksy", "Tarkastuksesi on tallennettu.");
    expect(await statusOf(liisasPage)).toBe("Hyväksytty");
  });

  it("lets the author publish it into the library", async () => {
    expect(documentId).not.toBe("");
    await session.signIn(aino);
    await session.open(publishingPath());
    expect(await statusOf(page)).toBe("Hyväksytty");
    await post(page, "Julkaise", "Asiakirja on julkaistu versiona 1.");
    expect(await statusOf(page)).toBe("Julkaistu");
    await page.getByRole("heading", { name: "Julkaistut versiot" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the publishing tab after publishing");

    await page.getByRole("link", { name: "Avaa kirjastossa" }).click();
    await page.waitForURL(/\/library\/[a-z0-9-]+$/);
    libraryPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("Versio 1", { exact: false }).first().waitFor();
    await page.getByText(paragraph).waitFor();
  });

  it("shows the published version to a reader who cannot open the draft, who leaves feedback", async () => {
    expect(libraryPath).not.toBe("");
    await session.signIn(helmi);
    await session.open(libraryPath);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("Versio 1", { exact: false }).first().waitFor();
    await page.getByText(paragraph).waitFor();
    await expectNoSeriousAxeViolations(page, "the library page");

    // The working document stays closed to her.
    await session.open(`/documents/${documentId}`);
    await page.getByRole("heading", { level: 1, name: "Asiakirjaa ei löytynyt" }).waitFor();
    expect(await page.getByText(paragraph).count()).toBe(0);

    await session.open(libraryPath);
    await page.getByRole("heading", { name: "Anna palautetta" }).waitFor();
    const paragraphs = page.getByLabel("Kappale");
    await paragraphs
      .locator("option", { hasText: "Koko asiakirja" })
      .waitFor({ state: "attached" });
    const option = paragraphs.locator("option", { hasText: paragraph.slice(0, 40) });
    await paragraphs.selectOption((await option.getAttribute("value")) ?? "");
    await page.getByLabel("Mitä pitäisi korjata?").fill(problem);
    await page.getByLabel("Ehdotus").fill(suggestion);
    await page.getByRole("button", { name: "Lähetä palaute" }).click();
    await page.getByRole("status").filter({ hasText: "Kiitos palautteesta" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the library page after feedback");
  });

  it("lets the owner answer the feedback and the reader see the answer", async () => {
    expect(libraryPath).not.toBe("");
    await session.signIn(aino);
    await session.open("/editorial/feedback");
    await expectNoSeriousAxeViolations(page, "the feedback queue");
    const problemStart = problem.split(" ").slice(0, 4).join(" ");
    await page.getByRole("link", { name: new RegExp(`^${problemStart}`) }).click();
    await page.waitForURL(/\/editorial\/feedback\/[0-9a-f-]{36}$/);
    await page.getByText(suggestion).waitFor();
    await expectNoSeriousAxeViolations(page, "a feedback item");
    await page.getByLabel("Tila").selectOption("accepted");
    await page.getByLabel("Vastaus lukijalle").fill(reply);
    await page.getByRole("button", { name: "Tallenna vastaus" }).click();
    await page.getByRole("status").filter({ hasText: "Vastaus tallennettu" }).waitFor();

    const helmisPage = await people.signIn(helmi);
    await people.open(helmisPage, libraryPath);
    await helmisPage.getByRole("link", { name: "Oma palautteesi" }).click();
    await helmisPage.waitForURL((url) => url.pathname === `${libraryPath}/feedback`);
    await helmisPage.getByText(problem).waitFor();
    await helmisPage.getByText(reply).waitFor();
    await helmisPage.getByText("Hyväksytty", { exact: true }).first().waitFor();
    await expectNoSeriousAxeViolations(helmisPage, "the reader's own feedback");
  });

  it("keeps version 1 in the library while the next draft is edited", async () => {
    expect(libraryPath).not.toBe("");
    await session.signIn(aino);
    await session.open(`/documents/${documentId}`);
    await editorOf(page).getByText(paragraph).waitFor();
    await typeParagraph(page, nextDraftWords);
    await expectNoSeriousAxeViolations(page, "the editor of the next draft");

    const helmisPage = await people.signIn(helmi);
    await people.open(helmisPage, libraryPath);
    await helmisPage.getByRole("heading", { level: 1, name: title }).waitFor();
    await helmisPage.getByText(paragraph).waitFor();
    expect(await helmisPage.getByText(nextDraftWords).count()).toBe(0);

    // The version's own address is stable and citable.
    await people.open(helmisPage, `${libraryPath}/v/1`);
    await helmisPage.getByRole("heading", { level: 1, name: title }).waitFor();
    await helmisPage.getByText("Versio 1", { exact: false }).first().waitFor();
    await helmisPage.getByText(paragraph).waitFor();
    expect(await helmisPage.getByText(nextDraftWords).count()).toBe(0);
    await expectNoSeriousAxeViolations(helmisPage, "a version's own page");

    // The library shows the author the published text too, not her draft.
    await session.open(libraryPath);
    await page.getByText(paragraph).waitFor();
    expect(await page.getByText(nextDraftWords).count()).toBe(0);
  });
});
