/**
 * The lawyers' queue and a sparring network's settings in Chromium, with the demo data: Liisa (a
 * lawyer of the legal-sparring network) sees its unanswered questions oldest first, the overdue
 * one marked in words; Kalle, its coordinator, has been told about the overdue one, sets the
 * response target (a wrong number first) and names Aino a lawyer, after which Aino's queue has
 * the questions; Helmi, a member, sees the settings without the forms. Every page is checked with
 * axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const liisa = "liisa.lakimies@kuntaliitto.example";
const kalle = "kalle.koordinaattori@keha.example";
const aino = "aino.asiantuntija@tampere.example";
const helmi = "helmi.hakala@helsinki.example";

const settings = "/networks/juridinen-sparrausverkosto/sparring/settings";
const questionLink = /^\/networks\/juridinen-sparrausverkosto\/sparring\/[0-9a-f-]{36}$/;

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const queue = () => page.getByRole("region", { name: "Vastausta odottavat" });

describe("the lawyers' queue", () => {
  it("lists a lawyer's unanswered questions oldest first, the overdue marked in words", async () => {
    await session.signIn(liisa);
    await session.open("/sparring");
    await page.getByRole("heading", { level: 1, name: "Vastaamattomat kysymykset" }).waitFor();
    const items = queue()
      .getByRole("listitem")
      .filter({ has: page.getByText(/^Kysytty /) });
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    // The demo's overdue question was asked weeks ago; the newest one today, so it comes last.
    const first = items.first();
    await first.getByText("Myöhässä", { exact: true }).waitFor();
    await first.getByText(/^Kysytty \d+ päivää sitten$/).waitFor();
    await items
      .last()
      .getByText(/^Kysytty (tänään|eilen)$/)
      .waitFor();
    expect(await items.last().getByText("Myöhässä", { exact: true }).count()).toBe(0);
    const href = await first.getByRole("link").first().getAttribute("href");
    expect(href).toMatch(questionLink);
    await first.getByText(/Vastaus viimeistään/).waitFor();
    await first.getByText(/Kysyjä: /).waitFor();

    const mine = page.getByRole("region", { name: "Sparrausverkostosi" });
    await mine.getByRole("link", { name: "Juridinen sparrausverkosto", exact: true }).waitFor();
    // Liisa also coordinates the network.
    await mine
      .getByRole("link", { name: "Sparrauksen asetukset: Juridinen sparrausverkosto" })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the lawyers' queue");

    await first.getByRole("link").first().click();
    await page.waitForURL((url) => questionLink.test(url.pathname));
  });

  it("tells a member who is neither lawyer nor coordinator what the queue is for", async () => {
    await session.signIn(aino);
    await session.open("/sparring");
    await page
      .getByRole("heading", { name: "Jono on juristeille ja koordinaattoreille" })
      .waitFor();
    expect(await queue().count()).toBe(0);
    await page
      .getByRole("region", { name: "Sparrausverkostosi" })
      .getByRole("link", { name: "Juridinen sparrausverkosto", exact: true })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the queue for a member");
  });
});

describe("a sparring network's settings", () => {
  it("tells the coordinator about an overdue question", async () => {
    await session.signIn(kalle);
    await session.open("/notifications");
    await page
      .getByText(/^Kysymys ”.+” on myöhässä/)
      .first()
      .waitFor();
  });

  it("lets the coordinator set the target and name a lawyer", async () => {
    await session.signIn(kalle);
    await session.open(settings);
    await page.getByRole("heading", { name: "Sparrauksen asetukset" }).waitFor();
    const target = page.getByLabel("Ensimmäinen vastaus viimeistään (arkipäivää)");
    expect(await target.inputValue()).toBe("5");
    await expectNoSeriousAxeViolations(page, "the sparring settings");

    // A number out of range comes back with the input as it was.
    await target.fill("0");
    await page.getByRole("button", { name: "Tallenna tavoite" }).click();
    await page
      .getByRole("alert")
      .getByText(/Anna arkipäivien määrä/)
      .waitFor();
    expect(await target.inputValue()).toBe("0");
    expect(await target.getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousAxeViolations(page, "the sparring settings with an error");

    await target.fill("7");
    await target.press("Enter");
    await page.getByText("Vastausaikatavoite on tallennettu.").waitFor();
    expect(await target.inputValue()).toBe("7");

    const lawyers = page.getByRole("region", { name: "Verkoston juristit" });
    // Observers are not offered; coordinators and members are.
    expect(await lawyers.getByText("Olli Organisaatio").count()).toBe(0);
    const ainoRow = lawyers.getByRole("listitem").filter({ hasText: "Aino Asiantuntija" });
    const helmiRow = lawyers.getByRole("listitem").filter({ hasText: "Helmi Hakala" });
    await helmiRow.getByRole("button", { name: "Poista juristin rooli" }).waitFor();
    await ainoRow.getByRole("button", { name: "Nimeä juristiksi" }).click();
    await page.getByText("Henkilö on nimetty verkoston juristiksi.").waitFor();
    await ainoRow.getByRole("button", { name: "Poista juristin rooli" }).waitFor();
    await ainoRow.getByText("Juristi", { exact: true }).waitFor();
  });

  it("gives the new lawyer the queue", async () => {
    await session.signIn(aino);
    await session.open("/sparring");
    await queue().getByText("Myöhässä", { exact: true }).first().waitFor();
    expect(
      await page
        .getByRole("heading", { name: "Jono on juristeille ja koordinaattoreille" })
        .count(),
    ).toBe(0);
  });

  it("shows a member the target and the lawyers, without the forms", async () => {
    await session.signIn(helmi);
    await session.open(settings);
    await page.getByRole("heading", { name: "Sparrauksen asetukset" }).waitFor();
    await page
      .getByText("Ensimmäinen vastaus annetaan viimeistään 7 arkipäivän kuluessa.")
      .waitFor();
    const lawyers = page.getByRole("region", { name: "Verkoston juristit" });
    await lawyers.getByText("Liisa Lakimies").waitFor();
    await lawyers.getByText("Aino Asiantuntija").waitFor();
    await page
      .getByText("Vain verkoston koordinaattorit voivat muuttaa sparrauksen asetuksia.")
      .waitFor();
    expect(await page.getByRole("button", { name: "Tallenna tavoite" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Nimeä juristiksi" }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "the sparring settings for a member");
  });
});
