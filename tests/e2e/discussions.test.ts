/**
 * A question in the national unemployment-security network, as people would handle it: Aino (a
 * member) asks with bold text and mentions Helmi; Helmi replies and likes the question; Aino
 * marks Helmi's reply as the answer. The list, the new-thread page and the thread page are
 * checked with axe on the way.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const password = "Verkko-demo-2025";
const aino = { email: "aino.asiantuntija@tampere.example", password };
const helmi = { email: "helmi.hakala@helsinki.example", password };
const discussions = "/networks/tyottomyysturvan-asiantuntijaverkosto/discussions";
const title = "Miten muut tulkitsevat omaehtoisen opiskelun päättymispäivää?";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

async function signIn(person: { email: string; password: string }): Promise<void> {
  await session.signIn(person.email, { password: person.password });
}

/** The Lexical editor labelled `label`, once the page has hydrated and it has replaced the textarea. */
async function editor(label: string) {
  const area = page
    .locator('[contenteditable="true"]')
    .and(page.getByRole("textbox", { name: label }));
  await area.waitFor();
  return area;
}

async function openThread(): Promise<void> {
  await session.open(discussions);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

describe("a question in a network's discussions", () => {
  it("lets a member ask with rich text and mention a colleague", async () => {
    await signIn(aino);
    await session.open(discussions);
    await page.getByRole("heading", { level: 2, name: "Keskustelut" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the discussions list");

    await page.getByRole("link", { name: "Uusi keskustelu" }).click();
    await page.getByRole("heading", { level: 2, name: "Aloita uusi keskustelu" }).waitFor();
    const body = await editor("Viesti");
    await expectNoSeriousAxeViolations(page, "the new-thread page");

    // Sending without a title keeps what was typed and says what is missing.
    await body.click();
    await page.keyboard.type("Kurssi päättyy ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("31.12.");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" mutta todistus tulee vasta tammikuussa.");
    await page.getByRole("button", { name: "Julkaise keskustelu" }).click();
    await page.getByRole("alert").getByText("Kirjoita keskustelulle otsikko.").waitFor();
    expect(await (await editor("Viesti")).textContent()).toContain("todistus tulee vasta");

    await page.getByLabel("Otsikko").fill(title);
    await page.getByLabel(/^Kysymys/).check();
    await page.getByLabel("Suodata jäseniä nimellä").fill("helmi");
    await page.getByLabel(/Helmi Hakala/).check();
    await page.getByText("1 valittu: Helmi Hakala").waitFor();
    await page.getByRole("button", { name: "Julkaise keskustelu" }).click();

    await page.getByRole("heading", { level: 2, name: title }).waitFor();
    await page.getByText("Keskustelu on julkaistu.").waitFor();
    const opening = page.getByRole("article", { name: "Aloitusviesti" });
    expect(await opening.locator("strong").textContent()).toBe("31.12.");
    await opening
      .getByRole("list", { name: "Mainitut henkilöt" })
      .getByText("@Helmi Hakala")
      .waitFor();
    await page.getByText("Kysymys", { exact: true }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the thread page");
  });

  it("lets the mentioned colleague reply and like the question", async () => {
    await signIn(helmi);
    await openThread();
    const like = page.getByRole("article", { name: "Aloitusviesti" }).getByRole("button", {
      name: "Tykkää, 0 reaktiota",
    });
    expect(await like.getAttribute("aria-pressed")).toBe("false");
    await like.click();
    const liked = page.getByRole("button", { name: "Tykkää, 1 reaktio" });
    await liked.waitFor();
    expect(await liked.getAttribute("aria-pressed")).toBe("true");

    const reply = await editor("Vastauksesi");
    await reply.click();
    await page.keyboard.type("Meillä päättymispäivä on kurssin viimeinen opetuspäivä.");
    await page.getByRole("button", { name: "Lähetä vastaus" }).click();
    await page.getByText("Vastauksesi on lähetetty.").waitFor();
    const replyArticle = page.getByRole("article", { name: "Vastaus, kirjoittaja Helmi Hakala" });
    await replyArticle.getByText("viimeinen opetuspäivä").waitFor();
    // The editor starts empty again for the next reply.
    expect((await (await editor("Vastauksesi")).textContent())?.trim()).toBe("");
    // Only the asker or a coordinator may mark the answer.
    expect(await replyArticle.getByRole("button", { name: /hyväksytyksi/ }).count()).toBe(0);

    // The like survives a reload: it is in the database, not only on the screen.
    await page.reload({ waitUntil: "networkidle" });
    expect(
      await page.getByRole("button", { name: "Tykkää, 1 reaktio" }).getAttribute("aria-pressed"),
    ).toBe("true");
  });

  it("lets the asker mark the reply as the accepted answer", async () => {
    await signIn(aino);
    await openThread();
    const replyArticle = page.getByRole("article", { name: "Vastaus, kirjoittaja Helmi Hakala" });
    await replyArticle.getByRole("button", { name: "Merkitse hyväksytyksi vastaukseksi" }).click();
    await page.getByText("Vastaus on merkitty hyväksytyksi.").waitFor();
    await replyArticle.getByText("Hyväksytty vastaus").waitFor();
    await page.getByRole("link", { name: /Siirry vastaukseen/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "the thread page with an accepted answer");

    await session.open(`${discussions}?filter=questions`);
    const listed = page.getByRole("listitem").filter({ hasText: title });
    await listed.getByText("Vastattu").waitFor();
    await listed.getByText("1 vastaus").waitFor();
  });
});
