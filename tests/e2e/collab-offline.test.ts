/**
 * Writing without a connection, as it happens on a train: Kalle and Aino have the same document
 * open; Aino's network goes away, she keeps typing (the page says her changes stay on this
 * device), Kalle does not see her words; when the network is back her words reach Kalle and the
 * stored document. Her words also survive closing the page while offline: they wait in the
 * browser's IndexedDB and are sent when she opens the document again.
 *
 * Aino's browser reaches the server through a TCP relay in this process. Chromium's offline
 * emulation (`context.setOffline`) makes `navigator.onLine` false and fails new requests, but
 * leaves an open websocket untouched; cutting the relay's connections is what drops her socket,
 * as a lost network does.
 */
import { connect, createServer, type Socket } from "node:net";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { type Browser, launchChromium } from "../helpers/chromium";
import { demoPassword, waitForHydration, withServerAndBrowser } from "../helpers/e2e-session";

const kalle = { email: "kalle.koordinaattori@keha.example" };
const aino = {
  email: "aino.asiantuntija@tampere.example",
  id: "a1a1a1a1-0000-4000-8000-000000000001",
};
const opening = "Ohje kuvaa, miten etätyöpäivistä sovitaan.";
const offlineStatus = "Ei yhteyttä – muutoksesi tallentuvat tälle laitteelle";

const session = withServerAndBrowser();
let kalleClient: SupabaseClient;
const others: { browser: Browser; browserErrors: string[][]; relay: Relay }[] = [];

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
  kalleClient = await signedInClient(kalle.email);
});

afterEach(async () => {
  const errors = others.flatMap((other) => other.browserErrors.flat());
  await Promise.all(others.map((other) => other.browser.close()));
  await Promise.all(others.map((other) => other.relay.close()));
  others.length = 0;
  expect(errors, "errors in Aino's browser console").toEqual([]);
});

/** A document of Kalle's that Aino may edit too. */
async function sharedDocument(title: string): Promise<string> {
  const created = await kalleClient.rpc("create_document", {
    title,
    kind: "guidance",
    initial_html: `<p>${opening}</p>`,
  });
  if (created.error) throw created.error;
  const documentId = created.data as string;
  const granted = await kalleClient.rpc("grant_document_permission", {
    document_id: documentId,
    level: "edit",
    user_id: aino.id,
  });
  if (granted.error) throw granted.error;
  return documentId;
}

interface Relay {
  /** The server's address as seen through the relay. */
  url: string;
  /** Drops every open connection and refuses new ones, as a network that went away. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP relay to the server: Aino's network, which the test can take away. */
async function relayTo(target: string): Promise<Relay> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let down = false;
  const server = createServer((inbound) => {
    if (down) {
      inbound.destroy();
      return;
    }
    const outbound = connect(Number(port), hostname);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
      open.delete(inbound);
    };
    open.add(inbound);
    inbound.pipe(outbound).on("error", drop).on("close", drop);
    outbound.pipe(inbound).on("error", drop).on("close", drop);
    inbound.on("error", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("the relay has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
    },
    close() {
      down = true;
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Aino in a browser of her own, signed in through the login form, on a network we control. */
async function ainoOnRelay(): Promise<{ page: Page; browser: Browser; relay: Relay }> {
  const relay = await relayTo(session.url);
  const browser = await launchChromium();
  const { page, browserErrors } = await browser.newPage();
  others.push({ browser, browserErrors: [browserErrors], relay });
  await page.goto(`${relay.url}/login`, { waitUntil: "load" });
  await waitForHydration(page);
  await page.getByLabel("Sähköpostiosoite").fill(aino.email);
  await page.getByLabel("Salasana").fill(demoPassword);
  await page.getByLabel("Salasana").press("Enter");
  await page.waitForURL((url) => url.pathname !== "/login");
  return { page, browser, relay };
}

/** Another page in Aino's browser: the same profile, so the same IndexedDB. */
async function anotherAinoPage(browser: Browser): Promise<Page> {
  const { page, browserErrors } = await browser.newPage();
  others[others.length - 1]?.browserErrors.push(browserErrors);
  return page;
}

const editorOf = (page: Page) => page.locator('[data-lexical-editor="true"]');
const statusOf = (page: Page) => page.locator("[data-connection-status]");

/** Opens the document at `baseUrl` and waits until the editor is live and synced. */
async function openDocument(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await page.goto(`${baseUrl}/documents/${documentId}`, { waitUntil: "load" });
  await waitForHydration(page);
  await editorOf(page).and(page.locator('[contenteditable="true"]')).waitFor();
  await editorOf(page).getByText(opening).waitFor();
  await page.getByText("Tallennettu", { exact: true }).waitFor();
}

async function typeAtEnd(page: Page, words: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(words, { delay: 10 });
}

async function waitForText(page: Page, text: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    (needle) =>
      document.querySelector('[data-lexical-editor="true"]')?.textContent?.includes(needle) ??
      false,
    text,
    { timeout, polling: 50 },
  );
}

/** Aino's network goes away: requests fail, `navigator.onLine` is false, her socket drops. */
async function goOffline(page: Page, relay: Relay): Promise<void> {
  await page.context().setOffline(true);
  relay.cut();
  await page.getByText(offlineStatus, { exact: true }).waitFor();
  await statusOf(page).and(page.locator('[data-connection-status="offline"]')).waitFor();
}

async function goOnline(page: Page, relay: Relay): Promise<void> {
  relay.restore();
  await page.context().setOffline(false);
}

/**
 * Whether the editor's copy in this browser's IndexedDB (y-indexeddb, one database per person
 * and document) holds `text`. The stored updates are merged here so typed characters join up.
 */
async function offlineCopyHolds(page: Page, documentId: string, text: string): Promise<boolean> {
  const updates = await page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains("updates")) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction("updates").objectStore("updates").getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve((all.result as Uint8Array[]).map((update) => [...update]));
          };
        };
      }),
    `verkko:${aino.id}:${documentId}`,
  );
  if (updates.length === 0) return false;
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  const merged = Buffer.from(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return merged.includes(Buffer.from(text, "utf8"));
}

async function storedText(documentId: string): Promise<string> {
  const { data, error } = await kalleClient
    .from("documents")
    .select("text")
    .eq("id", documentId)
    .single<{ text: string }>();
  if (error) throw error;
  return data.text;
}

describe("writing without a connection", () => {
  it("keeps what Aino writes offline and delivers it when she is back online", async () => {
    const documentId = await sharedDocument("Etätyöohje – junassa kirjoitettu");
    const ainosWords = "Aino kirjoittaa junassa ilman verkkoa.";
    const kallesWords = "Kalle lisää samaan aikaan kohdan varusteista.";
    const page = session.page;
    await session.signIn(kalle.email);
    await openDocument(page, session.url, documentId);
    const { page: other, relay } = await ainoOnRelay();
    await openDocument(other, relay.url, documentId);

    await goOffline(other, relay);
    await typeAtEnd(other, ainosWords);
    // She looks at another tab and comes back, which makes the page refresh its comments: that
    // must not replace the page (and her unsent words) with an error.
    await other.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await statusOf(other)
      .and(other.getByText(offlineStatus, { exact: true }))
      .waitFor();
    await expectNoSeriousAxeViolations(other, "the document page while offline");

    // Kalle writes meanwhile, and the server has it (his status goes back to saved); Aino's
    // words have not reached him, and his have not reached her.
    await typeAtEnd(page, kallesWords);
    await page.getByText("Tallennettu", { exact: true }).waitFor();
    await expect.poll(() => storedText(documentId), { timeout: 20_000 }).toContain(kallesWords);
    expect(await editorOf(page).textContent()).not.toContain(ainosWords);
    expect(await editorOf(other).textContent()).not.toContain(kallesWords);
    expect(await storedText(documentId)).not.toContain(ainosWords);

    // The network comes back: both see both, in the same order, and the server stores it.
    await goOnline(other, relay);
    await Promise.all([waitForText(page, ainosWords), waitForText(other, kallesWords)]);
    await other.getByText("Tallennettu", { exact: true }).waitFor();
    const kalleText = await editorOf(page).textContent();
    expect(await editorOf(other).textContent()).toBe(kalleText);
    await expect.poll(() => storedText(documentId), { timeout: 20_000 }).toContain(ainosWords);
    expect(await storedText(documentId)).toContain(kallesWords);
  });

  it("keeps Aino's offline words on her device when she closes the page, and sends them later", async () => {
    const documentId = await sharedDocument("Etätyöohje – suljettu välilehti");
    const ainosWords = "Aino sulkee sivun ennen kuin yhteys palaa.";
    const page = session.page;
    await session.signIn(kalle.email);
    await openDocument(page, session.url, documentId);
    const { page: first, browser, relay } = await ainoOnRelay();
    await openDocument(first, relay.url, documentId);

    await goOffline(first, relay);
    await typeAtEnd(first, ainosWords);
    // Closing the page is safe once the browser's copy has her words.
    await expect
      .poll(() => offlineCopyHolds(first, documentId, ainosWords), { timeout: 5_000 })
      .toBe(true);
    await first.close();
    expect(await editorOf(page).textContent()).not.toContain(ainosWords);
    expect(await storedText(documentId)).not.toContain(ainosWords);

    // Back online, she opens the document again in the same browser: the words the server never
    // had come from IndexedDB, and the editor sends them on.
    const second = await anotherAinoPage(browser);
    await goOnline(second, relay);
    await openDocument(second, relay.url, documentId);
    await waitForText(second, ainosWords);
    await waitForText(page, ainosWords);
    expect(await editorOf(second).textContent()).toBe(await editorOf(page).textContent());
    await expect.poll(() => storedText(documentId), { timeout: 20_000 }).toContain(ainosWords);
  });
});
