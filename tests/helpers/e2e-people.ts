/**
 * More people at once in an e2e file: each in a Chromium of their own (so no session is shared),
 * signed in through the login form, closed after the test, and failing it on errors in their
 * browser's console as the main page does.
 */
import type { Page } from "playwright-core";
import { afterEach, expect } from "vitest";
import { type Browser, launchChromium } from "./chromium";
import { demoPassword, type E2eSession, waitForHydration } from "./e2e-session";

export interface OtherPeople {
  /** A new browser signed in as `email`, on the page the app lands on after login. */
  signIn(email: string): Promise<Page>;
  /** Loads `path` in `page` and waits until it is interactive. */
  open(page: Page, path: string): Promise<void>;
}

export function withOtherPeople(session: E2eSession): OtherPeople {
  const browsers: { browser: Browser; browserErrors: string[] }[] = [];

  afterEach(async () => {
    const errors = browsers.flatMap((each) => each.browserErrors);
    await Promise.all(browsers.map((each) => each.browser.close()));
    browsers.length = 0;
    expect(errors, "errors in the other people's browser consoles").toEqual([]);
  });

  const people: OtherPeople = {
    async open(page, path) {
      await page.goto(`${session.url}${path}`, { waitUntil: "load" });
      await waitForHydration(page);
    },
    async signIn(email) {
      const browser = await launchChromium();
      const { page, browserErrors } = await browser.newPage();
      browsers.push({ browser, browserErrors });
      await people.open(page, "/login");
      await page.getByLabel("Sähköpostiosoite").fill(email);
      await page.getByLabel("Salasana").fill(demoPassword);
      await page.getByLabel("Salasana").press("Enter");
      await page.waitForURL((url) => url.pathname !== "/login");
      return page;
    },
  };
  return people;
}
