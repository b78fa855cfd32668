/**
 * Documents in a network's workspace, as people would use them: Aino (a member of the national
 * unemployment-security network) creates a document on the network's documents tab and lands on
 * it; it is then among her documents at /documents; she shares it with Ville, a vendor guest
 * outside the network, who can then read it. Every page is checked with axe on the way.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const aino = "aino.asiantuntija@tampere.example";
const ville = "ville.toimittaja@ictpalvelu.example";
const network = "/networks/tyottomyysturvan-asiantuntijaverkosto";
const title = "Ohje: työnhaun aloittaminen lomautuksen aikana";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

let documentPath = "";

describe("documents in a workspace", () => {
  it("lets a member create a document on the network's tab and find it among hers", async () => {
    await session.signIn(aino);
    await session.open(`${network}/documents`);
    await page.getByRole("heading", { level: 2, name: "Asiakirjat" }).waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Verkoston osiot" })
        .getByRole("link", { name: "Asiakirjat" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await expectNoSeriousAxeViolations(page, "the network's documents tab");

    // A missing title is said next to the field, and the choices made are kept.
    await page.getByLabel("Asiakirjan tyyppi").selectOption({ label: "Tulkinta" });
    await page.getByRole("button", { name: "Luo asiakirja" }).click();
    await page.getByRole("alert").getByText("Kirjoita asiakirjalle otsikko.").first().waitFor();
    expect(await page.getByLabel("Asiakirjan tyyppi").inputValue()).toBe("interpretation");

    await page.getByLabel("Otsikko").fill(title);
    await page.getByLabel("Asiakirjan tyyppi").selectOption({ label: "Ohje" });
    await page.getByRole("button", { name: "Luo asiakirja" }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    documentPath = new URL(page.url()).pathname;

    // Through the header, as a person would (a new page load would also cut off the editor's
    // code still loading).
    await page
      .getByRole("navigation", { name: "Päävalikko" })
      .getByRole("link", { name: "Asiakirjat" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Asiakirjat" }).waitFor();
    const recent = page.getByRole("region", { name: "Viimeksi muokatut" });
    await recent.getByRole("link", { name: title }).waitFor();
    await expectNoSeriousAxeViolations(page, "the documents page");

    // Searching the titles finds it; another kind does not.
    await page.getByLabel("Hae otsikosta").fill("lomautuksen aikana");
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await page.waitForURL(/q=lomautuksen/);
    const all = page.getByRole("region", { name: "Kaikki, joihin minulla on pääsy" });
    await all.getByRole("link", { name: title }).waitFor();
    await page.getByLabel("Tyyppi", { exact: true }).selectOption({ label: "Käsikirja" });
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await all.getByText("Hakua vastaavia asiakirjoja ei löytynyt.").waitFor();

    await session.open("/documents/new");
    await page.getByRole("heading", { level: 1, name: "Uusi asiakirja" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the new-document page");
  });

  it("lets the creator share the document with a colleague", async () => {
    expect(documentPath).not.toBe("");
    await session.signIn(aino);
    await session.open(`${documentPath}/sharing`);
    await page.getByRole("heading", { level: 2, name: "Jakaminen" }).waitFor();
    await page.getByText("Asiakirjaa ei ole jaettu kenellekään erikseen.").waitFor();
    await expectNoSeriousAxeViolations(page, "the sharing page");

    await page.getByLabel("Hae henkilöä nimellä").fill("ville");
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await page.getByRole("radio", { name: /Ville Toimittaja/ }).check();
    await page.locator("#person-level").selectOption({ label: "Voi lukea" });
    await page
      .getByRole("region", { name: "Henkilölle" })
      .getByRole("button", { name: "Anna oikeus" })
      .click();
    await page.getByText("Oikeus on annettu.").waitFor();
    const row = page.getByRole("row", { name: /Ville Toimittaja/ });
    await row.getByRole("cell", { name: "Voi lukea" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the sharing page with a grant");
  });

  it("lets the colleague see the share but not change it", async () => {
    await session.signIn(ville);
    await session.open(`${documentPath}/sharing`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("Sinun oikeutesi: Voi lukea").waitFor();
    await page
      .getByText("Vain asiakirjan luoja, omistajaorganisaation pääkäyttäjät", { exact: false })
      .waitFor();
    expect(await page.getByRole("button", { name: /Poista oikeus/ }).count()).toBe(0);
  });
});
