/**
 * The network story of issue 4 from end to end, in Chromium: Kalle creates a network on
 * /networks/new; Aino asks to join and Kalle approves her on the members tab; Aino starts a
 * thread, Kalle replies, and Aino sees the unread count in the header and the reply on her
 * notifications page; Kalle arranges a meeting with a capacity and Aino registers. Every page on
 * the way is checked with axe.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { helsinkiToday } from "~/lib/meeting-form";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const kalle = { email: "kalle.koordinaattori@keha.example", name: "Kalle Koordinaattori" };
const aino = { email: "aino.asiantuntija@tampere.example", name: "Aino Asiantuntija" };

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const network = {
  name: "Kotoutumisen ja työllisyyden yhteistyöverkosto",
  slug: `kotoutuminen-${Date.now().toString(36)}`,
  purpose:
    "Kokoaa työllisyysalueiden kotoutumisen asiantuntijat vaihtamaan kokemuksia kotoutumisohjelmista ja kielikoulutuksen yhteensovittamisesta.",
};
const path = (tail = "") => `/networks/${network.slug}${tail}`;
const thread = {
  title: "Kotoutumisohjelman ja työnhakuvelvollisuuden yhteensovittaminen",
  body: "Miten muualla sovitetaan kielikurssi ja työnhakuvelvollisuus yhteen?",
  reply: "Meillä kielikurssi kirjataan työllistymissuunnitelmaan, jolloin velvollisuus täyttyy.",
};

const open = (target: string) => session.open(target);

async function signIn(email: string): Promise<void> {
  await session.signIn(email, { freshBrowser: true });
  page = session.page;
}

function notice(text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

/** Types into the Lexical editor labelled `label`, once it has replaced the plain textarea. */
async function typeRichText(label: string, text: string): Promise<void> {
  const area = page
    .locator('[contenteditable="true"]')
    .and(page.getByRole("textbox", { name: label }));
  await area.click();
  await page.keyboard.type(text);
}

describe("a network from creation to a meeting", () => {
  it("is created by a coordinator on /networks/new", async () => {
    await signIn(kalle.email);
    await open("/networks");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the network directory");

    await open("/networks/new");
    await page.getByRole("heading", { level: 1, name: "Perusta verkosto" }).waitFor();
    await page.getByLabel("Nimi suomeksi").fill(network.name);
    await page.getByLabel("Verkoston osoite").fill(network.slug);
    await page.getByLabel("Verkoston tyyppi").selectOption({ label: "Valtakunnallinen verkosto" });
    await page.getByLabel("Tarkoitus suomeksi").fill(network.purpose);
    await page.getByLabel("Liittymispyynnöllä").check();
    await expectNoSeriousAxeViolations(page, "the new network form");
    await page.getByRole("button", { name: "Perusta verkosto" }).click();

    await page.waitForURL((url) => url.pathname === path());
    await page.getByRole("heading", { level: 1, name: network.name }).waitFor();
    await expectNoSeriousAxeViolations(page, "the new network's overview");
  });

  it("takes a member by request, approved by the coordinator on the members tab", async () => {
    await signIn(aino.email);
    await open(path());
    await page.getByText("Pyydä liittymistä").click();
    await page
      .getByLabel("Viesti koordinaattoreille (vapaaehtoinen)")
      .fill("Vastaan Tampereella kotoutumispalveluista.");
    await page.getByRole("button", { name: "Lähetä liittymispyyntö" }).click();
    await page
      .getByText("Liittymispyyntösi odottaa koordinaattorin hyväksyntää.")
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the overview with a pending join request");

    await signIn(kalle.email);
    await open(path("/members"));
    const requests = page.getByRole("region", { name: "Liittymispyynnöt" });
    await requests.getByText("Vastaan Tampereella kotoutumispalveluista.").waitFor();
    await expectNoSeriousAxeViolations(page, "the members tab with a join request");
    await requests.getByRole("button", { name: `Hyväksy: ${aino.name}` }).click();
    await notice("Liittymispyyntö hyväksyttiin. Henkilö on nyt verkoston jäsen.").waitFor();
    await page
      .getByRole("row", { name: new RegExp(aino.name) })
      .getByRole("cell", { name: "Jäsen", exact: true })
      .waitFor();
  });

  it("carries a member's thread and the coordinator's reply, and tells the member", async () => {
    await signIn(aino.email);
    await open(path("/discussions/new"));
    await page.getByRole("heading", { level: 2, name: "Aloita uusi keskustelu" }).waitFor();
    await page.getByLabel("Otsikko").fill(thread.title);
    await typeRichText("Viesti", thread.body);
    await expectNoSeriousAxeViolations(page, "the new thread form");
    await page.getByRole("button", { name: "Julkaise keskustelu" }).click();
    await notice("Keskustelu on julkaistu.").waitFor();
    const threadPath = new URL(page.url()).pathname;
    expect(threadPath).toMatch(new RegExp(`^${path("/discussions/")}[0-9a-f-]{36}$`));

    await signIn(kalle.email);
    await open(threadPath);
    await page.getByText(thread.body).waitFor();
    await typeRichText("Vastauksesi", thread.reply);
    await page.getByRole("button", { name: "Lähetä vastaus" }).click();
    await notice("Vastauksesi on lähetetty.").waitFor();
    await page.getByText(thread.reply).waitFor();
    await expectNoSeriousAxeViolations(page, "a thread with a reply");

    await signIn(aino.email);
    await open(path());
    await page
      .getByRole("link", { name: /^\d+ lukematon(ta)? ilmoitus(ta)?$/ })
      .first()
      .waitFor();
    await open("/notifications");
    await page.getByRole("heading", { level: 1, name: "Ilmoitukset" }).waitFor();
    await page.getByText(`${kalle.name} vastasi ketjuun ”${thread.title}”`).waitFor();
    await expectNoSeriousAxeViolations(page, "the notifications page");
  });

  it("arranges a meeting with a capacity, and the member registers", async () => {
    const day = helsinkiToday(new Date(Date.now() + 30 * 24 * 3600_000));
    const title = "Kotoutumisverkoston aloituskokous";

    await signIn(kalle.email);
    await open(path("/meetings/new"));
    await page.getByRole("heading", { name: "Uusi kokous tai tapahtuma" }).waitFor();
    await page.getByLabel("Otsikko").fill(title);
    await page.getByLabel("Alkaa").fill(`${day}T13:00`);
    await page.getByLabel("Päättyy").fill(`${day}T15:00`);
    await page
      .getByLabel("Paikka", { exact: true })
      .fill("Tampereen työllisyysalue, Hatanpään valtatie");
    await page.getByLabel("Osallistujien enimmäismäärä").fill("20");
    await expectNoSeriousAxeViolations(page, "the new meeting form");
    await page.getByRole("button", { name: "Luo kokous" }).click();
    await notice("Kokous on luotu.").waitFor();
    const meetingPath = new URL(page.url()).pathname;

    await signIn(aino.email);
    await open(meetingPath);
    await page.getByRole("heading", { level: 2, name: title }).waitFor();
    await page.getByText("0 / 20 ilmoittautunut").waitFor();
    await page.getByRole("button", { name: "Ilmoittaudu" }).click();
    await notice("Olet ilmoittautunut kokoukseen.").waitFor();
    await page.getByText("1 / 20 ilmoittautunut").waitFor();
    await expectNoSeriousAxeViolations(page, "the meeting page after registering");
  });
});
