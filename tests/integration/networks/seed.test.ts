/** The networks and documents demo data: loads, is consistent with the rules, and each demo user sees their part. */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";
const network = (n: number) => `e0e0e0e0-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
const integrationsNetwork = network(15); // members only; Helmi coordinates, Aino is not in it
const teDigiNetwork = network(14); // the ICT network that allows guests
const archivedNetwork = network(9);

describe.each(availableBackends())("networks demo data on %s", (backend) => {
  let stack: EmbeddedStack;
  const clients = new Map<string, SupabaseClient>();
  const signIn = async (email: string) => {
    const existing = clients.get(email);
    if (existing) return existing;
    const client = stack.anonClient();
    const { error } = await client.auth.signInWithPassword({ email, password: demoPassword });
    expect(error).toBeNull();
    clients.set(email, client);
    return client;
  };
  const rows = async <Row>(sql: string) => (await stack.db.query<Row>(sql)).rows;

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    expect((await migrate(stack.db, { seed: true })).seeded).toBe(true);
  });
  afterAll(() => stack.close());

  it("has at least two networks of every kind, one archived, and both visibilities and all join policies", async () => {
    const networks = await rows<{ kind: string; visibility: string; join_policy: string; archived: boolean }>(
      `select kind::text, visibility::text, join_policy::text, archived_at is not null as archived
       from public.networks`,
    );
    expect(networks.length).toBeGreaterThanOrEqual(14);
    const perKind = new Map<string, number>();
    for (const row of networks) perKind.set(row.kind, (perKind.get(row.kind) ?? 0) + 1);
    for (const kind of ["national", "regional", "independent", "legal_sparring", "editorial_board", "ict"]) {
      expect(perKind.get(kind), kind).toBeGreaterThanOrEqual(2);
    }
    expect(networks.filter((row) => row.archived)).toHaveLength(1);
    expect(new Set(networks.map((row) => row.visibility))).toEqual(new Set(["signed_in", "members"]));
    expect(new Set(networks.map((row) => row.join_policy))).toEqual(new Set(["open", "request", "invitation"]));
  });

  it("has one review overdue and one falling due within 30 days, both reminded once", async () => {
    const [dates] = await rows<{ overdue: number; due_soon: number; reminded: number }>(
      `select count(*) filter (where review_due < current_date)::int as overdue,
              count(*) filter (where review_due between current_date and current_date + 30)::int as due_soon,
              count(*) filter (where review_reminded_for = review_due)::int as reminded
       from public.networks where archived_at is null`,
    );
    expect(dates).toEqual({ overdue: 1, due_soon: 1, reminded: 2 });
  });

  it("gives every network an active coordinator and counts only active members", async () => {
    const counts = await rows<{ slug: string; cached: number; active: number; coordinators: number }>(
      `select network.slug, network.active_member_count as cached,
         (select count(*)::int from public.network_members as member
          where member.network_id = network.id and private.has_active_home_membership(member.user_id)) as active,
         (select count(*)::int from public.network_members as member
          where member.network_id = network.id and member.role = 'coordinator'
            and private.has_active_home_membership(member.user_id)) as coordinators
       from public.networks as network`,
    );
    for (const row of counts) {
      expect(row.cached, row.slug).toBe(row.active);
      expect(row.coordinators, row.slug).toBeGreaterThanOrEqual(1);
    }
    // Sanna, deactivated by Tampere, still has her rows but counts nowhere.
    const [sanna] = await rows<{ rows: number }>(
      `select count(*)::int as rows from public.network_members where user_id = 'a1a1a1a1-0000-4000-8000-000000000007'`,
    );
    expect(sanna?.rows).toBeGreaterThan(0);
  });

  it("puts the vendor guest only in a network that allows guests, never as a coordinator", async () => {
    const guestIn = await rows<{ network_id: string; allow_guests: boolean; role: string }>(
      `select member.network_id, network.allow_guests, member.role::text
       from public.network_members as member join public.networks as network on network.id = member.network_id
       where private.is_guest(member.user_id)`,
    );
    expect(guestIn).toEqual([{ network_id: teDigiNetwork, allow_guests: true, role: "member" }]);
  });

  it("keeps discussions, meetings and tasks consistent with their cached counts (active people only)", async () => {
    const [discussions] = await rows<{ threads: number; questions: number; answered: number; wrong_counts: number; wrong_answers: number; reactions: number }>(
      `select count(*)::int as threads,
              count(*) filter (where kind = 'question')::int as questions,
              count(answer_reply_id)::int as answered,
              count(*) filter (where reply_count <> (select count(*) from public.discussion_replies as r where r.thread_id = t.id))::int as wrong_counts,
              count(*) filter (where answer_reply_id is not null and not exists (
                select 1 from public.discussion_replies as r where r.id = t.answer_reply_id and r.thread_id = t.id
              ))::int as wrong_answers,
              (select count(*)::int from public.discussion_reactions) as reactions
       from public.discussion_threads as t`,
    );
    expect(discussions?.threads).toBeGreaterThanOrEqual(10);
    expect(discussions?.answered).toBeGreaterThanOrEqual(2);
    expect(discussions?.questions).toBeGreaterThan(discussions?.answered ?? 0);
    expect(discussions?.wrong_counts).toBe(0);
    expect(discussions?.wrong_answers).toBe(0);
    expect(discussions?.reactions).toBeGreaterThan(0);

    const meetings = await rows<{ past_with_minutes: boolean; registered_count: number; waitlisted_count: number; registered: number; waitlisted: number; capacity: number | null }>(
      `select ends_at < now() and minutes_text <> '' as past_with_minutes, registered_count, waitlisted_count, capacity,
         (select count(*)::int from public.meeting_registrations as r where r.meeting_id = m.id and r.status = 'registered'
            and private.has_active_home_membership(r.user_id)) as registered,
         (select count(*)::int from public.meeting_registrations as r where r.meeting_id = m.id and r.status = 'waitlisted'
            and private.has_active_home_membership(r.user_id)) as waitlisted
       from public.meetings as m`,
    );
    expect(meetings.some((m) => m.past_with_minutes)).toBe(true);
    expect(meetings.some((m) => m.capacity !== null && m.registered_count >= m.capacity && m.waitlisted_count > 0)).toBe(true);
    for (const m of meetings) {
      expect(m.registered_count).toBe(m.registered);
      expect(m.waitlisted_count).toBe(m.waitlisted);
    }

    const [tasks] = await rows<{ statuses: string[]; overdue: number }>(
      `select array_agg(distinct status::text order by status::text) as statuses,
              count(*) filter (where status <> 'done' and due_date < current_date)::int as overdue
       from public.tasks`,
    );
    expect(tasks?.statuses).toEqual(["done", "in_progress", "not_started"]);
    expect(tasks?.overdue).toBeGreaterThanOrEqual(1);
  });

  it("never notifies people of their own actions", async () => {
    const [own] = await rows<{ own: number; total: number }>(
      "select count(*) filter (where recipient_id = actor_id)::int as own, count(*)::int as total from public.notifications",
    );
    expect(own?.own).toBe(0);
    expect(own?.total).toBeGreaterThan(10);
  });

  it("shows Aino the networks she may see: not a members-only network she is not in", async () => {
    const aino = await signIn("aino.asiantuntija@tampere.example");
    const { data, error } = await aino.from("networks").select("id, slug");
    expect(error).toBeNull();
    const ids = (data ?? []).map((row) => row.id);
    expect(ids).not.toContain(integrationsNetwork);
    expect(ids).toContain(network(4)); // members only, and she is a member
    expect(ids).toContain(archivedNetwork); // archived networks stay readable
    const { count } = await aino
      .from("notifications")
      .select("id", { count: "exact", head: true })
      .is("read_at", null);
    expect(count).toBeGreaterThan(0);
  });

  it("shows Helmi the members-only network she coordinates, and its members", async () => {
    const helmi = await signIn("helmi.hakala@helsinki.example");
    const { data, error } = await helmi
      .from("network_members")
      .select("user_id, role")
      .eq("network_id", integrationsNetwork);
    expect(error).toBeNull();
    expect(data).toHaveLength(2);
  });

  it("has demo documents: every kind but one, two in Swedish, shared beyond their networks, and minutes", async () => {
    const [documents] = await rows<{ total: number; swedish: number; kinds: number; untagged: number; states: number }>(
      `select count(*)::int as total,
              count(*) filter (where language = 'sv')::int as swedish,
              count(distinct kind)::int as kinds,
              count(*) filter (where text <> '' and text not like '%<%')::int as untagged,
              (select count(*)::int from public.document_states) as states
       from public.documents where id::text like 'e5e5e5e5-%'`,
    );
    // The live states are built by the collab server when each document is first opened.
    expect(documents).toEqual({ total: 12, swedish: 2, kinds: 6, untagged: 12, states: 0 });
    const grants = await rows<{ kind: string; level: string }>(
      `select case when user_id is not null then 'user' when organisation_id is not null then 'organisation'
                   else 'network' end as kind, level::text
       from public.document_permissions where document_id::text like 'e5e5e5e5-%' order by 1, 2`,
    );
    expect(grants).toEqual([
      { kind: "network", level: "comment" },
      { kind: "organisation", level: "comment" },
      { kind: "user", level: "edit" },
      { kind: "user", level: "edit" },
      { kind: "user", level: "view" },
    ]);
    const [minutes] = await rows<{ linked: boolean }>(
      `select meeting.minutes_document_id = doc.id and doc.html = meeting.minutes_html as linked
       from public.meetings as meeting join public.documents as doc on doc.id = meeting.minutes_document_id`,
    );
    expect(minutes).toEqual({ linked: true });
  });

  it("gives each demo user the access to the demo documents that the rules say", async () => {
    const person = (n: number) => `a1a1a1a1-0000-4000-8000-00000000000${n}`;
    const doc = (n: number) => `e5e5e5e5-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
    // Document number → level; absent: no access. 1 service-need assessment (Tampere's members-only
    // network, shared with Helsinki to comment), 2 unemployment-security interpretation, 3
    // integration plan, 4 disruption notice (the ICT network with the guest), 5 and 6 Swedish, 7
    // legal interpretation, 8 checklist, 9 Olli's draft (shared with Aino and Helmi), 10 the
    // editorial board's models (shared with the legal-sparring network to comment and with Aino to
    // edit), 11 minutes, 12 the Finnish original of 5. Members of an editorial board comment on
    // what was submitted to it: 2, 3, 5, 7, 10 and 12 to the manual's board (Kalle, Liisa), 4 and 8
    // to the e-services board (Paula, Kalle, Helmi).
    const expected: Record<string, Record<number, string>> = {
      aino: { 1: "edit", 2: "edit", 3: "edit", 4: "edit", 5: "edit", 6: "edit", 7: "edit", 8: "edit", 9: "edit", 10: "edit", 11: "edit", 12: "edit" },
      kalle: { 1: "view", 2: "edit", 3: "edit", 4: "edit", 5: "comment", 6: "edit", 7: "edit", 8: "comment", 10: "edit", 11: "edit", 12: "comment" },
      liisa: { 2: "comment", 3: "comment", 4: "view", 5: "comment", 6: "view", 7: "edit", 8: "view", 10: "edit", 11: "view", 12: "comment" },
      // Tampere's admin edits Tampere's documents; an observer of the legal-sparring network only views.
      olli: { 1: "edit", 2: "edit", 3: "view", 4: "view", 5: "view", 6: "view", 7: "view", 8: "edit", 9: "edit", 10: "view", 11: "edit", 12: "view" },
      paula: { 2: "view", 3: "view", 4: "comment", 5: "view", 6: "view", 7: "view", 8: "comment", 11: "view", 12: "view" },
      helmi: { 1: "comment", 2: "edit", 3: "edit", 4: "comment", 5: "edit", 6: "edit", 7: "edit", 8: "edit", 9: "view", 10: "comment", 11: "edit", 12: "edit" },
      ville: { 4: "edit" },
      pekka: {},
      sanna: {},
    };
    const ids: Record<string, number> = { aino: 1, kalle: 2, liisa: 3, olli: 4, paula: 5, pekka: 6, sanna: 7, ville: 8, helmi: 9 };
    for (const [name, levels] of Object.entries(expected)) {
      const seen = await stack.db.transaction({ role: "authenticated", sub: person(ids[name] ?? 0) }, async (tx) => {
        const { rows: visible } = await tx.query<{ id: string; access: string }>(
          "select id, public.document_access(id) as access from public.documents where id::text like 'e5e5e5e5-%'",
        );
        return Object.fromEntries(visible.map((row) => [row.id, row.access]));
      });
      const wanted = Object.fromEntries(Object.entries(levels).map(([n, level]) => [doc(Number(n)), level]));
      expect(seen, name).toEqual(wanted);
    }
  });

  it("lets Ville open only the disruption notice, and tells Helmi she may comment on Tampere's assessment", async () => {
    const ville = await signIn("ville.toimittaja@ictpalvelu.example");
    const { data, error } = await ville.from("documents").select("id, title");
    expect(error).toBeNull();
    expect(data?.map((row) => row.id)).toEqual(["e5e5e5e5-0000-4000-8000-000000000004"]);
    const helmi = await signIn("helmi.hakala@helsinki.example");
    const access = await helmi.rpc("document_access", { document_id: "e5e5e5e5-0000-4000-8000-000000000001" });
    expect(access.error).toBeNull();
    expect(access.data).toBe("comment");
  });

  it("lets Ville, a guest, read the ICT network he is in", async () => {
    const ville = await signIn("ville.toimittaja@ictpalvelu.example");
    const { data, error } = await ville.from("discussion_threads").select("id").eq("network_id", teDigiNetwork);
    expect(error).toBeNull();
    expect(data?.length).toBeGreaterThanOrEqual(2);
  });
});
