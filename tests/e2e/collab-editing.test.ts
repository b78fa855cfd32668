/**
 * Co-editing a document, as people do it: Kalle (who wrote it) and Aino (whom he let edit) type
 * into it at the same time in their own browsers; each sees the other's words and the other's
 * named cursor within a second, and what they wrote is what the server stores. Liisa, who may
 * only read it, sees the text change live but cannot change it. The editor page is checked with
 * axe with the editor loaded.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { type Browser, launchChromium } from "../helpers/chromium";
import { demoPassword, waitForHydration, withServerAndBrowser } from "../helpers/e2e-session";

const kalle = { email: "kalle.koordinaattori@keha.example", name: "Kalle Koordinaattori" };
const aino = {
  email: "aino.asiantuntija@tampere.example",
  name: "Aino Asiantuntija",
  id: "a1a1a1a1-0000-4000-8000-000000000001",
};
const liisa = {
  email: "liisa.lakimies@kuntaliitto.example",
  id: "a1a1a1a1-0000-4000-8000-000000000003",
};
const title = "Omaehtoisen opiskelun ohje – yhteiskirjoitus";
const opening = "Tämä ohje kertoo, miten omaehtoista opiskelua tuetaan.";
const kallesWords = "Kalle lisää kappaleen tukiajan pituudesta.";
const ainosWords = "Aino aloittaa johdannolla.";
const laterWords = "Päivitys: tukiaika voi olla enintään 24 kuukautta.";

const session = withServerAndBrowser();
let documentId = "";
let ainosPermission = "";
let kalleClient: SupabaseClient;
const others: { browser: Browser; browserErrors: string[] }[] = [];

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
  // A document of Kalle's own, outside any network: who else may open it is only what he grants.
  kalleClient = await signedInClient(kalle.email);
  const created = await kalleClient.rpc("create_document", {
    title,
    kind: "guidance",
    initial_html: `<p>${opening}</p>`,
  });
  if (created.error) throw created.error;
  documentId = created.data as string;
  for (const [userId, level] of [
    [aino.id, "edit"],
    [liisa.id, "view"],
  ] as const) {
    const granted = await kalleClient.rpc("grant_document_permission", {
      document_id: documentId,
      level,
      user_id: userId,
    });
    if (granted.error) throw granted.error;
    if (userId === aino.id) ainosPermission = granted.data as string;
  }
});

afterEach(async () => {
  const errors = others.flatMap((other) => other.browserErrors);
  await Promise.all(others.map((other) => other.browser.close()));
  others.length = 0;
  expect(errors, "errors in the other browsers' consoles").toEqual([]);
});

/** Another person in a browser of their own, signed in through the login form. */
async function anotherPerson(email: string): Promise<Page> {
  const browser = await launchChromium();
  const { page, browserErrors } = await browser.newPage();
  others.push({ browser, browserErrors });
  await page.goto(`${session.url}/login`, { waitUntil: "load" });
  await waitForHydration(page);
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByLabel("Salasana").fill(demoPassword);
  await page.getByLabel("Salasana").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

const editorOf = (page: Page) => page.locator('[data-lexical-editor="true"]');

/** Opens the document and waits until the live editor has replaced the server's HTML. */
async function openDocument(page: Page): Promise<void> {
  await page.goto(`${session.url}/documents/${documentId}`, { waitUntil: "load" });
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await waitForHydration(page);
  await editorOf(page).getByText(opening).waitFor();
}

/** Milliseconds until `text` is in the page's editor (fails after `limitMs`). */
async function timeUntilText(page: Page, text: string, limitMs: number): Promise<number> {
  const started = performance.now();
  await page.waitForFunction(
    (needle) =>
      document.querySelector('[data-lexical-editor="true"]')?.textContent?.includes(needle) ??
      false,
    text,
    { timeout: limitMs, polling: 20 },
  );
  return performance.now() - started;
}

/** Milliseconds until a remote cursor labelled with `name` is drawn (fails after `limitMs`). */
async function timeUntilCursor(page: Page, name: string, limitMs: number): Promise<number> {
  const started = performance.now();
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll("[data-remote-cursors] span")].some(
        (span) => span.textContent === label,
      ),
    name,
    { timeout: limitMs, polling: 20 },
  );
  return performance.now() - started;
}

async function storedText(): Promise<string> {
  const { data, error } = await kalleClient
    .from("documents")
    .select("text")
    .eq("id", documentId)
    .single<{ text: string }>();
  if (error) throw error;
  return data.text;
}

describe("co-editing a document", () => {
  it("shows two editors each other's words and named cursors within a second", async () => {
    const page = session.page;
    await session.signIn(kalle.email);
    await openDocument(page);
    await editorOf(page).and(page.locator('[contenteditable="true"]')).waitFor();
    await page.getByRole("toolbar", { name: new RegExp(`^Muotoilu: ${title}`) }).waitFor();
    await expectNoSeriousAxeViolations(page, "the document page with the editor loaded");

    const other = await anotherPerson(aino.email);
    await openDocument(other);
    await editorOf(other).and(other.locator('[contenteditable="true"]')).waitFor();

    // Both see who is here.
    const presence = (on: Page) => on.getByRole("region", { name: "Paikalla nyt" });
    await presence(page).getByText(aino.name).waitFor();
    await presence(other).getByText(kalle.name).waitFor();
    await presence(page).getByText(`${kalle.name} (sinä)`).waitFor();

    // Kalle writes a new paragraph at the end while Aino writes at the very beginning.
    await editorOf(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await editorOf(other).click();
    await other.keyboard.press("Control+Home");
    await Promise.all([
      page.keyboard.type(kallesWords, { delay: 15 }),
      other.keyboard.type(`${ainosWords} `, { delay: 15 }),
    ]);

    const [ainoSeesKalle, kalleSeesAino] = await Promise.all([
      timeUntilText(other, kallesWords, 1000),
      timeUntilText(page, ainosWords, 1000),
    ]);
    expect(ainoSeesKalle).toBeLessThanOrEqual(1000);
    expect(kalleSeesAino).toBeLessThanOrEqual(1000);
    const [ainoSeesCursor, kalleSeesCursor] = await Promise.all([
      timeUntilCursor(other, kalle.name, 1000),
      timeUntilCursor(page, aino.name, 1000),
    ]);
    expect(ainoSeesCursor).toBeLessThanOrEqual(1000);
    expect(kalleSeesCursor).toBeLessThanOrEqual(1000);

    // The two editors converge on the same text, each person's words in one piece.
    const kalleText = await editorOf(page).textContent();
    expect(await editorOf(other).textContent()).toBe(kalleText);
    expect(kalleText).toContain(kallesWords);
    expect(kalleText).toContain(`${ainosWords} ${opening}`);
    await page.getByText("Tallennettu", { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(other, "the document page with a co-editor present");

    // What they wrote is what the server stores (it writes the text when it compacts).
    await expect.poll(storedText, { timeout: 20_000, interval: 250 }).toContain(kallesWords);
    expect(await storedText()).toContain(ainosWords);
  });

  it("lets a reader follow the changes without being able to make any", async () => {
    const page = session.page;
    await session.signIn(liisa.email);
    await openDocument(page);
    const editor = editorOf(page);
    await page
      .getByText("Sinulla on lukuoikeus: voit lukea asiakirjaa", { exact: false })
      .waitFor();
    expect(await editor.getAttribute("contenteditable")).toBe("false");
    expect(await page.getByRole("toolbar").count()).toBe(0);
    await expectNoSeriousAxeViolations(page, "the document page for a reader");

    // Typing into the read-only text changes nothing, here or on the server.
    const before = await editor.textContent();
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("Lukijan yritys muuttaa tekstiä.");
    await page.keyboard.press("Enter");
    expect(await editor.textContent()).toBe(before);

    // Kalle edits meanwhile; Liisa sees it at once, and her attempt never reached anyone.
    const writer = await anotherPerson(kalle.email);
    await openDocument(writer);
    await editorOf(writer).click();
    await writer.keyboard.press("Control+End");
    await writer.keyboard.press("Enter");
    await writer.keyboard.type(laterWords);
    expect(await timeUntilText(page, laterWords, 1000)).toBeLessThanOrEqual(1000);
    await timeUntilCursor(page, kalle.name, 1000);
    expect(await editorOf(writer).textContent()).not.toContain("Lukijan yritys");
    await expect.poll(storedText, { timeout: 20_000, interval: 250 }).toContain(laterWords);
    expect(await storedText()).not.toContain("Lukijan yritys");
  });

  it("hands out collab tokens only to the document's readers, and only to its own pages", async () => {
    const page = session.page;
    await session.signIn(liisa.email);
    await openDocument(page);
    const askToken = (id: string) =>
      page.evaluate(async (documentPath) => {
        const response = await fetch(documentPath, { method: "POST" });
        return { status: response.status, body: await response.json() };
      }, `/documents/${id}/collab-token`);
    const issued = await askToken(documentId);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      access: "view",
      wsUrl: `${session.url.replace("http:", "ws:")}/collab`,
      user: { id: liisa.id, name: "Liisa Lakimies" },
    });
    expect(issued.body.user.colour).toMatch(/^#[0-9a-f]{6}$/);
    // A document she may not open does not exist, as far as she can tell.
    const hidden = await kalleClient.rpc("create_document", { title: "Kallen oma luonnos" });
    if (hidden.error) throw hidden.error;
    const refused = await askToken(hidden.data as string);
    expect(refused, JSON.stringify(refused)).toMatchObject({ status: 404 });
    // Another site cannot make her browser fetch one, even with her cookies.
    const cookies = await page.context().cookies(session.url);
    const crossSite = await fetch(`${session.url}/documents/${documentId}/collab-token`, {
      method: "POST",
      headers: {
        Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
        Origin: "https://hyokkaaja.example",
      },
    });
    expect(crossSite.status).toBe(403);
  });

  it("follows a change of access: down to reading, then out", async () => {
    const page = session.page;
    await session.signIn(aino.email);
    await openDocument(page);
    await editorOf(page).and(page.locator('[contenteditable="true"]')).waitFor();

    // Kalle lets Aino only read: her editor turns read-only without a reload.
    const downgraded = await kalleClient.rpc("grant_document_permission", {
      document_id: documentId,
      level: "view",
      user_id: aino.id,
    });
    if (downgraded.error) throw downgraded.error;
    await page
      .getByText("Sinulla on lukuoikeus: voit lukea asiakirjaa", { exact: false })
      .waitFor({ timeout: 10_000 });
    await editorOf(page).and(page.locator('[contenteditable="false"]')).waitFor();
    expect(await page.getByRole("toolbar").count()).toBe(0);

    // Then he removes her access altogether: the text goes away with a notice.
    const revoked = await kalleClient.rpc("revoke_document_permission", {
      permission_id: ainosPermission,
    });
    if (revoked.error) throw revoked.error;
    await page
      .getByText("Käyttöoikeutesi tähän asiakirjaan on poistunut.")
      .waitFor({ timeout: 10_000 });
    expect(await editorOf(page).count()).toBe(0);
    expect(await page.getByText(opening).count()).toBe(0);
  });
});
