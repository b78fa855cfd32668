/**
 * A document's history as a coordinator would use it: Kalle names the first draft, writes more in
 * the live editor, compares the draft with the current text (the new words are marked inserted),
 * restores the draft, and the editor shows the draft's text again. axe checks the history and
 * compare pages on the way.
 */
import { createClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { demoPassword, withServerAndBrowser } from "../helpers/e2e-session";

const kalle = "kalle.koordinaattori@keha.example";
// The national unemployment-security network, which Kalle coordinates.
const national = "e0e0e0e0-0000-4000-8000-000000000001";
const draftText = "Työttömyysetuuden hakijalle kerrotaan omaehtoisen opiskelun ehdoista.";
const addedWords = "Ohjeistus koskee myös lyhytkursseja.";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** Kalle's new document in his network, created through the API as the app's form would. */
async function createDocument(): Promise<string> {
  const keys = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, keys.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const signedIn = await client.auth.signInWithPassword({ email: kalle, password: demoPassword });
  expect(signedIn.error).toBeNull();
  const created = await client.rpc("create_document", {
    title: "Omaehtoinen opiskelu – soveltamisohje",
    kind: "guidance",
    network_id: national,
    initial_html: `<p>${draftText}</p>`,
  });
  expect(created.error).toBeNull();
  return created.data as string;
}

/** The live editor once it has replaced the server-rendered text and accepts typing. */
async function liveEditor() {
  const editor = page.locator('[contenteditable="true"]').first();
  await editor.waitFor();
  return editor;
}

describe("a document's version history", () => {
  it("names a version, compares it with later edits and restores it", async () => {
    const documentId = await createDocument();
    await session.signIn(kalle);

    // Kalle reads the draft in the editor first (its first opening builds the live state).
    await session.open(`/documents/${documentId}`);
    await expect.poll(async () => (await liveEditor()).textContent()).toContain(draftText);

    // Name the first draft.
    await session.open(`/documents/${documentId}/history`);
    await page.getByRole("heading", { level: 2, name: "Versiohistoria" }).waitFor();
    await page.getByText("Asiakirjasta ei ole vielä versioita").waitFor();
    await expectNoSeriousAxeViolations(page, "the empty version history");
    await page.getByRole("button", { name: "Tallenna nimetty versio" }).click();
    await page.getByRole("alert").getByText("Tämä tieto on pakollinen.").waitFor();
    await page.getByLabel("Version nimi").fill("Ensimmäinen luonnos");
    await page.getByRole("button", { name: "Tallenna nimetty versio" }).click();
    await page.getByText("tallennettiin versioksi nimellä ”Ensimmäinen luonnos”").waitFor();
    await page.getByRole("rowheader", { name: "Versio 1" }).waitFor();
    expect(await page.getByLabel("Version nimi").inputValue()).toBe("");

    // Write more in the live editor.
    await session.open(`/documents/${documentId}`);
    const editor = await liveEditor();
    await expect.poll(() => editor.textContent()).toContain(draftText);
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(addedWords);
    await expect.poll(() => editor.textContent()).toContain(addedWords);
    await page.getByText("Tallennettu", { exact: true }).waitFor();

    // Compare the draft with the current text.
    await session.open(`/documents/${documentId}/history`);
    await expectNoSeriousAxeViolations(page, "the version history");
    await page.getByLabel("Vertaa alkaen: Versio 1").check();
    await page.getByLabel("Vertaa päättyen: Nykyinen teksti").check();
    await page.getByRole("button", { name: "Vertaa valittuja versioita" }).click();
    await page.getByRole("heading", { level: 2, name: "Versioiden vertailu" }).waitFor();
    expect(await page.getByTestId("diff-summary").textContent()).toBe(
      "1 kappale muuttunut, 4 sanaa lisätty, 0 poistettu",
    );
    const inserted = page.locator("ins").filter({ hasText: addedWords });
    expect(await inserted.textContent()).toBe(`Lisätty: ${addedWords}`);
    await page.getByText("1 muuttumaton kappale").click();
    await page.getByText(draftText).waitFor();
    await expectNoSeriousAxeViolations(page, "the comparison");

    // Restore the draft: the text being replaced is kept as a version of its own.
    await page.getByRole("link", { name: "Takaisin versiohistoriaan" }).click();
    await page.getByRole("link", { name: "Palauta versio 1" }).click();
    await page.getByRole("heading", { name: "Palautetaanko versio 1?" }).waitFor();
    await page.getByRole("button", { name: "Palauta versio 1" }).click();
    await page.getByText("Versio 1 palautettiin.").waitFor({ timeout: 15_000 });
    await page.getByRole("cell", { name: "Palautus versiosta 1" }).waitFor();
    await page.getByText("Ennen palautusta").waitFor();

    // The editor has the draft's text again.
    await session.open(`/documents/${documentId}`);
    const restored = await liveEditor();
    await expect.poll(() => restored.textContent()).toContain(draftText);
    expect(await restored.textContent()).not.toContain(addedWords);
  });
});
