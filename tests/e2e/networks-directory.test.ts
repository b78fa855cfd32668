/**
 * The network directory, the creation form and a workspace's overview, in Chromium as a person
 * uses them: Aino finds networks by a word, by kind and by "only mine", opens one and reads its
 * overview; she starts a network (seeing the similar ones first), is refused an address that is
 * taken, and lands on the new network's overview as its coordinator. Every page is checked with
 * axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

// From supabase/seed.sql; every demo user has the same password.
const aino = { email: "aino.asiantuntija@tampere.example", password: "Verkko-demo-2025" };
const seededNetwork = "Työttömyysturvan valtakunnallinen asiantuntijaverkosto";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const open = (path: string) => session.open(path);

async function signIn(person: { email: string; password: string }): Promise<void> {
  await session.signIn(person.email, { password: person.password });
}

function cards() {
  return page.getByRole("article");
}

describe("the network directory", () => {
  it("finds networks by a word, a kind and membership, and opens one", async () => {
    await signIn(aino);
    await page
      .getByRole("navigation", { name: "Päävalikko" })
      .getByRole("link", { name: "Verkostot" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Verkostot" }).waitFor();
    expect(await cards().count()).toBeGreaterThan(5);
    await expectNoSeriousAxeViolations(page, "the network directory");

    // Part of a word is enough.
    await page.getByLabel("Hakusana").fill("työttö");
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "työttö");
    await page.getByRole("link", { name: seededNetwork }).waitFor();
    // The list is replaced once the search's data arrives; read it after that, not before.
    await expect
      .poll(async () => {
        const names = await cards().getByRole("heading").allTextContents();
        return names.filter((name) => !/työttö|tulkinta|manuaali/.test(name.toLowerCase()));
      })
      .toEqual([]);

    await page.getByRole("link", { name: "Tyhjennä hakuehdot" }).first().click();
    await page.waitForURL((url) => url.search === "");
    await page.getByLabel("Verkoston tyyppi").selectOption({ label: "Toimituskunta" });
    await page.getByLabel("Vain omat verkostoni").check();
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "editorial_board");
    const kinds = await cards().locator("p").first().allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    for (const card of await cards().all()) {
      await expect(card.getByText("Toimituskunta", { exact: true }).count()).resolves.toBe(1);
      await expect(card.getByText(/^Roolisi: /).count()).resolves.toBe(1);
    }

    // An archived network shows only when asked for.
    await open("/networks?q=kuntakokeilu");
    await page.getByText("Hakuehtoja vastaavia verkostoja ei löytynyt.").waitFor();
    await open("/networks?q=kuntakokeilu&archived=1");
    await cards().getByText("Arkistoitu", { exact: true }).first().waitFor();

    await open("/networks?q=työttömyysturva");
    await page.getByRole("link", { name: seededNetwork }).click();
    await page.getByRole("heading", { level: 1, name: seededNetwork }).waitFor();
    const tabs = page.getByRole("navigation", { name: "Verkoston osiot" });
    await expect(
      tabs.getByRole("link", { name: "Yleiskatsaus" }).getAttribute("aria-current"),
    ).resolves.toBe("page");
    await page.getByRole("heading", { name: "Mitä uutta" }).waitFor();
    await page.getByRole("heading", { name: "Viimeisimmät keskustelut" }).waitFor();
    await page.getByRole("heading", { name: "Uusimmat jäsenet" }).waitFor();
    await expectNoSeriousAxeViolations(page, "a network's overview");
  });
});

describe("creating a network", () => {
  it("shows similar networks, refuses a taken address and makes the creator its coordinator", async () => {
    const name = `Työttömyysturvan alueellinen verkosto ${Date.now().toString(36)}`;
    await signIn(aino);
    await open("/networks/new");
    await page.getByRole("heading", { level: 1, name: "Perusta verkosto" }).waitFor();
    await page.getByText("Tampereen työllisyysalue").first().waitFor();
    await expectNoSeriousAxeViolations(page, "the network creation form");

    await page.getByLabel("Nimi suomeksi").fill(name);
    // The address follows the name, transliterated.
    await expect
      .poll(() => page.getByLabel("Verkoston osoite").inputValue())
      .toMatch(/^tyottomyysturvan-alueellinen-verkosto-[a-z0-9]+$/);
    const similar = page.getByRole("region", { name: "Samankaltaisia verkostoja on jo olemassa" });
    await similar.getByRole("link", { name: seededNetwork }).waitFor();
    await expectNoSeriousAxeViolations(page, "the creation form with similar networks");

    // A taken address is refused on its field, and nothing typed is lost.
    await page.getByLabel("Verkoston osoite").fill("tyottomyysturvan-asiantuntijaverkosto");
    await page.getByLabel("Verkoston tyyppi").selectOption({ label: "Alueellinen verkosto" });
    await page
      .getByLabel("Tarkoitus suomeksi")
      .fill(
        "Pirkanmaan työttömyysturva-asiantuntijat sopivat yhteisistä tulkinnoista ja lausuntokäytännöistä.",
      );
    await page.getByLabel("Avoin", { exact: true }).check();
    await page.getByLabel("Aiheet").fill("työttömyysturva, Pirkanmaa");
    await page.getByRole("button", { name: "Perusta verkosto" }).click();
    await page.getByRole("alert").getByText("Tämä osoite on jo käytössä.").waitFor();
    await expect(page.getByLabel("Nimi suomeksi").inputValue()).resolves.toBe(name);
    await expect(page.getByLabel("Aiheet").inputValue()).resolves.toBe(
      "työttömyysturva, Pirkanmaa",
    );

    const slug = `pirkanmaan-tyottomyysturva-${Date.now().toString(36)}`;
    await page.getByLabel("Verkoston osoite").fill(slug);
    await page.getByRole("button", { name: "Perusta verkosto" }).click();
    await page.waitForURL((url) => url.pathname === `/networks/${slug}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByText("Roolisi: Koordinaattori").waitFor();
    await page.getByText("Tervetuloa verkostoon!").waitFor();
    // Settings are a coordinator's tab.
    await page
      .getByRole("navigation", { name: "Verkoston osiot" })
      .getByRole("link", { name: "Asetukset" })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the new network's overview");

    // The directory lists it as the person's own.
    await open(`/networks?q=${encodeURIComponent(name)}&mine=1`);
    await page.getByRole("link", { name }).waitFor();
  });
});
