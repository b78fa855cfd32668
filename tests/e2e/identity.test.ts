/**
 * Joining Verkko as a person would: sign up with a work e-mail, confirm it from the outbox, wait
 * for approval; the organisation's admin turns on two-step authentication (reading the key from
 * the page, the code made here as an authenticator app would) and approves; the new member signs
 * in, turns on two-step authentication and signs in again with the second step. Every page on
 * the way is checked with axe.
 */
import { authenticator } from "otplib";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { waitForHydration, withServerAndBrowser } from "../helpers/e2e-session";

// The organisation admin of Tampereen työllisyysalue, from supabase/seed.sql.
const admin = { email: "olli.organisaatio@tampere.example", password: "Verkko-demo-2025" };
const platformAdmin = { email: "paula.paakayttaja@keha.example", password: "Verkko-demo-2025" };
const newcomer = {
  email: "uuno.uusi@tampere.example",
  name: "Uuno Uusi",
  password: "Uunon-oma-salasana-2025",
};

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const open = (path: string) => session.open(path);

function heading(name: string) {
  return page.getByRole("heading", { level: 1, name });
}

function pathname(): string {
  return new URL(page.url()).pathname;
}

async function signIn(person: { email: string; password: string }): Promise<void> {
  await open("/login");
  await page.getByLabel("Sähköpostiosoite").fill(person.email);
  await page.getByLabel("Salasana").fill(person.password);
  await page.getByLabel("Salasana").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function signOut(): Promise<void> {
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await heading("Kirjaudu sisään").waitFor();
}

/** The TOTP step (30 s) a code made now belongs to. */
function totpStep(): number {
  return Math.floor(Date.now() / 30_000);
}

/**
 * Turns on two-step authentication on /account/mfa as a person with an authenticator app would:
 * the key shown as text goes into the "app" (otplib), whose code goes back into the page.
 * Returns the key and the step of the code used (a code is never accepted twice).
 */
async function enrolAuthenticator(
  label: string,
): Promise<{ secret: string; step: number; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Aloita käyttöönotto" }).click();
  await page.getByRole("heading", { name: "Ota todennussovellus käyttöön" }).waitFor();
  const qrCode = page.getByRole("img", { name: /QR-koodi todennussovellukselle/ });
  expect(await qrCode.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  await expectNoSeriousAxeViolations(page, `the MFA enrolment step (${label})`);

  const secret = (await page.locator("#totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const step = totpStep();
  await page.getByLabel("Sovelluksen näyttämä koodi").fill(authenticator.generate(secret));
  await page.getByRole("button", { name: "Ota käyttöön" }).click();

  await page.getByRole("heading", { name: "Uudet varakoodisi" }).waitFor();
  const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
  await expectNoSeriousAxeViolations(page, `the recovery codes (${label})`);
  return { secret, step, recoveryCodes: codes };
}

describe("joining an organisation", () => {
  // The newcomer's recovery codes, from their enrolment to the recovery test below.
  let recoveryCodes: string[] = [];

  it("signs up with a work e-mail, confirms it from the outbox and waits for approval", async () => {
    await open("/signup");
    await heading("Luo tunnus").waitFor();
    await expectNoSeriousAxeViolations(page, "the sign-up page");

    await page.getByLabel("Työsähköpostiosoite").fill(newcomer.email);
    await page.getByLabel("Työsähköpostiosoite").press("Tab");
    await page.getByText("Organisaatiosi: Tampereen työllisyysalue.", { exact: false }).waitFor();
    await page.getByLabel("Nimi").fill(newcomer.name);
    await page.getByLabel("Salasana").fill(newcomer.password);
    await page.getByRole("button", { name: "Luo tunnus" }).last().click();

    await heading("Tarkista sähköpostisi").waitFor();
    expect(pathname()).toBe("/signup/sent");
    await expectNoSeriousAxeViolations(page, "the check-your-e-mail page");

    await open("/dev/outbox");
    const email = page.getByRole("listitem").filter({ hasText: newcomer.email }).first();
    const link = await email.getByRole("link").first().getAttribute("href");
    expect(link).toContain("/auth/v1/verify");
    await page.goto(link ?? "", { waitUntil: "load" });
    await waitForHydration(page);

    await heading("Odottaa hyväksyntää").waitFor();
    expect(pathname()).toBe("/access");
    await page.getByText("Tampereen työllisyysalue", { exact: false }).first().waitFor();
    await expectNoSeriousAxeViolations(page, "the waiting-for-approval page");
    // The product stays closed: home sends a pending person back here.
    await open("/");
    expect(pathname()).toBe("/access");
  });

  it("lets the organisation admin turn on two-step authentication and approve the request", async () => {
    await signIn(admin);
    await page
      .getByRole("navigation", { name: "Päävalikko" })
      .getByRole("link", { name: "Organisaation hallinta" })
      .click();

    // Admin pages need aal2, and the admin has no authenticator yet: enrol first.
    await heading("Kaksivaiheinen tunnistautuminen").waitFor();
    expect(pathname()).toBe("/account/mfa");
    await page
      .getByText("Hallintasivut vaativat kaksivaiheisen tunnistautumisen.", { exact: false })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the MFA page of an admin without MFA");
    await enrolAuthenticator("admin");

    await page.getByRole("link", { name: "Jatka" }).click();
    await heading("Organisaation hallinta").waitFor();
    expect(pathname()).toBe("/admin/organisation");
    await expectNoSeriousAxeViolations(page, "the organisation admin console");

    const pending = page.getByRole("region", { name: "Odottavat pyynnöt" });
    await pending.getByText(newcomer.name, { exact: true }).waitFor();
    await pending.getByRole("button", { name: `Hyväksy: ${newcomer.name}` }).click();
    await page.getByRole("status").getByText("Jäsenyys hyväksyttiin.").waitFor();
    // Pekka Odottaja, seeded as pending, still waits; the newcomer is a member now.
    await pending.getByText("Pekka Odottaja", { exact: true }).waitFor();
    expect(await pending.getByText(newcomer.name, { exact: true }).count()).toBe(0);
    await page
      .getByRole("row", { name: new RegExp(newcomer.name) })
      .getByRole("cell", { name: "Aktiivinen" })
      .waitFor();
    const audit = page.getByRole("region", { name: "Tapahtumaloki" });
    await audit.getByText("Jäsenyys hyväksytty").first().waitFor();
    await expectNoSeriousAxeViolations(page, "the admin console after approving");

    // Resetting a member's MFA asks for confirmation first.
    await page
      .getByRole("link", { name: `Nollaa kaksivaiheinen tunnistautuminen: ${newcomer.name}` })
      .click();
    await page
      .getByRole("heading", {
        name: `Nollataanko henkilön ${newcomer.name} kaksivaiheinen tunnistautuminen?`,
      })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the MFA reset confirmation");
    await page.getByRole("link", { name: "Peruuta" }).click();
    await signOut();
  });

  it("lets the approved member in, and signs them in with the second step once it is on", async () => {
    await signIn(newcomer);
    await heading(`Hei, ${newcomer.name}!`).waitFor();
    await expectNoSeriousAxeViolations(page, "the home page of the new member");

    await page.getByRole("link", { name: "Oma tili" }).click();
    await heading("Oma tili").waitFor();
    await expectNoSeriousAxeViolations(page, "the profile page");
    await page
      .getByRole("navigation", { name: "Tilin sivut" })
      .getByRole("link", { name: "Kaksivaiheinen tunnistautuminen" })
      .click();
    await heading("Kaksivaiheinen tunnistautuminen").waitFor();
    await expectNoSeriousAxeViolations(page, "the MFA page");
    const enrolled = await enrolAuthenticator("member");
    recoveryCodes = enrolled.recoveryCodes;
    await signOut();

    await signIn(newcomer);
    await heading("Kaksivaiheinen tunnistautuminen").waitFor();
    expect(pathname()).toBe("/login/mfa");
    await expectNoSeriousAxeViolations(page, "the sign-in second step");
    // A code is accepted once: wait for the authenticator's next one.
    while (totpStep() === enrolled.step) await page.waitForTimeout(500);
    await page.getByLabel("Vahvistuskoodi").fill(authenticator.generate(enrolled.secret));
    await page.getByRole("button", { name: "Vahvista" }).click();
    await heading(`Hei, ${newcomer.name}!`).waitFor();
    expect(pathname()).toBe("/");
  });

  it("signs in with a recovery code when the authenticator is lost, then enrols again", async () => {
    await signIn(newcomer);
    expect(pathname()).toBe("/login/mfa");
    // The second step cannot be skipped by going straight to the product.
    await open("/");
    expect(pathname()).toBe("/login/mfa");
    await page.getByRole("link", { name: /Käytä varakoodia/ }).click();
    await heading("Kirjaudu varakoodilla").waitFor();
    await expectNoSeriousAxeViolations(page, "the recovery code page");

    await page.getByLabel("Varakoodi").fill("0000-0000-0000");
    await page.getByRole("button", { name: "Kirjaudu", exact: true }).click();
    await page.getByRole("alert").getByText("Varakoodi ei kelpaa", { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, "the recovery code page with an error");

    await page.getByLabel("Varakoodi").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Kirjaudu", exact: true }).click();
    await heading("Kaksivaiheinen tunnistautuminen").waitFor();
    expect(pathname()).toBe("/account/mfa");
    await page.getByText("Kirjauduit varakoodilla", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Aloita käyttöönotto" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the MFA page after a recovery code");
  });

  it("resets a forgotten password through the e-mail link", async () => {
    await open("/login");
    await page.getByRole("link", { name: "Unohditko salasanasi?" }).click();
    await heading("Unohtunut salasana").waitFor();
    await expectNoSeriousAxeViolations(page, "the forgotten password page");
    await page.getByLabel("Sähköpostiosoite").fill(newcomer.email);
    await page.getByRole("button", { name: "Lähetä linkki" }).click();
    await page
      .getByRole("status")
      .getByText("Jos osoitteella on tunnus", { exact: false })
      .waitFor();

    await open("/dev/outbox");
    const email = page
      .getByRole("listitem")
      .filter({ hasText: newcomer.email })
      .filter({ hasText: "Reset Your Password" })
      .first();
    const link = await email.getByRole("link").first().getAttribute("href");
    await page.goto(link ?? "", { waitUntil: "load" });
    await waitForHydration(page);
    await heading("Vaihda salasana").waitFor();
    expect(pathname()).toBe("/account/password");
    await expectNoSeriousAxeViolations(page, "the change password page");

    await page.getByLabel("Uusi salasana", { exact: true }).fill("Uuno-vaihtoi-2025");
    await page.getByLabel("Uusi salasana uudelleen").fill("Uuno-vaihtoi-2026");
    await page.getByRole("button", { name: "Vaihda salasana" }).click();
    await page.getByRole("alert").getByText("Salasanat eivät ole samat.").first().waitFor();
    await page.getByLabel("Uusi salasana", { exact: true }).fill("Uuno-vaihtoi-2025");
    await page.getByLabel("Uusi salasana uudelleen").fill("Uuno-vaihtoi-2025");
    await page.getByRole("button", { name: "Vaihda salasana" }).click();
    await page.getByRole("status").getByText("Salasana vaihdettiin.").waitFor();
  });

  it("lets the platform admin add an e-mail domain to an organisation", async () => {
    await signIn(platformAdmin);
    await page
      .getByRole("navigation", { name: "Päävalikko" })
      .getByRole("link", { name: "Alustan hallinta" })
      .click();
    await heading("Kaksivaiheinen tunnistautuminen").waitFor();
    await enrolAuthenticator("platform admin");
    await page.getByRole("link", { name: "Jatka" }).click();
    await heading("Alustan hallinta").waitFor();
    expect(pathname()).toBe("/admin/platform");
    await expectNoSeriousAxeViolations(page, "the platform admin page");

    await page.getByLabel("Uusi verkkotunnus: Työpolku ry").fill("@tyopolku-ry.example");
    await page.getByLabel("Uusi verkkotunnus: Työpolku ry").press("Enter");
    await page.getByRole("status").getByText("Verkkotunnus lisättiin.").waitFor();
    await page.getByRole("button", { name: "Poista: tyopolku-ry.example" }).waitFor();

    await page.getByLabel("Uusi verkkotunnus: Työpolku ry").fill("ei kelpaa");
    await page.getByLabel("Uusi verkkotunnus: Työpolku ry").press("Enter");
    await page
      .getByRole("alert")
      .getByText("Kirjoita verkkotunnus muodossa", { exact: false })
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the platform admin page with an error");
  });
});
