/**
 * A legal question becomes a cited interpretation, as the people involved would do it: Aino
 * (Tampere) asks in the sparring network and is stopped by the personal-data guard before her
 * question goes anywhere; Helmi (Helsinki, a lawyer of the network) answers and Liisa
 * (Kuntaliitto, another lawyer) endorses the answer; Aino accepts it; Helmi promotes it to an
 * interpretation and submits it; Kalle (KEHA) and Liisa, members of the board responsible for
 * interpretations, approve; Helmi publishes. Paula, who is not in the network, finds it in the
 * library by its act section. Every page on the way is checked with axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withOtherPeople } from "../helpers/e2e-people";
import { withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const helmi = "helmi.hakala@helsinki.example";
const liisa = "liisa.lakimies@kuntaliitto.example";
const kalle = "kalle.koordinaattori@keha.example";
const paula = "paula.paakayttaja@keha.example";

const sparring = "/networks/juridinen-sparrausverkosto/sparring";
const title = "Omaehtoisen opiskelun aloittaminen kesken työllistymissuunnitelman";
const identityCode = "131052-308T";
const caseWithCode = `Asiakkaamme (${identityCode}) aloitti opinnot ennen suunnitelman päivittämistä.`;
const caseInGeneral =
  "Asiakas aloitti opinnot ennen kuin työllistymissuunnitelma oli päivitetty. Voiko tukea myöntää takautuvasti?";
const answer =
  "Tukea ei myönnetä takautuvasti: opinnoista on sovittava suunnitelmassa ennen niiden alkamista.";
const justification =
  "Laki edellyttää, että opiskelusta sovitaan työllistymissuunnitelmassa ennen opintojen alkamista.";

const session = withServerAndBrowser();
const people = withOtherPeople(session);
let page: Page;
beforeEach(() => {
  page = session.page;
});

// Filled in as the journey goes; each step needs the ones before it.
let questionPath = "";
let sectionLabel = "";
let sectionId = "";
let documentId = "";

const publishingPath = () => `/documents/${documentId}/publishing`;

/** The Lexical editor labelled `label`, once the page has hydrated and it replaced the textarea. */
async function richText(on: Page, label: string) {
  const area = on
    .locator('[contenteditable="true"]')
    .and(on.getByRole("textbox", { name: label }));
  await area.waitFor();
  return area;
}

/** The document's state as the publishing tab says it. */
const statusOf = (on: Page) =>
  on
    .getByRole("region", { name: "Nykyinen tila" })
    .locator('dt:text-is("Tila") + dd')
    .textContent();

async function post(on: Page, button: string, done: string): Promise<void> {
  await on.getByRole("button", { name: button, exact: true }).click();
  await on.getByText(done).waitFor();
}

describe("a sparring question becomes a published interpretation", () => {
  it("stops a question with an identity code, then takes it without", async () => {
    await session.signIn(aino);
    await session.open(sparring);
    await page.getByRole("heading", { name: "Kysymykset" }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the sparring questions");

    await page.getByRole("link", { name: "Esitä kysymys" }).click();
    await page.getByRole("heading", { level: 2, name: "Esitä kysymys" }).waitFor();
    await page.getByLabel("Otsikko").fill(title);
    await page.getByLabel("Kysymys", { exact: true }).fill(caseWithCode);

    // The act and section: the first section of 380/2023.
    await page.getByLabel("Säädös").selectOption({ value: "380/2023" });
    const sections = page.getByLabel("Pykälä");
    await sections.locator("option").first().waitFor({ state: "attached" });
    const firstSection = sections.locator("option").first();
    sectionId = (await firstSection.getAttribute("value")) ?? "";
    await sections.selectOption(sectionId);
    await page.getByRole("button", { name: "Lisää pykälä" }).click();
    sectionLabel = (
      (await page.getByRole("button", { name: /^Poista / }).first().getAttribute("aria-label")) ??
      (await page.getByRole("button", { name: /^Poista / }).first().textContent()) ??
      ""
    )
      .replace(/^Poista\s*/, "")
      .trim();
    expect(sectionLabel).toMatch(/^380\/2023 \d+/);
    await page.getByLabel("Aiheet").fill("opiskelu, työllistymissuunnitelma");

    // The guard warns while typing and refuses to send.
    await page.getByText(/henkilötietoja/).first().waitFor();
    await page.getByText(/henkilötunnus/).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the ask form with a warning");
    await page.getByRole("button", { name: "Lähetä kysymys" }).click();
    await page.getByText(/henkilötunnus/).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`${sparring}/new`);
    expect(await page.getByLabel("Otsikko").inputValue()).toBe(title);

    // Described in general terms, it goes.
    await page.getByLabel("Kysymys", { exact: true }).fill(caseInGeneral);
    await page.getByRole("button", { name: "Lähetä kysymys" }).click();
    await page.waitForURL(new RegExp(`${sparring}/[0-9a-f-]{36}$`));
    questionPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 2, name: title }).waitFor();
    await page.getByText("Avoin", { exact: true }).first().waitFor();
    await page.getByText(caseInGeneral).waitFor();
    await expectNoSeriousAxeViolations(page, "a new question");
  });

  it("lets a lawyer answer and another lawyer endorse the answer", async () => {
    expect(questionPath).not.toBe("");
    await session.signIn(helmi);
    await session.open(questionPath);
    const body = await richText(page, "Vastauksesi");
    await body.click();
    await page.keyboard.type(answer);
    await page.getByRole("button", { name: "Lähetä vastaus" }).click();
    await page.getByRole("article").filter({ hasText: answer }).waitFor();
    await page.getByText("Vastattu", { exact: true }).first().waitFor();
    // Her own answer is not hers to endorse.
    expect(
      await page
        .getByRole("article")
        .filter({ hasText: answer })
        .getByRole("button", { name: "Suosittele" })
        .count(),
    ).toBe(0);
    await expectNoSeriousAxeViolations(page, "an answered question");

    const liisasPage = await people.signIn(liisa);
    await people.open(liisasPage, questionPath);
    const answerOfHelmi = liisasPage.getByRole("article").filter({ hasText: answer });
    await answerOfHelmi.getByRole("button", { name: "Suosittele" }).click();
    await answerOfHelmi.getByRole("button", { name: "Peru suositus" }).waitFor();
    await answerOfHelmi.getByText(/Suosittelijat:.*Liisa/).waitFor();
  });

  it("lets the asker accept the answer", async () => {
    expect(questionPath).not.toBe("");
    await session.signIn(aino);
    await session.open(questionPath);
    const answerOfHelmi = page.getByRole("article").filter({ hasText: answer });
    await answerOfHelmi.getByText(/Suosittelijat:.*Liisa/).waitFor();
    await answerOfHelmi.getByRole("button", { name: "Hyväksy vastaus" }).click();
    await answerOfHelmi.getByText("Hyväksytty vastaus").waitFor();
    await page.getByText("Ratkaistu", { exact: true }).first().waitFor();
    // Only lawyers promote.
    expect(await page.getByRole("link", { name: "Nosta tulkinnaksi" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "a resolved question");
  });

  it("lets a lawyer promote the accepted answer and submit the interpretation", async () => {
    expect(questionPath).not.toBe("");
    await session.signIn(helmi);
    await session.open(questionPath);
    await page.getByRole("link", { name: "Nosta tulkinnaksi" }).click();
    await page.getByRole("heading", { level: 2, name: "Nosta tulkinnaksi" }).waitFor();
    expect(await page.getByLabel("Otsikko").inputValue()).toBe(title);
    expect(await page.getByLabel("Antaja").inputValue()).not.toBe("");
    await page.getByLabel("Perustelut").fill(justification);
    await expectNoSeriousAxeViolations(page, "the promote form");
    await page.getByRole("button", { name: "Luo tulkinta" }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    documentId = new URL(page.url()).pathname.split("/")[2] ?? "";
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    // The answer's text is the draft, bootstrapped by the collab server.
    await expect
      .poll(() => page.locator('[data-lexical-editor="true"]').textContent(), { timeout: 20_000 })
      .toContain(answer);

    await session.open(`/documents/${documentId}/legal`);
    await page.getByRole("heading", { name: "Tulkinnan tiedot" }).waitFor();
    await page.getByText(sectionLabel).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the interpretation's fields");

    await session.open(publishingPath());
    await page.getByLabel("Muutosten yhteenveto").fill("Sparrauksessa hyväksytty vastaus.");
    await post(page, "Lähetä tarkastettavaksi", "Asiakirja on lähetetty tarkastettavaksi.");
    expect(await statusOf(page)).toBe("Tarkastettavana");
  });

  it("lets the board approve it and the lawyer publish it", async () => {
    expect(documentId).not.toBe("");
    await session.signIn(kalle);
    await session.open(publishingPath());
    await post(page, "Hyväksy", "Tarkastuksesi on tallennettu.");
    const liisasPage = await people.signIn(liisa);
    await people.open(liisasPage, publishingPath());
    await post(liisasPage, "Hyväksy", "Tarkastuksesi on tallennettu.");
    expect(await statusOf(liisasPage)).toBe("Hyväksytty");

    await session.signIn(helmi, { freshBrowser: true });
    await session.open(publishingPath());
    await post(session.page, "Julkaise", "Asiakirja on julkaistu versiona 1.");
  });

  it("is found in the library by its act section, as a non-binding recommendation", async () => {
    expect(sectionId).not.toBe("");
    await session.signIn(paula);
    await session.open("/library");
    await page.getByLabel("Lainkohta").selectOption(sectionId);
    await page.getByRole("button", { name: "Suodata" }).click();
    await page.waitForURL((url) => url.searchParams.get("section") === sectionId);
    await expectNoSeriousAxeViolations(page, "the library by act section");
    await page.getByRole("link", { name: title }).first().click();
    await page.waitForURL(/\/library\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("Ei-sitova suositus").first().waitFor();
    await page.getByRole("heading", { name: "Oikeusperusta" }).waitFor();
    await page.getByText(sectionLabel).first().waitFor();
    await page.getByText(justification).waitFor();
    await page.getByText(/\/library\/[a-z0-9-]+\/v\/1/).first().waitFor();
    await expectNoSeriousAxeViolations(page, "a published interpretation");

    // The question itself stays within the network.
    await session.open(questionPath);
    expect(await page.getByText(caseInGeneral).count()).toBe(0);
  });
});
