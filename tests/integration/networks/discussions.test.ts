/**
 * Discussions as the demo people live them: posting, replying, reactions, accepted answers and
 * mentions, with the database deciding who may do what — through the real supabase-js against
 * the embedded API, on every backend, and partly through the app's own discussions module.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createReply,
  createThread,
  deleteReply,
  getThread,
  listThreads,
  markAnswer,
  mentionCandidates,
  setReaction,
  updateThread,
} from "~/lib/discussions.server";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";
const network = (n: number) => `e0e0e0e0-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
// Network 1 (readable by all signed-in users): Kalle coordinates, Aino and Helmi are members,
// Liisa observes, Sanna (deactivated by Tampere) is still on the list. Paula is not in it.
const national = network(1);
// Members only: Helmi coordinates, Paula is a member; Aino is not in it.
const integrations = network(15);
const archived = network(9); // Kalle coordinates
const aino = person(1);
const kalle = person(2);
const paula = person(5);
const sanna = person(7);
const helmi = person(9);

const body = (text: string) => ({ html: `<p>${text}</p>`, text });

describe.each(availableBackends())("discussions on %s", (backend) => {
  let stack: EmbeddedStack;
  const clients = new Map<string, SupabaseClient>();
  const as = async (who: string) => {
    const email = {
      aino: "aino.asiantuntija@tampere.example",
      kalle: "kalle.koordinaattori@keha.example",
      liisa: "liisa.lakimies@kuntaliitto.example",
      helmi: "helmi.hakala@helsinki.example",
      paula: "paula.paakayttaja@keha.example",
    }[who];
    if (!email) throw new Error(`no demo person ${who}`);
    const existing = clients.get(email);
    if (existing) return existing;
    const client = stack.anonClient();
    const { error } = await client.auth.signInWithPassword({ email, password: demoPassword });
    expect(error).toBeNull();
    clients.set(email, client);
    return client;
  };
  const newThread = async (
    who: string,
    fields: { title: string; kind?: "discussion" | "question"; mentions?: string[] },
    networkId = national,
  ) => {
    const created = await createThread(
      await as(who),
      networkId,
      { kind: "discussion", mentions: [], ...fields },
      body(`${fields.title}: tausta ja kysymys.`),
    );
    if ("error" in created) throw new Error(`creating a thread failed: ${created.error.message}`);
    return created.id;
  };
  const newReply = async (who: string, threadId: string, text: string, mentions: string[] = []) => {
    const created = await createReply(await as(who), threadId, mentions, body(text));
    if ("error" in created) throw new Error(`replying failed: ${created.error.message}`);
    return created.id;
  };
  const notificationsOf = async (who: string, kind: string, threadId: string) => {
    const { data, error } = await (await as(who))
      .from("notifications")
      .select("kind, link")
      .eq("kind", kind)
      .like("link", `%${threadId}%`);
    expect(error).toBeNull();
    return data ?? [];
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => stack.close());

  it("lets a member start a thread that the network's readers see first in the list", async () => {
    const threadId = await newThread("aino", { title: "Palkkatuen hakemusten käsittelyajat" });
    const page = await listThreads(await as("paula"), national, "all", 1, "fi");
    expect(page.threads[0]).toMatchObject({
      id: threadId,
      kind: "discussion",
      title: "Palkkatuen hakemusten käsittelyajat",
      answered: false,
      replyCount: 0,
      author: { name: "Aino Asiantuntija", organisation: "Tampereen työllisyysalue" },
    });
    expect(page.total).toBeGreaterThanOrEqual(1);
    const { data } = await (await as("aino"))
      .from("discussion_threads")
      .select("author_id, edited_at")
      .eq("id", threadId)
      .single();
    expect(data).toEqual({ author_id: aino, edited_at: null });
  });

  it("keeps only mentions of the network's active members, and notifies them", async () => {
    const garbage = "00000000-0000-4000-8000-000000000000";
    const threadId = await newThread("aino", {
      title: "Kuka tuntee muutosturvan uudet ohjeet?",
      mentions: [helmi, sanna, paula, garbage, kalle],
    });
    const { data } = await (await as("kalle"))
      .from("discussion_threads")
      .select("mentions")
      .eq("id", threadId)
      .single();
    expect([...(data?.mentions ?? [])].sort()).toEqual([kalle, helmi].sort());
    expect(await notificationsOf("helmi", "mention", threadId)).toHaveLength(1);
    expect(await notificationsOf("paula", "mention", threadId)).toHaveLength(0);

    // The picker offers the same people: active members but the author.
    const offered = (await mentionCandidates(await as("aino"), national, aino, "fi")).map(
      (candidate) => candidate.userId,
    );
    expect(offered).toContain(helmi);
    expect(offered).toContain(kalle);
    expect(offered).not.toContain(aino);
    expect(offered).not.toContain(sanna);
    expect(offered).not.toContain(paula);

    const shown = await getThread(await as("helmi"), national, threadId, helmi, "fi");
    expect(shown?.thread.mentions.map((mention) => mention.name).sort()).toEqual([
      "Helmi Hakala",
      "Kalle Koordinaattori",
    ]);
  });

  it("counts replies, moves the thread's activity and notifies the asker", async () => {
    const threadId = await newThread("aino", { title: "Starttirahan harkinta sivutoimisena" });
    const replyId = await newReply("helmi", threadId, "Meillä harkitaan tapauskohtaisesti.");
    await newReply("kalle", threadId, "KEHA-keskuksen ohje päivitetään keväällä.");
    const shown = await getThread(await as("aino"), national, threadId, aino, "fi");
    expect(shown?.thread.replyCount).toBe(2);
    expect(shown?.replies.map((reply) => reply.author.name)).toEqual([
      "Helmi Hakala",
      "Kalle Koordinaattori",
    ]);
    expect(shown?.replies[0]?.id).toBe(replyId);
    const reached = await notificationsOf("aino", "reply", threadId);
    expect(reached.length).toBe(2);
    expect(reached.map((row) => row.link)).toContain(
      `/networks/tyottomyysturvan-asiantuntijaverkosto/discussions/${threadId}#reply-${replyId}`,
    );
    // Helmi replied before Kalle: his reply reaches her as a participant.
    expect(await notificationsOf("helmi", "reply", threadId)).toHaveLength(1);
  });

  it("sanitises stored HTML again on the way out", async () => {
    const client = await as("aino");
    const { data, error } = await client
      .from("discussion_threads")
      .insert({
        network_id: national,
        title: "Suoraan rajapinnan kautta",
        body_html: '<p onclick="alert(1)">Hei<script>alert(2)</script></p>',
        body_text: "Hei",
      })
      .select("id")
      .single();
    expect(error).toBeNull();
    const shown = await getThread(client, national, data?.id ?? "", aino, "fi");
    expect(shown?.thread.bodyHtml).toBe("<p>Hei</p>");
  });

  it("toggles a reaction: once per person and kind, taken back only by its owner", async () => {
    const threadId = await newThread("aino", { title: "Kiitos koulutuksesta" });
    const kalleClient = await as("kalle");
    expect(await setReaction(kalleClient, kalle, threadId, null, "thumbs_up", true)).toBeNull();
    // Asking again for what is already so changes nothing and is no error.
    expect(await setReaction(kalleClient, kalle, threadId, null, "thumbs_up", true)).toBeNull();
    expect(
      await setReaction(await as("helmi"), helmi, threadId, null, "thumbs_up", true),
    ).toBeNull();
    const counted = async (who: string, userId: string) =>
      (await getThread(await as(who), national, threadId, userId, "fi"))?.thread.reactions.find(
        (reaction) => reaction.kind === "thumbs_up",
      );
    expect(await counted("kalle", kalle)).toEqual({ kind: "thumbs_up", count: 2, mine: true });

    // Helmi cannot take Kalle's reaction back: the policy keeps it.
    const { data: removed } = await (await as("helmi"))
      .from("discussion_reactions")
      .delete()
      .eq("thread_id", threadId)
      .eq("user_id", kalle)
      .select("id");
    expect(removed).toEqual([]);
    expect(await counted("aino", aino)).toEqual({ kind: "thumbs_up", count: 2, mine: false });

    expect(await setReaction(kalleClient, kalle, threadId, null, "thumbs_up", false)).toBeNull();
    expect(await setReaction(kalleClient, kalle, threadId, null, "thumbs_up", false)).toBeNull();
    expect(await counted("kalle", kalle)).toEqual({ kind: "thumbs_up", count: 1, mine: false });

    // A reaction on a reply counts for that reply only.
    const replyId = await newReply("helmi", threadId, "Samoin!");
    expect(await setReaction(kalleClient, kalle, threadId, replyId, "heart", true)).toBeNull();
    const shown = await getThread(kalleClient, national, threadId, kalle, "fi");
    expect(shown?.replies[0]?.reactions.find((r) => r.kind === "heart")).toEqual({
      kind: "heart",
      count: 1,
      mine: true,
    });
    expect(shown?.thread.reactions.find((r) => r.kind === "heart")?.count).toBe(0);
  });

  it("lets the asker and a coordinator mark the answer, and refuses everyone else", async () => {
    const threadId = await newThread("aino", {
      title: "Lasketaanko omaehtoinen opiskelu työssäoloehtoon?",
      kind: "question",
    });
    const helmiReply = await newReply("helmi", threadId, "Ei lasketa, ks. TTTL 5 luku.");
    const kalleReply = await newReply("kalle", threadId, "Tarkennus: poikkeuksena …");

    // Helmi answered but did not ask and does not coordinate; Liisa only observes.
    expect(await markAnswer(await as("helmi"), threadId, helmiReply)).toMatchObject({
      code: "42501",
    });
    expect(await markAnswer(await as("liisa"), threadId, helmiReply)).toMatchObject({
      code: "42501",
    });

    expect(await markAnswer(await as("aino"), threadId, helmiReply)).toBeNull();
    let page = await listThreads(await as("aino"), national, "unanswered", 1, "fi");
    expect(page.threads.map((thread) => thread.id)).not.toContain(threadId);
    page = await listThreads(await as("aino"), national, "questions", 1, "fi");
    expect(page.threads.find((thread) => thread.id === threadId)?.answered).toBe(true);

    // The coordinator moves the mark, then takes it away.
    expect(await markAnswer(await as("kalle"), threadId, kalleReply)).toBeNull();
    const shown = await getThread(await as("aino"), national, threadId, aino, "fi");
    expect(shown?.thread.answerReplyId).toBe(kalleReply);
    expect(await markAnswer(await as("kalle"), threadId, null)).toBeNull();
    page = await listThreads(await as("aino"), national, "unanswered", 1, "fi");
    expect(page.threads.map((thread) => thread.id)).toContain(threadId);

    // A reply from another thread, or a thread that is no question, is refused.
    const otherThread = await newThread("aino", { title: "Pelkkä keskustelu" });
    const otherReply = await newReply("helmi", otherThread, "Hyvä aloitus.");
    expect(await markAnswer(await as("aino"), threadId, otherReply)).toMatchObject({
      code: "P0002",
    });
    expect(await markAnswer(await as("aino"), otherThread, otherReply)).toMatchObject({
      code: "22023",
    });
  });

  it("lets observers and non-members read but not post, reply or react", async () => {
    const threadId = await newThread("aino", { title: "Tarkkailijoiden lukuoikeus" });
    for (const who of ["liisa", "paula"]) {
      const client = await as(who);
      const shown = await getThread(
        client,
        national,
        threadId,
        person(who === "liisa" ? 3 : 5),
        "fi",
      );
      expect(shown?.thread.title).toBe("Tarkkailijoiden lukuoikeus");
      const thread = await createThread(
        client,
        national,
        { title: "Ei pitäisi onnistua", kind: "discussion", mentions: [] },
        body("Tämä ei tallennu."),
      );
      expect(thread).toMatchObject({ error: { code: "42501" } });
      expect(await createReply(client, threadId, [], body("Ei tämäkään."))).toMatchObject({
        error: { code: "42501" },
      });
      expect(
        await setReaction(client, person(who === "liisa" ? 3 : 5), threadId, null, "agree", true),
      ).toMatchObject({ code: "42501" });
    }
  });

  it("shows a members-only network's discussions to nobody outside it", async () => {
    const threadId = await newThread(
      "paula",
      { title: "Rajapintamuutokset tammikuussa", kind: "question" },
      integrations,
    );
    const replyId = await newReply("helmi", threadId, "Testiympäristö avautuu joulukuussa.");
    expect(
      await setReaction(await as("helmi"), helmi, threadId, null, "insightful", true),
    ).toBeNull();

    const outsider = await as("aino");
    for (const table of ["discussion_threads", "discussion_replies", "discussion_reactions"]) {
      const { data, error } = await outsider
        .from(table)
        .select("id")
        .eq("network_id", integrations);
      expect(error).toBeNull();
      expect(data, table).toEqual([]);
    }
    expect(await getThread(outsider, integrations, threadId, aino, "fi")).toBeNull();
    expect((await listThreads(outsider, integrations, "all", 1, "fi")).total).toBe(0);
    expect(await createReply(outsider, threadId, [], body("Pääsisinkö mukaan?"))).toMatchObject({
      error: { code: "42501" },
    });
    expect(await markAnswer(outsider, threadId, replyId)).toMatchObject({ code: "P0002" });
    const { data: gone } = await outsider
      .from("discussion_threads")
      .delete()
      .eq("id", threadId)
      .select("id");
    expect(gone).toEqual([]);
  });

  it("lets authors edit their own posts, and authors or coordinators delete them", async () => {
    const threadId = await newThread("aino", { title: "Alkuperäinen otsikko" });
    expect(
      await updateThread(await as("helmi"), threadId, "Helmin otsikko", body("x")),
    ).toMatchObject({ code: "42501" });
    expect(
      await updateThread(await as("aino"), threadId, "Korjattu otsikko", body("Uusi teksti.")),
    ).toBeNull();
    const shown = await getThread(await as("aino"), national, threadId, aino, "fi");
    expect(shown?.thread.title).toBe("Korjattu otsikko");
    expect(shown?.thread.edited).not.toBeNull();

    const helmiReply = await newReply("helmi", threadId, "Vastaus, jonka koordinaattori poistaa.");
    const ainoReply = await newReply("aino", threadId, "Oma vastaus.");
    expect(await deleteReply(await as("aino"), threadId, helmiReply)).toMatchObject({
      code: "42501",
    });
    expect(await deleteReply(await as("kalle"), threadId, helmiReply)).toBeNull();
    expect(await deleteReply(await as("aino"), threadId, ainoReply)).toBeNull();
    expect(
      (await getThread(await as("aino"), national, threadId, aino, "fi"))?.thread.replyCount,
    ).toBe(0);
  });

  it("keeps an archived network readable and closed to new posts, even for its coordinator", async () => {
    const { data: threads } = await (await as("kalle"))
      .from("discussion_threads")
      .select("id")
      .eq("network_id", archived);
    const result = await createThread(
      await as("kalle"),
      archived,
      { title: "Vielä yksi asia", kind: "discussion", mentions: [] },
      body("Arkistoidussa verkostossa ei kirjoiteta."),
    );
    expect(result).toMatchObject({ error: { code: "42501" } });
    const first = threads?.[0]?.id;
    if (first) {
      expect(await createReply(await as("kalle"), first, [], body("Ei onnistu."))).toMatchObject({
        error: { code: "42501" },
      });
    }
  });

  it("pages the list twenty at a time, latest activity first", async () => {
    for (let n = 0; n < 21; n++) await newThread("helmi", { title: `Sivutustesti ${n}` });
    const first = await listThreads(await as("aino"), national, "all", 1, "fi");
    expect(first.threads).toHaveLength(20);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const times = first.threads.map((thread) => thread.lastActivity.iso);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await listThreads(await as("aino"), national, "all", 2, "fi");
    expect(second.threads.map((thread) => thread.id)).not.toContain(first.threads[0]?.id);
    const beyond = await listThreads(await as("aino"), national, "all", 999, "fi");
    expect(beyond.threads).toEqual([]);
  });
});
