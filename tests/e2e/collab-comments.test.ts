/**
 * Comments on a co-edited document, as two people use them at once: Kalle (the document's
 * editor) selects a passage and comments on it, mentioning Liisa; Liisa (who may only comment)
 * sees the passage highlighted and the thread appear without reloading, replies, and comments
 * on a passage of her own from her read-only editor; Kalle sees her reply and her thread. Both
 * pages are checked with axe.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { type Browser, launchChromium } from "../helpers/chromium";
import { demoPassword, waitForHydration, withServerAndBrowser } from "../helpers/e2e-session";

const kalle = "kalle.koordinaattori@keha.example";
const liisa = {
  email: "liisa.lakimies@kuntaliitto.example",
  id: "a1a1a1a1-0000-4000-8000-000000000003",
};
// The national unemployment-security network: Kalle coordinates it, Liisa observes it (view),
// and a grant lets her comment on this one document.
const national = "e0e0e0e0-0000-4000-8000-000000000001";
const title = "Palvelutarpeen arviointi – kommentointikoe";
const firstPassage = "kahden viikon kuluessa";
const secondPassage = "alkuhaastattelussa";

const session = withServerAndBrowser();
let documentId = "";
let second: { browser: Browser; page: Page; browserErrors: string[] } | undefined;

async function signedInClient(email: string): Promise<SupabaseClient> {
  const { anonKey } = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: demoPassword });
  if (error) throw error;
  return client;
}

beforeAll(async () => {
  const client = await signedInClient(kalle);
  const created = await client.rpc("create_document", {
    title,
    kind: "guidance",
    network_id: national,
    initial_html:
      "<h2>Arvioinnin aikataulu</h2>" +
      `<p>Palvelutarve arvioidaan ${firstPassage} ilmoittautumisesta.</p>` +
      `<p>Työnhakijan osaaminen kartoitetaan ${secondPassage}.</p>`,
  });
  if (created.error) throw created.error;
  documentId = created.data as string;
  const granted = await client.rpc("grant_document_permission", {
    document_id: documentId,
    level: "comment",
    user_id: liisa.id,
  });
  if (granted.error) throw granted.error;
});

afterEach(async () => {
  const errors = second?.browserErrors ?? [];
  await second?.browser.close();
  second = undefined;
  expect(errors, "errors in the second browser's console").toEqual([]);
});

/** A second person in their own browser, signed in through the login form. */
async function secondPerson(email: string): Promise<Page> {
  const browser = await launchChromium();
  const { page, browserErrors } = await browser.newPage();
  second = { browser, page, browserErrors };
  await page.goto(`${session.url}/login`, { waitUntil: "load" });
  await waitForHydration(page);
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByLabel("Salasana").fill(demoPassword);
  await page.getByLabel("Salasana").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

async function openDocument(page: Page): Promise<void> {
  await page.goto(`${session.url}/documents/${documentId}`, { waitUntil: "load" });
  await waitForHydration(page);
  await page.locator('[data-lexical-editor="true"]').getByText(firstPassage).waitFor();
  await page.getByRole("heading", { level: 2, name: "Kommentit" }).waitFor();
}

/** Selects `text` inside the editor as a person would by dragging over it. */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('[data-lexical-editor="true"]');
    if (!root) throw new Error("no editor");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the editor`);
  }, text);
}

const thread = (page: Page, quote: string) =>
  page.getByRole("article", { name: `Kommenttiketju: ${quote}` });
const mark = (page: Page, text: string) =>
  page.locator('[data-lexical-editor="true"] mark').filter({ hasText: text });

describe("comments on a co-edited document", () => {
  it("travel between an editor and a commenter without reloading", async () => {
    const page = session.page;
    await session.signIn(kalle);
    await openDocument(page);
    await page.locator('[data-lexical-editor="true"][contenteditable="true"]').waitFor();

    const other = await secondPerson(liisa.email);
    await openDocument(other);
    // Liisa may comment but not edit: her editor is read-only.
    expect(
      await other.locator('[data-lexical-editor="true"]').getAttribute("contenteditable"),
    ).toBe("false");
    await other.getByText("Asiakirjassa ei ole vielä kommentteja.", { exact: false }).waitFor();

    // Kalle selects a passage and comments with the keyboard shortcut, mentioning Liisa.
    await page.locator('[data-lexical-editor="true"]').click();
    await selectInEditor(page, firstPassage);
    await page.getByRole("button", { name: "Kommentoi" }).waitFor();
    await page.keyboard.press("Control+Alt+KeyM");
    const form = page.getByRole("form", { name: "Uusi kommentti" });
    await form.getByText(firstPassage, { exact: true }).waitFor();
    await form.getByLabel("Kommenttisi").fill("Lasketaanko kaksi viikkoa arkipäivinä?");
    await form.getByLabel("Hae nimellä").fill("Liisa");
    await form.getByLabel(/Liisa Lakimies/).check();
    await form.getByRole("button", { name: "Lähetä kommentti" }).click();

    await thread(page, firstPassage).getByText("Lasketaanko kaksi viikkoa").waitFor();
    await mark(page, firstPassage).waitFor({ timeout: 10_000 });
    await expectNoSeriousAxeViolations(page, "the editor's document page with a comment");

    // Liisa sees the highlight and the thread without reloading, and replies.
    const started = Date.now();
    await mark(other, firstPassage).waitFor({ timeout: 10_000 });
    const herThread = thread(other, firstPassage);
    await herThread.getByText("Lasketaanko kaksi viikkoa").waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    await herThread.getByText("@Liisa Lakimies").waitFor();
    await herThread.getByLabel("Vastauksesi").fill("Kalenteripäivinä, ohjeen mukaan.");
    await herThread.getByRole("button", { name: "Vastaa" }).click();
    await herThread.getByText("Kalenteripäivinä, ohjeen mukaan.").waitFor();
    await expectNoSeriousAxeViolations(other, "the commenter's document page");

    // A commenter comments from her read-only editor, with the button this time.
    await selectInEditor(other, secondPassage);
    await other.getByRole("button", { name: "Kommentoi" }).click();
    const herForm = other.getByRole("form", { name: "Uusi kommentti" });
    await herForm.getByLabel("Kommenttisi").fill("Kuka kartoituksen tekee?");
    await herForm.getByRole("button", { name: "Lähetä kommentti" }).click();
    await thread(other, secondPassage).waitFor();

    // Kalle sees Liisa's reply and her thread, highlighted in his text too.
    await thread(page, firstPassage)
      .getByText("Kalenteripäivinä, ohjeen mukaan.")
      .waitFor({ timeout: 15_000 });
    await mark(page, secondPassage).waitFor({ timeout: 10_000 });
    await thread(page, secondPassage).getByText("Kuka kartoituksen tekee?").waitFor();

    // Clicking the marked text brings its thread forward; resolving tucks it away.
    await mark(page, secondPassage).click();
    await expect.poll(() => thread(page, secondPassage).getAttribute("aria-current")).toBe("true");
    // …and a thread's quote shows its passage in the text, highlighted.
    await thread(page, firstPassage).getByRole("button", { name: firstPassage }).click();
    await mark(page, firstPassage).and(page.locator(".editor-mark-active")).waitFor();
    await thread(page, secondPassage)
      .getByRole("button", { name: "Merkitse ratkaistuksi" })
      .click();
    await page.getByText("Ratkaistut (1)").waitFor();
  });
});
