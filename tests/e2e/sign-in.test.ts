/**
 * A person signs in through the login page of the real server in Chromium, sees their name,
 * switches the language and signs out; a wrong password is explained and the e-mail kept.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { launchChromium } from "../helpers/chromium";
import { waitForHydration, withServerAndBrowser } from "../helpers/e2e-session";

// From supabase/seed.sql.
const demoUser = { email: "aino.asiantuntija@tampere.example", password: "Verkko-demo-2025" };

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const open = (path: string) => session.open(path);

async function tabTo(elementId: string): Promise<void> {
  for (let presses = 0; presses < 25; presses++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === elementId) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`#${elementId} could not be reached with the Tab key`);
}

function heading(name: string) {
  return page.getByRole("heading", { level: 1, name });
}

describe("signing in", () => {
  it("signs in by keyboard, greets by name, switches to Swedish and signs out", async () => {
    await open("/login");
    expect(await page.getAttribute("html", "lang")).toBe("fi");
    await heading("Kirjaudu sisään").waitFor();
    await expectNoSeriousAxeViolations(page, "the login page");

    await tabTo("email");
    await page.keyboard.type(demoUser.email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
    await page.keyboard.type(demoUser.password);
    await page.keyboard.press("Enter");

    await heading("Hei, Aino Asiantuntija!").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page
      .getByRole("region", { name: "Käyttäjätili" })
      .getByText("Aino Asiantuntija")
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the home page, signed in");

    await page.getByRole("button", { name: "Svenska" }).click();
    await heading("Hej, Aino Asiantuntija!").waitFor();
    await page.waitForFunction(() => document.documentElement.lang === "sv");
    expect(await page.getByRole("button", { name: "Svenska" }).getAttribute("aria-pressed")).toBe(
      "true",
    );

    await page.getByRole("button", { name: "Logga ut" }).click();
    await heading("Logga in").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");

    // The session is gone on the server side of the browser too: home invites to sign in.
    await open("/");
    await heading("Välkommen till Verkko").waitFor();

    // The language went with Aino's profile: another browser signing in as her gets Swedish,
    // and switching back to Finnish there is remembered for the tests that follow.
    const other = await launchChromium();
    try {
      const { page: otherPage, browserErrors: otherErrors } = await other.newPage();
      await otherPage.goto(`${session.url}/login`, { waitUntil: "load" });
    await waitForHydration(otherPage);
      await otherPage.getByLabel("Sähköpostiosoite").fill(demoUser.email);
      await otherPage.getByLabel("Salasana").fill(demoUser.password);
      await otherPage.getByLabel("Salasana").press("Enter");
      await otherPage.getByRole("heading", { level: 1, name: "Hej, Aino Asiantuntija!" }).waitFor();
      await otherPage.getByRole("button", { name: "Suomi" }).click();
      await otherPage.getByRole("heading", { level: 1, name: "Hei, Aino Asiantuntija!" }).waitFor();
      expect(otherErrors, "errors in the other browser's console").toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("explains a wrong password in Finnish and keeps the e-mail address", async () => {
    await open("/login");
    await page.getByLabel("Sähköpostiosoite").fill(demoUser.email);
    await page.getByLabel("Salasana").fill("not-the-password");
    await page.getByLabel("Salasana").press("Enter");

    const alert = page.getByRole("alert");
    await alert.getByText("Sähköpostiosoite tai salasana on väärin.", { exact: false }).waitFor();
    expect(await page.getByLabel("Sähköpostiosoite").inputValue()).toBe(demoUser.email);
    const describedBy = await page.getByLabel("Salasana").getAttribute("aria-describedby");
    expect(describedBy?.split(" ")).toContain("login-error");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectNoSeriousAxeViolations(page, "the login page with an error");
  });

  it("tells a member their organisation deactivated that their access has ended", async () => {
    await open("/login");
    await page.getByLabel("Sähköpostiosoite").fill("sanna.suljettu@tampere.example");
    await page.getByLabel("Salasana").fill(demoUser.password);
    await page.getByLabel("Salasana").press("Enter");

    const alert = page.getByRole("alert");
    await alert.getByText("Organisaatiosi on päättänyt käyttöoikeutesi", { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("returns to the page named in redirectTo after signing in", async () => {
    await open("/login?redirectTo=%2Fdev%2Foutbox");
    await page.getByLabel("Sähköpostiosoite").fill(demoUser.email);
    await page.getByLabel("Salasana").fill(demoUser.password);
    await page.getByRole("button", { name: "Kirjaudu sisään" }).last().click();
    await heading("Lähtevät sähköpostit (kehitys)").waitFor();
    expect(new URL(page.url()).pathname).toBe("/dev/outbox");
  });
});

describe("without JavaScript", () => {
  beforeEach(async () => {
    await session.relaunch({ javaScript: false });
    page = session.page;
  });

  it("signs in, switches the language and signs out with plain HTML forms", async () => {
    await open("/login");
    await page.getByLabel("Sähköpostiosoite").fill(demoUser.email);
    await page.getByLabel("Salasana").fill("not-the-password");
    await page.getByLabel("Salasana").press("Enter");
    await page.getByRole("alert").getByText("Sähköpostiosoite tai salasana on väärin.").waitFor();
    expect(await page.getByLabel("Sähköpostiosoite").inputValue()).toBe(demoUser.email);

    await page.getByLabel("Salasana").fill(demoUser.password);
    await page.getByLabel("Salasana").press("Enter");
    await heading("Hei, Aino Asiantuntija!").waitFor();

    await page.getByRole("button", { name: "English" }).click();
    await heading("Hello, Aino Asiantuntija!").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await page.getByRole("button", { name: "Sign out" }).click();
    await heading("Sign in").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("pages anyone can see", () => {
  it("renders the signed-out home page, a 404 and the language switch without JavaScript errors", async () => {
    await open("/");
    await heading("Tervetuloa Verkkoon").waitFor();
    await expectNoSeriousAxeViolations(page, "the home page, signed out");

    await page.getByRole("button", { name: "English" }).click();
    await heading("Welcome to Verkko").waitFor();
    await page.waitForFunction(() => document.documentElement.lang === "en");

    const response = await page.goto(`${session.url}/no-such-page`, { waitUntil: "load" });
    await waitForHydration(page);
    expect(response?.status()).toBe(404);
    await heading("Page not found").waitFor();
    expect(await page.title()).toBe("Page not found – Verkko");
    await expectNoSeriousAxeViolations(page, "the 404 page");
  });

  it("skips to the content with the first Tab", async () => {
    await open("/login");
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Siirry sisältöön" });
    expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
  });
});
