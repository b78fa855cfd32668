/**
 * A sparring network's questions and the ask form in Chromium, with the demo data: Aino (a member)
 * filters the list, starts a question and is told while typing that it contains personal data —
 * which piece, where, masked — and cannot send it; earlier similar questions and interpretations
 * are suggested as she types; without JavaScript the server refuses the same question; a clean
 * question goes through. Olli (an observer) reads but is not offered the form; Paula (not a member)
 * sees no questions. Every page is checked with axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const liisa = "liisa.lakimies@kuntaliitto.example";
const olli = "olli.organisaatio@tampere.example";
const paula = "paula.paakayttaja@keha.example";

const sparring = "/networks/juridinen-sparrausverkosto/sparring";
const identityCode = "131052-308T";
const seededQuestion = "Lyhyestä keikkatyöstä kieltäytyminen kesken työkokeilun";
const seededAnswered = "Kuuleminen ennen työvoimapoliittista lausuntoa, kun työnhakija ei vastaa";
const seededResolved =
  "Kunnan omarahoitteinen valmennus: julkinen työvoimapalvelu vai kunnan muu palvelu?";
const seededInterpretation =
  "Tulkintasuositus: kunnan omarahoitteinen valmennus julkisena työvoimapalveluna";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const questions = () =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3 }) });
const guard = () => page.locator("#personal-data-warning");
const similar = () => page.getByRole("region", { name: "Samankaltaisia kysymyksiä ja tulkintoja" });

describe("the network's questions", () => {
  it("lists the questions with their state, and filters them by state and words", async () => {
    await session.signIn(aino);
    await session.open(sparring);
    await page.getByRole("heading", { name: "Kysymykset" }).first().waitFor();
    await page.getByRole("link", { name: seededQuestion }).waitFor();
    await page.getByRole("link", { name: "Esitä kysymys" }).waitFor();
    // Aino is neither a lawyer nor a coordinator.
    expect(await page.getByRole("link", { name: "Sparrauksen asetukset" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Vastaamattomat kysymykset" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "the question list");

    await page.getByLabel("Tila").selectOption({ label: "Ratkaistu" });
    await page.getByRole("button", { name: "Suodata" }).click();
    await page.waitForURL((url) => url.searchParams.get("status") === "resolved");
    await page.getByRole("link", { name: seededResolved }).waitFor();
    // Every question listed is resolved, once the filtered list has replaced the full one.
    await expect
      .poll(async () => {
        const texts = await questions().allInnerTexts();
        return texts.length > 0 && texts.every((text) => text.startsWith("Ratkaistu"));
      })
      .toBe(true);
    expect(await page.getByRole("link", { name: seededAnswered }).count()).toBe(0);

    await page.getByRole("link", { name: "Poista rajaukset" }).click();
    await page.waitForURL((url) => url.search === "");
    await page.getByLabel("Hae").fill("keikkatyö");
    await page.getByRole("button", { name: "Suodata" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "keikkatyö");
    await page.getByRole("link", { name: seededQuestion }).waitFor();
    expect(await questions().count()).toBe(1);

    await page.getByLabel("Hae").fill("olematonsanahakuun");
    await page.getByRole("button", { name: "Suodata" }).click();
    await page.getByText("Rajauksia vastaavia kysymyksiä ei löytynyt.", { exact: false }).waitFor();
  });

  it("gives a lawyer who coordinates the links to the queue and the settings", async () => {
    await session.signIn(liisa);
    await session.open(sparring);
    await page.getByRole("link", { name: "Vastaamattomat kysymykset" }).waitFor();
    await page.getByRole("link", { name: "Sparrauksen asetukset" }).waitFor();
  });

  it("lets an observer read but not ask, and shows no questions to someone outside", async () => {
    await session.signIn(olli);
    await session.open(sparring);
    await page.getByRole("link", { name: seededQuestion }).waitFor();
    expect(await page.getByRole("link", { name: "Esitä kysymys" }).count()).toBe(0);
    await session.open(`${sparring}/new`);
    await page.getByText("Havainnoijana voit lukea").waitFor();
    expect(await page.getByRole("button", { name: "Lähetä kysymys" }).count()).toBe(0);

    await session.signIn(paula, { freshBrowser: true });
    page = session.page;
    await session.open(sparring);
    await page.getByText("näkyvät vain sen jäsenille").waitFor();
    expect(await page.getByRole("link", { name: seededQuestion }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "the list for someone outside");
  });

  it("has no questions page in a network of another kind", async () => {
    await session.signIn(aino);
    const response = await page.goto(`${session.url}/networks/kotoutumisen-verkosto/sparring`);
    expect(response?.status()).toBe(404);
  });
});

describe("asking a question", () => {
  it("warns about personal data while typing and refuses to send it", async () => {
    await session.signIn(aino);
    await session.open(sparring);
    await page.getByRole("link", { name: "Esitä kysymys" }).click();
    await page.getByRole("heading", { level: 2, name: "Esitä kysymys" }).waitFor();
    const similarRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/sparring/similar")) similarRequests.push(request.url());
    });

    await page.getByLabel("Otsikko").fill("Opintojen aloittaminen ennen suunnitelman päivitystä");
    await page
      .getByLabel("Kysymys", { exact: true })
      .fill(`Asiakkaamme (${identityCode}) aloitti opinnot. Matti Virtanen soitti meille.`);
    await page.getByLabel("Aiheet").fill("opiskelu, neuvonta@tampere.example, 040 123 4567");

    await guard().getByText("Tekstissä on henkilötietoja").waitFor();
    await guard().getByText("Kysymys: henkilötunnus ”131052-****”").waitFor();
    await guard().getByText("Aiheet: sähköpostiosoite ”n***@tampere.example”").waitFor();
    await guard().getByText("Aiheet: puhelinnumero ”040 *** ****”").waitFor();
    expect(await guard().textContent()).not.toContain(identityCode);
    // A possible name is only a reminder.
    await page.getByText("saattaa olla henkilön nimi: Matti Virtanen").waitFor();
    await expectNoSeriousAxeViolations(page, "the ask form with a warning");

    await page.getByRole("button", { name: "Lähetä kysymys" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Kysymystä ei lähetetty" });
    await summary.getByText("Kentässä ”Kysymys” on henkilötietoja (henkilötunnus).").waitFor();
    await summary
      .getByText(/Kentässä ”Aiheet” on henkilötietoja \(puhelinnumero, sähköpostiosoite\)/)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`${sparring}/new`);
    expect(await page.getByLabel("Otsikko").inputValue()).toBe(
      "Opintojen aloittaminen ennen suunnitelman päivitystä",
    );
    expect(await page.getByLabel("Kysymys", { exact: true }).inputValue()).toContain(identityCode);

    // The code was typed, but never sent to the similar-items search.
    expect(similarRequests.length).toBeGreaterThan(0);
    for (const url of similarRequests) expect(decodeURIComponent(url)).not.toContain("308T");

    // With the personal data removed the warning goes away.
    await page.getByLabel("Kysymys", { exact: true }).fill("Asiakas aloitti opinnot.");
    await page.getByLabel("Aiheet").fill("opiskelu");
    await guard().getByText("Tekstissä on henkilötietoja").waitFor({ state: "detached" });
  });

  it("suggests similar questions and interpretations while typing", async () => {
    await session.signIn(aino);
    await session.open(`${sparring}/new`);
    await page.getByLabel("Otsikko").fill("Om");
    // Under three characters nothing is searched.
    await page.waitForTimeout(700);
    expect(await similar().count()).toBe(0);

    await page.getByLabel("Otsikko").fill("Omarahoitteinen valmennus");
    const found = similar();
    await found.getByRole("link", { name: seededResolved }).waitFor();
    await found.getByRole("link", { name: seededInterpretation }).waitFor();
    await found.getByText("Kysymys", { exact: true }).first().waitFor();
    await found.getByText("Tulkinta", { exact: true }).first().waitFor();
    expect(await found.getByRole("link").count()).toBeLessThanOrEqual(6);
    const link = found.getByRole("link", { name: seededInterpretation });
    expect(await link.getAttribute("href")).toMatch(/^\/library\/[^/]+\/v\/\d+$/);
    await expectNoSeriousAxeViolations(page, "the ask form with similar items");
  });

  it("is refused by the server when the browser does not check", async () => {
    await session.relaunch({ javaScript: false });
    page = session.page;
    await session.signIn(aino);
    await session.open(`${sparring}/new`);
    await page.getByLabel("Otsikko").fill("Opintojen aloittaminen ilman skriptejä");
    await page.getByLabel("Kysymys", { exact: true }).fill(`Henkilötunnus ${identityCode}.`);
    const [response] = await Promise.all([
      page.waitForResponse((each) => each.request().method() === "POST"),
      page.getByRole("button", { name: "Lähetä kysymys" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState("load");
    await page
      .getByRole("alert")
      .getByText("Kentässä ”Kysymys” on henkilötietoja (henkilötunnus).")
      .waitFor();
    expect(await page.getByLabel("Otsikko").inputValue()).toBe(
      "Opintojen aloittaminen ilman skriptejä",
    );
    expect(await page.getByLabel("Kysymys", { exact: true }).inputValue()).toContain(identityCode);
  });

  it("sends a question without personal data and lists it", async () => {
    await session.signIn(aino);
    await session.open(`${sparring}/new`);
    const title = `Työkokeilun keskeyttäminen opintojen vuoksi ${Date.now()}`;
    await page.getByLabel("Otsikko").fill(title);
    await page
      .getByLabel("Kysymys", { exact: true })
      .fill("Voiko työkokeilun keskeyttää, jos asiakas aloittaa omaehtoiset opinnot?");
    await page.getByLabel("Säädös").selectOption({ value: "380/2023" });
    const sections = page.getByLabel("Pykälä");
    await sections.locator("option").first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Lisää pykälä" }).click();
    await page.getByLabel("Aiheet").fill("työkokeilu, opiskelu");
    await page.getByRole("button", { name: "Lähetä kysymys" }).click();
    await page.waitForURL(new RegExp(`${sparring}/[0-9a-f-]{36}$`));
    await page.getByRole("heading", { level: 2, name: title }).waitFor();

    await session.open(sparring);
    const item = questions().filter({ has: page.getByRole("link", { name: title }) });
    await item.getByText("Avoin", { exact: true }).waitFor();
    await item.getByText(/380\/2023 \d+ §/).waitFor();
    // The database keeps tags in lower case, in order.
    await item.getByText("opiskelu, työkokeilu").waitFor();
    await item.getByText(/Kysyjä: Aino/).waitFor();
    await item.getByText("0 vastausta").waitFor();
  });
});
