/**
 * The shared frame of an e2e file: the real server started once for the file (and required to
 * shut down cleanly), a fresh Chromium for each test, and each test failing on errors in the
 * browser console.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type Browser, launchChromium } from "./chromium";
import { type ServerProcess, startServerProcess } from "./server-process";

export interface E2eSession {
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The current test's page. */
  readonly page: Page;
  /** Replaces this test's browser, e.g. with one that runs no JavaScript. */
  relaunch(options: { javaScript?: boolean }): Promise<void>;
  /**
   * Loads a page and waits until it is interactive (hydrated), as a person waits for it. Not
   * "network idle": signed-in pages keep a live notification stream open.
   */
  open(path: string): Promise<void>;
  /**
   * Signs a demo user in through the login form (in a new browser when `freshBrowser`, so no
   * earlier session lingers) and waits until the app has left /login.
   */
  signIn(email: string, options?: { password?: string; freshBrowser?: boolean }): Promise<void>;
}

/** Every demo user's password (supabase/seed.sql). */
export const demoPassword = "Verkko-demo-2025";

/** Waits until React has hydrated the page (root.tsx marks it), so clicks reach their handlers. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

export function withServerAndBrowser(): E2eSession {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let browserErrors: string[] = [];
  let javaScript = true;

  const launch = async (options: { javaScript?: boolean } = {}) => {
    javaScript = options.javaScript ?? true;
    browser = await launchChromium(options);
    ({ page, browserErrors } = await browser.newPage());
  };

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    if (!server) return;
    const exitCode = await server.stop();
    expect(exitCode, `server output:\n${server.output()}`).toBe(0);
  });
  beforeEach(() => launch());
  afterEach(async () => {
    await browser?.close();
    expect(browserErrors, "errors in the browser console").toEqual([]);
  });

  const session: E2eSession = {
    get url() {
      if (!server) throw new Error("the server has not started");
      return server.url;
    },
    get page() {
      if (!page) throw new Error("no browser page: use it inside a test");
      return page;
    },
    async relaunch(options) {
      await browser?.close();
      await launch(options);
    },
    async open(path) {
      await session.page.goto(`${session.url}${path}`, { waitUntil: "load" });
      if (javaScript) await waitForHydration(session.page);
    },
    async signIn(email, options = {}) {
      if (options.freshBrowser) await session.relaunch({});
      await session.open("/login");
      const page = session.page;
      await page.getByLabel("Sähköpostiosoite").fill(email);
      await page.getByLabel("Salasana").fill(options.password ?? demoPassword);
      await page.getByLabel("Salasana").press("Enter");
      await page.waitForURL((url) => url.pathname !== "/login");
    },
  };
  return session;
}
