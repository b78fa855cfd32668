/** Headless system Chromium through playwright-core: no browser download, one profile per launch. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What a page needs to look and work right; a failure to load one is a bug. */
const assetTypes = new Set(["stylesheet", "script", "image", "font"]);

const installHelp =
  "No Chromium found for the end-to-end tests. Install one with `apt-get install -y chromium` " +
  "(Debian/Ubuntu), or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to the path of a Chromium or Chrome binary.";

/** PLAYWRIGHT_CHROMIUM_EXECUTABLE, else /usr/bin/chromium, else `chromium` on PATH. */
export function findChromium(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${fromEnv} does not exist. ${installHelp}`);
    }
    return fromEnv;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const which = spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" });
  const onPath = which.status === 0 ? which.stdout.trim() : "";
  if (onPath) return onPath;
  throw new Error(installHelp);
}

export interface Browser {
  /** A new page that records the browser's own errors (console.error, uncaught exceptions). */
  newPage(): Promise<{ page: Page; browserErrors: string[] }>;
  close(): Promise<void>;
}

/** `javaScript: false` checks that a page still works as plain HTML forms and links. */
export async function launchChromium(options: { javaScript?: boolean } = {}): Promise<Browser> {
  const javaScript = options.javaScript ?? true;
  const userDataDir = mkdtempSync(path.join(tmpdir(), "verkko-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      args: chromiumArgs,
      headless: true,
      locale: "fi-FI",
      timezoneId: "Europe/Helsinki",
      javaScriptEnabled: javaScript,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    async newPage() {
      const page = await context.newPage();
      const browserErrors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx/5xx response as a console error, including the 400 of a form
        // the server refused on purpose; failed assets are caught below by their type instead.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          browserErrors.push(`console.error: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => browserErrors.push(`uncaught: ${error.message}`));
      page.on("response", (response) => {
        const type = response.request().resourceType();
        if (assetTypes.has(type) && response.status() >= 400) {
          browserErrors.push(`${type} ${response.url()} answered ${response.status()}`);
        }
      });
      page.on("requestfailed", (request) => {
        // With JavaScript off, Chromium cancels the module preloads on purpose.
        if (!javaScript && request.resourceType() === "script") return;
        if (assetTypes.has(request.resourceType())) {
          browserErrors.push(`${request.resourceType()} ${request.url()} failed`);
        }
      });
      return { page, browserErrors };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
