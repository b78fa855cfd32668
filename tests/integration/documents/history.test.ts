/**
 * A document's history as the demo people use it: an editor names versions and asks for a
 * restore, a viewer only reads the list, someone outside sees nothing — through the app's history
 * module and routes with real supabase-js clients against the embedded API. Last, a restore is
 * applied by the real collab server (persistence, LISTEN, headless Lexical) and the live text
 * returns to the version's.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RestoreStatus } from "~/lib/document-history";
import {
  getComparedText,
  getRestoreStatus,
  listVersions,
  nameVersion,
  requestRestore,
} from "~/lib/document-history.server";
import { getSupabase } from "~/lib/supabase.server";
import { action, loader } from "~/routes/documents.$documentId.history";
import { loader as compareLoader } from "~/routes/documents.$documentId.history_.compare";
import { applyLexicalEdit, textOfState } from "../../../server/collab/headless";
import { type CollabServer, startCollabServer } from "../../../server/collab/index";
import { createDocumentPersistence } from "../../../server/collab/persistence";
import { serverEditsOf } from "../../../server/collab/server-edit-listener";
import type { CollabService } from "../../../server/collab/types";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";
const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
// Members only: Helmi coordinates, Paula is a member; Aino, Kalle and Liisa are not in it.
const integrations = "e0e0e0e0-0000-4000-8000-000000000015";
const kalle = person(2);

const emails: Record<string, string> = {
  aino: "aino.asiantuntija@tampere.example",
  kalle: "kalle.koordinaattori@keha.example",
  helmi: "helmi.hakala@helsinki.example",
  paula: "paula.paakayttaja@keha.example",
};

const firstText = "Käyttövaltuudet\n\nKäyttövaltuudet myönnetään pääkäyttäjän hyväksynnällä.";
const firstHtml =
  "<h2>Käyttövaltuudet</h2><p>Käyttövaltuudet myönnetään pääkäyttäjän hyväksynnällä.</p>";

/** What a Remix loader or action produced: a Response (thrown or returned) or data(). */
async function outcome(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return {
      status: result.status,
      body: result.headers.get("Location") ?? (await result.text()),
    };
  }
  if (result && typeof result === "object" && "type" in result && "data" in result) {
    const init = (result as { init?: { status?: number } | null }).init;
    return { status: init?.status ?? 200, body: (result as { data: unknown }).data };
  }
  throw result;
}

describe.each(availableBackends())("document history on %s", (backend) => {
  let stack: EmbeddedStack;
  let documentId: string;
  const flushed: string[] = [];
  const clients = new Map<string, SupabaseClient>();
  const as = async (who: string) => {
    const existing = clients.get(who);
    if (existing) return existing;
    const client = stack.anonClient();
    const { error } = await client.auth.signInWithPassword({
      email: emails[who] ?? "",
      password: demoPassword,
    });
    expect(error).toBeNull();
    clients.set(who, client);
    return client;
  };
  /** A load context whose collab service only records what it was asked to flush. */
  const loadContext = (collab?: CollabService): AppLoadContext => ({
    supabase: {
      url: stackUrl,
      anonKey: stack.embedded.keys.anonKey,
      fetch: stack.embedded.fetch,
      embedded: true,
      headers: {},
    },
    collab: collab ?? {
      path: "/collab",
      issueToken: async () => "unused",
      flushDocument: async (id) => {
        flushed.push(id);
      },
    },
  });
  /** The live text as the collab server would derive it, written the way it writes it. */
  const setLiveText = async (text: string, html: string) => {
    await stack.db.query(
      `update public.documents set text = $2, html = $3,
         content = jsonb_build_object('root', jsonb_build_object('children', '[]'::jsonb)),
         content_updated_at = now()
       where id = $1`,
      [documentId, text, html],
    );
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
    const helmiClient = await as("helmi");
    const created = await helmiClient.rpc("create_document", {
      title: "Rajapintojen käyttövaltuuksien hallinta",
      kind: "guidance",
      network_id: integrations,
      initial_html: firstHtml,
    });
    expect(created.error).toBeNull();
    documentId = created.data as string;
    const granted = await helmiClient.rpc("grant_document_permission", {
      document_id: documentId,
      level: "view",
      user_id: kalle,
    });
    expect(granted.error).toBeNull();
    await setLiveText(firstText, firstHtml);
  });
  afterAll(() => stack.close());

  it("names the current text as a version after flushing the live state", async () => {
    flushed.length = 0;
    const named = await nameVersion(
      await as("helmi"),
      loadContext(),
      documentId,
      "Lausuntokierrokselle",
    );
    expect("id" in named).toBe(true);
    expect(flushed).toEqual([documentId]);
    const { versions, pageCount } = await listVersions(await as("helmi"), documentId, 1, "fi");
    expect(pageCount).toBe(1);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      number: 1,
      kind: "named",
      name: "Lausuntokierrokselle",
      creatorName: "Helmi Hakala",
      contributorNames: [],
      restoredFromNumber: null,
    });
    expect(versions[0]?.createdAt.text).toMatch(/2\d{3}/);
    const compared = await getComparedText(
      await as("helmi"),
      loadContext(),
      documentId,
      versions[0]?.id ?? "",
      "fi",
    );
    expect(compared).toMatchObject({ number: 1, kind: "named", text: firstText });
  });

  it("lists versions for a viewer without editing controls, and nothing for an outsider", async () => {
    expect((await listVersions(await as("kalle"), documentId, 1, "fi")).versions).toHaveLength(1);
    expect((await listVersions(await as("aino"), documentId, 1, "fi")).versions).toEqual([]);

    const viewer = await outcome(() => callLoader("kalle"));
    expect(viewer.status).toBe(200);
    expect(viewer.body).toMatchObject({ canEdit: false, versions: [{ number: 1 }] });
    const editor = await outcome(() => callLoader("helmi"));
    expect(editor.body).toMatchObject({ canEdit: true });
    expect((await outcome(() => callLoader("aino"))).status).toBe(404);
    expect((await outcome(() => callLoader("helmi", "", "not-a-uuid"))).status).toBe(404);
  });

  it("refuses to let a viewer name or restore a version", async () => {
    const refused = await nameVersion(await as("kalle"), loadContext(), documentId, "Minun");
    expect("error" in refused && refused.error.code).toBe("42501");
    const { versions } = await listVersions(await as("helmi"), documentId, 1, "fi");
    const first = versions[0]?.id ?? "";
    const restore = await requestRestore(
      await as("kalle"),
      loadContext(),
      documentId,
      first,
      "Ennen palautusta",
    );
    expect("error" in restore && restore.error.code).toBe("42501");
    const direct = await (await as("kalle")).rpc("restore_document_version", {
      version_id: first,
    });
    expect(direct.error?.code).toBe("42501");
    // An outsider learns nothing: the version is simply not there.
    const outsider = await (await as("aino")).rpc("restore_document_version", {
      version_id: first,
    });
    expect(outsider.error?.code).toBe("P0002");
    const { rows } = await stack.db.query("select 1 from public.document_restores");
    expect(rows).toHaveLength(0);

    const viaRoute = await outcome(() => callAction("kalle", { intent: "name", name: "Minun" }));
    expect(viaRoute.status).toBe(403);
    expect(viaRoute.body).toMatchObject({ formError: "forbidden", name: "Minun" });
  });

  it("gives a missing or overlong name back next to the field, with what was typed", async () => {
    const empty = await outcome(() => callAction("helmi", { intent: "name", name: "   " }));
    expect(empty).toMatchObject({ status: 400, body: { fieldError: "required" } });
    const long = "ä".repeat(201);
    const overlong = await outcome(() => callAction("helmi", { intent: "name", name: long }));
    expect(overlong).toMatchObject({ status: 400, body: { fieldError: "tooLong", name: long } });
    const saved = await outcome(() =>
      callAction("helmi", { intent: "name", name: "Hyväksytty versio" }),
    );
    expect(saved.status).toBe(302);
    expect(String(saved.body)).toMatch(/\/history\?named=[0-9a-f-]{36}$/);
  });

  it("keeps the text being replaced as a version before asking for a restore", async () => {
    const editor = await as("helmi");
    const { versions } = await listVersions(editor, documentId, 1, "fi");
    const first = versions.find((version) => version.number === 1);
    const before = versions.length;
    await setLiveText(`${firstText}\n\nUusi kappale.`, `${firstHtml}<p>Uusi kappale.</p>`);

    const requested = await requestRestore(
      editor,
      loadContext(),
      documentId,
      first?.id ?? "",
      "Ennen palautusta",
    );
    if (!("restoreId" in requested)) throw new Error(`restore refused: ${requested.error.code}`);
    const after = await listVersions(editor, documentId, 1, "fi");
    expect(after.versions).toHaveLength(before + 1);
    expect(after.versions[0]).toMatchObject({ kind: "named", name: "Ennen palautusta" });
    expect(await getRestoreStatus(editor, documentId, requested.restoreId)).toEqual({
      state: "pending",
      versionNumber: 1,
    } satisfies RestoreStatus);
    // Nothing new since that version: asking again keeps no duplicate.
    const again = await requestRestore(editor, loadContext(), documentId, first?.id ?? "", "X");
    expect("restoreId" in again).toBe(true);
    expect((await listVersions(editor, documentId, 1, "fi")).versions).toHaveLength(before + 1);
    // Another document's restore id is no answer here.
    expect(await getRestoreStatus(await as("kalle"), documentId, crypto.randomUUID())).toBeNull();
  });

  it("compares two versions on the compare page, and 404s for a version that is not there", async () => {
    const { versions } = await listVersions(await as("helmi"), documentId, 1, "fi");
    const first = versions.find((version) => version.number === 1)?.id ?? "";
    const compared = await outcome(() =>
      compareLoader({
        request: new Request(
          `http://127.0.0.1:3000/documents/${documentId}/history/compare?from=${first}&to=current`,
          { headers: { Cookie: cookies.get("kalle") ?? "" } },
        ),
        context: loadContext(),
        params: { documentId },
      }),
    );
    expect(compared.status).toBe(200);
    expect(compared.body).toMatchObject({
      comparison: {
        from: { number: 1, kind: "named" },
        to: { kind: "current" },
        diff: {
          identical: false,
          summary: { paragraphsChanged: 1, wordsAdded: 2, wordsRemoved: 0 },
        },
      },
    });
    const missing = await outcome(() =>
      compareLoader({
        request: new Request(
          `http://127.0.0.1:3000/documents/${documentId}/history/compare?from=${crypto.randomUUID()}&to=current`,
          { headers: { Cookie: cookies.get("kalle") ?? "" } },
        ),
        context: loadContext(),
        params: { documentId },
      }),
    );
    expect(missing.status).toBe(404);
  });

  it("lists the content frozen for a review as a version of its own kind, to compare like any other", async () => {
    const helmi = await as("helmi");
    const created = await helmi.rpc("create_document", {
      title: "Tunnusten poistaminen työsuhteen päättyessä",
      kind: "guidance",
      network_id: integrations,
      initial_html: "<p>Tunnukset poistetaan viimeisenä työpäivänä.</p>",
    });
    expect(created.error).toBeNull();
    const id = created.data as string;
    await stack.db.query(
      "update public.documents set text = 'Tunnukset poistetaan viimeisenä työpäivänä.' where id = $1",
      [id],
    );
    const submitted = await helmi.rpc("submit_document", {
      document_id: id,
      change_summary: "Ensimmäinen versio",
    });
    expect(submitted.error).toBeNull();

    const { versions } = await listVersions(helmi, id, 1, "fi");
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, kind: "frozen", creatorName: "Helmi Hakala" });
    const compared = await getComparedText(helmi, loadContext(), id, versions[0]?.id ?? "", "fi");
    expect(compared).toMatchObject({
      number: 1,
      kind: "frozen",
      text: "Tunnukset poistetaan viimeisenä työpäivänä.",
    });
  });

  // Cookie sessions for the routes, as a browser would hold them.
  const cookies = new Map<string, string>();
  const cookieOf = async (who: string) => {
    const existing = cookies.get(who);
    if (existing) return existing;
    const supabase = getSupabase(new Request("http://127.0.0.1:3000/login"), loadContext());
    const { error } = await supabase.client.auth.signInWithPassword({
      email: emails[who] ?? "",
      password: demoPassword,
    });
    expect(error).toBeNull();
    const cookie = supabase.headers
      .getSetCookie()
      .map((line) => line.slice(0, line.indexOf(";")))
      .join("; ");
    cookies.set(who, cookie);
    return cookie;
  };
  const callLoader = async (who: string, query = "", id = documentId) =>
    loader({
      request: new Request(`http://127.0.0.1:3000/documents/${id}/history${query}`, {
        headers: { Cookie: await cookieOf(who) },
      }),
      context: loadContext(),
      params: { documentId: id },
    });
  const callAction = async (who: string, fields: Record<string, string>) => {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    return action({
      request: new Request(`http://127.0.0.1:3000/documents/${documentId}/history`, {
        method: "POST",
        headers: { Cookie: await cookieOf(who) },
        body,
      }),
      context: loadContext(),
      params: { documentId },
    });
  };

  describe("with the collab server", () => {
    let collab: CollabServer;

    beforeAll(async () => {
      collab = await startCollabServer({
        db: stack.db,
        jwtSecret: developmentJwtSecret,
        persistence: createDocumentPersistence(stack.db),
        startServerEdits: serverEditsOf(stack.db),
      });
    });
    afterAll(() => collab?.close());

    it("brings a version's text back into the live document as a new change", async () => {
      const editor = await as("paula");
      const created = await editor.rpc("create_document", {
        title: "Palautuskoe",
        network_id: integrations,
        initial_html: "<p>Alkuperäinen ohje.</p>",
      });
      expect(created.error).toBeNull();
      const id = created.data as string;
      const context = loadContext(collab.service);
      const liveText = async () => {
        await collab.service.flushDocument(id);
        const { rows } = await stack.db.query<{ text: string }>(
          "select text from public.documents where id = $1",
          [id],
        );
        return rows[0]?.text;
      };

      // Someone has the document open and writes a paragraph while it is live.
      const open = await collab.openDocument(id);
      try {
        expect(await liveText()).toBe("Alkuperäinen ohje.");
        const named = await nameVersion(editor, context, id, "Alkuperäinen");
        if (!("id" in named)) throw new Error(`naming refused: ${named.error.code}`);
        applyLexicalEdit(open.doc, () => {
          $getRoot().append($createParagraphNode().append($createTextNode("Lisätty myöhemmin.")));
        });
        expect(await liveText()).toBe("Alkuperäinen ohje.\n\nLisätty myöhemmin.");

        const requested = await requestRestore(editor, context, id, named.id, "Ennen palautusta");
        if (!("restoreId" in requested)) throw new Error(`refused: ${requested.error.code}`);
        await expect
          .poll(async () => (await getRestoreStatus(editor, id, requested.restoreId))?.state, {
            timeout: 10_000,
            interval: 100,
          })
          .toBe("applied");
        expect(await liveText()).toBe("Alkuperäinen ohje.");
        // The room's own doc has it too: the restore was an edit of the live state.
        expect(textOfState(Y.encodeStateAsUpdate(open.doc))).toBe("Alkuperäinen ohje.");
      } finally {
        open.release();
      }

      const { versions } = await listVersions(editor, id, 1, "fi");
      const kinds = versions.map((version) => [version.number, version.kind, version.name]);
      // Newest first: the restore, the state it replaced, the named original.
      expect(kinds[0]).toEqual([versions.length, "restore", null]);
      expect(versions[0]?.restoredFromNumber).toBe(1);
      expect(kinds).toContainEqual([2, "named", "Ennen palautusta"]);
      expect(kinds.at(-1)).toEqual([1, "named", "Alkuperäinen"]);
      const replaced = await getComparedText(editor, context, id, versions[1]?.id ?? "", "fi");
      expect(replaced?.text).toBe("Alkuperäinen ohje.\n\nLisätty myöhemmin.");
    });
  });
});
