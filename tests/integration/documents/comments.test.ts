/**
 * Comments on a co-edited document as the demo people use them: a commenter comments on a
 * passage and mentions colleagues, an editor replies, the commenter resolves the thread, a
 * viewer is refused — through the app's comments module with real supabase-js clients against
 * the embedded API, and through the comments resource route with a signed-in cookie session.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbErrorKey, statusForDbError } from "~/lib/db-errors";
import {
  type CommentActionResult,
  type CommentsPayload,
  type PeoplePayload,
  parseCommentForm,
} from "~/lib/document-comment-form";
import {
  applyCommentAction,
  documentAccess,
  listCommentThreads,
  searchMentionPeople,
} from "~/lib/document-comments.server";
import { getSupabase } from "~/lib/supabase.server";
import { action, loader } from "~/routes/documents.$documentId.comments";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";
const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
// Members only: Helmi coordinates, Paula is a member; Aino, Kalle and Liisa are not in it.
const integrations = "e0e0e0e0-0000-4000-8000-000000000015";
const aino = person(1);
const kalle = person(2);
const liisa = person(3);
const paula = person(5);
const sanna = person(7);
const helmi = person(9);

const emails: Record<string, string> = {
  aino: "aino.asiantuntija@tampere.example",
  kalle: "kalle.koordinaattori@keha.example",
  liisa: "liisa.lakimies@kuntaliitto.example",
  helmi: "helmi.hakala@helsinki.example",
  paula: "paula.paakayttaja@keha.example",
};

describe.each(availableBackends())("document comments on %s", (backend) => {
  let stack: EmbeddedStack;
  let documentId: string;
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
  const comment = async (
    who: string,
    fields: { quote: string; quoteOffset: number; body: string; mentions?: string[] },
  ) => {
    const done = await applyCommentAction(await as(who), documentId, {
      intent: "createThread",
      mentions: [],
      ...fields,
    });
    if ("error" in done) throw new Error(`commenting failed: ${done.error.message}`);
    if (!done.id) throw new Error("no thread id");
    return done.id;
  };
  const threadsOf = async (who: string, userId: string) => {
    const client = await as(who);
    const access = await documentAccess(client, documentId);
    if (!access) throw new Error(`${who} cannot see the document`);
    return listCommentThreads(client, documentId, userId, access, "fi");
  };
  const mentionNotifications = async (who: string) => {
    const { data, error } = await (await as(who))
      .from("notifications")
      .select("kind, link")
      .eq("kind", "mention")
      .eq("link", `/documents/${documentId}`);
    expect(error).toBeNull();
    return data ?? [];
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
    const helmiClient = await as("helmi");
    const created = await helmiClient.rpc("create_document", {
      title: "Rajapintojen käyttövaltuuksien hallinta",
      kind: "guidance",
      network_id: integrations,
      initial_html:
        "<h2>Käyttövaltuudet</h2><p>Käyttövaltuudet myönnetään työllisyysalueen pääkäyttäjän hyväksynnällä.</p>",
    });
    expect(created.error).toBeNull();
    documentId = created.data as string;
    for (const [userId, level] of [
      [aino, "comment"],
      [kalle, "view"],
    ] as const) {
      const granted = await helmiClient.rpc("grant_document_permission", {
        document_id: documentId,
        level,
        user_id: userId,
      });
      expect(granted.error).toBeNull();
    }
  });
  afterAll(() => stack.close());

  it("sees who may do what as the database says", async () => {
    expect(await documentAccess(await as("helmi"), documentId)).toBe("edit");
    expect(await documentAccess(await as("paula"), documentId)).toBe("edit");
    expect(await documentAccess(await as("aino"), documentId)).toBe("comment");
    expect(await documentAccess(await as("kalle"), documentId)).toBe("view");
    expect(await documentAccess(await as("liisa"), documentId)).toBeNull();
    expect(await documentAccess(await as("liisa"), "not-a-uuid")).toBeNull();
  });

  it("lets a commenter comment on a passage, tells the collab server, and notifies only mentioned readers", async () => {
    const announced: string[] = [];
    const stop = await stack.db.listen("verkko_document_comment", (payload) => {
      announced.push(payload);
    });
    const threadId = await comment("aino", {
      quote: "pääkäyttäjän hyväksynnällä",
      quoteOffset: 55,
      body: "Riittääkö sähköpostihyväksyntä, vai tarvitaanko lomake?",
      mentions: [helmi, liisa],
    });
    await expect.poll(() => announced).toContain(threadId);
    await stop();

    const [thread] = (await threadsOf("helmi", helmi)).filter((row) => row.id === threadId);
    expect(thread).toMatchObject({
      quote: "pääkäyttäjän hyväksynnällä",
      quoteOffset: 55,
      body: "Riittääkö sähköpostihyväksyntä, vai tarvitaanko lomake?",
      author: { name: "Aino Asiantuntija", organisation: "Tampereen työllisyysalue" },
      authorId: aino,
      anchoredAt: null,
      resolved: null,
      replies: [],
      // Helmi is an editor: she may delete others' comments but edit only her own.
      canEdit: false,
      canDelete: true,
    });
    expect(thread?.mentions.map((mention) => mention.name).sort()).toEqual([
      "Helmi Hakala",
      "Liisa Lakimies",
    ]);
    // Liisa may not read the document, so the mention does not reach her.
    expect(await mentionNotifications("helmi")).toHaveLength(1);
    expect(await mentionNotifications("liisa")).toHaveLength(0);
  });

  it("threads replies and lets a commenter resolve and reopen", async () => {
    const threadId = await comment("aino", {
      quote: "Käyttövaltuudet",
      quoteOffset: 0,
      body: "Otsikko voisi olla tarkempi.",
    });
    const replied = await applyCommentAction(await as("paula"), documentId, {
      intent: "reply",
      threadId,
      body: "Samaa mieltä, @Aino: ehdota muotoilua.",
      mentions: [aino],
    });
    expect(replied).toMatchObject({ id: expect.any(String) });
    expect(await mentionNotifications("aino")).toHaveLength(1);

    expect(
      await applyCommentAction(await as("aino"), documentId, { intent: "resolve", threadId }),
    ).toEqual({ id: threadId });
    let thread = (await threadsOf("aino", aino)).find((row) => row.id === threadId);
    expect(thread?.replies.map((reply) => reply.author.name)).toEqual(["Paula Pääkäyttäjä"]);
    expect(thread?.resolved?.byName).toBe("Aino Asiantuntija");
    expect(thread).toMatchObject({ canEdit: true, canDelete: true });
    expect(thread?.replies[0]).toMatchObject({ canEdit: false, canDelete: false });

    await applyCommentAction(await as("helmi"), documentId, { intent: "reopen", threadId });
    thread = (await threadsOf("kalle", kalle)).find((row) => row.id === threadId);
    expect(thread?.resolved).toBeNull();
    // A viewer reads everything but is offered no controls.
    expect(thread).toMatchObject({ canEdit: false, canDelete: false });
  });

  it("refuses a viewer's comment and someone else's edit with 42501, and lets an editor delete", async () => {
    const byViewer = await applyCommentAction(await as("kalle"), documentId, {
      intent: "createThread",
      quote: "Käyttövaltuudet",
      quoteOffset: 0,
      body: "Minäkin haluaisin kommentoida.",
      mentions: [],
    });
    expect("error" in byViewer && byViewer.error.code).toBe("42501");
    if ("error" in byViewer) expect(statusForDbError[dbErrorKey(byViewer.error)]).toBe(403);

    const threadId = await comment("aino", {
      quote: "työllisyysalueen",
      quoteOffset: 44,
      body: "Tarkoitetaanko myös kuntia?",
    });
    const edited = await applyCommentAction(await as("paula"), documentId, {
      intent: "edit",
      commentId: threadId,
      body: "Muutettu toisen puolesta",
    });
    expect("error" in edited && edited.error.code).toBe("42501");
    expect(
      await applyCommentAction(await as("aino"), documentId, {
        intent: "edit",
        commentId: threadId,
        body: "Tarkoitetaanko myös kuntien omia järjestelmiä?",
      }),
    ).toEqual({ id: threadId });
    expect(
      await applyCommentAction(await as("paula"), documentId, {
        intent: "delete",
        commentId: threadId,
      }),
    ).toEqual({ id: null });
    expect((await threadsOf("aino", aino)).some((row) => row.id === threadId)).toBe(false);
  });

  it("finds people to mention by name, with their organisation, never the deactivated", async () => {
    const found = await searchMentionPeople(await as("aino"), "hel", aino, "fi");
    expect(found).toContainEqual({
      userId: helmi,
      name: "Helmi Hakala",
      organisation: expect.any(String),
    });
    expect((await searchMentionPeople(await as("aino"), "a", aino, "fi")).length).toBe(0);
    const everyone = await searchMentionPeople(await as("aino"), "as", aino, "fi");
    expect(everyone.map((row) => row.userId)).not.toContain(aino);
    expect(everyone.map((row) => row.userId)).not.toContain(sanna);
    // ilike wildcards in the search are literal.
    expect(await searchMentionPeople(await as("aino"), "%%", aino, "fi")).toEqual([]);
  });

  it("checks the form before the database sees it", () => {
    expect(
      parseCommentForm({ intent: "createThread", quote: "  ", quoteOffset: "3", body: "" }),
    ).toEqual({ success: false, fieldErrors: { quote: "quoteRequired", body: "bodyRequired" } });
    expect(
      parseCommentForm({
        intent: "createThread",
        quote: "x".repeat(1001),
        quoteOffset: "0",
        body: "ok",
      }),
    ).toEqual({ success: false, fieldErrors: { quote: "quoteTooLong" } });
    expect(
      parseCommentForm({ intent: "reply", threadId: "nope", body: "ok", mentions: [] }),
    ).toMatchObject({ success: false });
    expect(
      parseCommentForm({
        intent: "reply",
        threadId: documentId,
        body: "  vastaus  ",
        mentions: [helmi, helmi, "garbage"],
      }),
    ).toEqual({
      success: true,
      data: { intent: "reply", threadId: documentId, body: "vastaus", mentions: [helmi] },
    });
  });

  describe("through the resource route", () => {
    const loadContext = (): AppLoadContext => ({
      supabase: {
        url: stackUrl,
        anonKey: stack.embedded.keys.anonKey,
        fetch: stack.embedded.fetch,
        embedded: true,
        headers: {},
      },
    });
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
    const request = async (who: string, path: string, form?: Record<string, string | string[]>) => {
      const headers = new Headers({ Cookie: await cookieOf(who) });
      let body: FormData | undefined;
      if (form) {
        body = new FormData();
        for (const [key, value] of Object.entries(form)) {
          for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
        }
      }
      return new Request(`http://127.0.0.1:3000${path}`, {
        method: form ? "POST" : "GET",
        headers,
        body,
      });
    };
    const call = async (
      who: string,
      form?: Record<string, string | string[]>,
      query = "",
      id = documentId,
    ) => {
      const args = {
        request: await request(who, `/documents/${id}/comments${query}`, form),
        context: loadContext(),
        params: { documentId: id },
      };
      const response = (await (form ? action(args) : loader(args))) as Response;
      return { status: response.status, body: await response.json() };
    };

    it("lists threads as JSON, and 404 for someone who may not see the document", async () => {
      const listed = await call("kalle");
      expect(listed.status).toBe(200);
      const payload = listed.body as CommentsPayload;
      expect(payload.access).toBe("view");
      expect(payload.threads.length).toBeGreaterThan(0);
      expect(payload.threads[0]?.created.text).toMatch(/\d{4}/);
      expect((await call("liisa")).status).toBe(404);
      expect((await call("liisa", undefined, "", "not-a-uuid")).status).toBe(404);
    });

    it("creates a thread and answers a viewer with 403 and a Finnish message", async () => {
      const created = await call("aino", {
        intent: "createThread",
        quote: "myönnetään",
        quoteOffset: "32",
        body: "Kuka myöntää sijaisuuksien ajaksi?",
        mentions: [paula],
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ ok: true, intent: "createThread" });
      const threadId = (created.body as { id: string }).id;
      expect((await call("helmi")).body.threads.map((row: { id: string }) => row.id)).toContain(
        threadId,
      );

      const refused = await call("kalle", { intent: "resolve", threadId });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        ok: false,
        intent: "resolve",
        fieldErrors: {},
        formError: "Sinulla ei ole oikeutta tehdä tätä.",
      } satisfies CommentActionResult);
    });

    it("gives field errors back in words", async () => {
      const invalid = await call("aino", {
        intent: "createThread",
        quote: "myönnetään",
        quoteOffset: "32",
        body: "   ",
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual({
        ok: false,
        intent: "createThread",
        fieldErrors: { body: "Kirjoita kommentti." },
        formError: null,
      });
    });

    it("searches people to mention", async () => {
      const found = await call("aino", undefined, "?people=paula");
      expect(found.status).toBe(200);
      expect((found.body as PeoplePayload).people.map((row) => row.userId)).toEqual([paula]);
    });
  });
});
