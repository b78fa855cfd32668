/**
 * The header's notification bell in Chromium: it shows the unread count, and when the person
 * marks their notifications read in another tab, the first tab's bell follows without a reload.
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

// From supabase/seed.sql: Aino has unread notifications (replies in threads she took part in).
const aino = { email: "aino.asiantuntija@tampere.example", password: "Verkko-demo-2025" };

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

async function signIn(): Promise<void> {
  await session.open("/login");
  await page.getByLabel("Sähköpostiosoite").fill(aino.email);
  await page.getByLabel("Salasana").fill(aino.password);
  await page.getByLabel("Salasana").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/login");
}

describe("notifications", () => {
  it("keeps the bell's unread count current across tabs, without a reload", async () => {
    await signIn();
    await session.open("/");
    const bell = page.getByRole("link", { name: /^\d+ lukematon(ta)? ilmoitus(ta)?$/ });
    await bell.waitFor();

    const other = await page.context().newPage();
    try {
      await other.goto(`${session.url}/notifications`, { waitUntil: "load" });
      await other.getByRole("heading", { level: 1, name: "Ilmoitukset" }).waitFor();
      await expectNoSeriousAxeViolations(other, "the notification page");
      // The first tab opens its live stream a moment after its page settled; let it.
      await page.waitForTimeout(2000);
      await other.getByRole("button", { name: "Merkitse kaikki luetuiksi" }).click();
      await other.getByText("Kaikki ilmoitukset on merkitty luetuiksi.").waitFor();
    } finally {
      await other.close();
    }

    // The first tab was never reloaded: its bell changed because the server said so.
    await page.getByRole("link", { name: "Ilmoitukset, ei lukemattomia" }).waitFor();
    expect(await page.getByText("Ilmoitukset, ei lukemattomia", { exact: true }).count()).toBe(2);
  });
});
