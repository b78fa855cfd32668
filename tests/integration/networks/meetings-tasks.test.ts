/**
 * Meetings and tasks in a network, as the demo users meet them through supabase-js: Kalle
 * coordinates a new network, Aino and Helmi are members, Liisa observes. Registration fills the
 * places and then the waiting list, and a cancellation moves the first in the queue up; tasks go
 * from not started to done by their owner; the database refuses whoever may not.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";

interface Person {
  client: SupabaseClient;
  userId: string;
}

async function signIn(stack: EmbeddedStack, email: string): Promise<Person> {
  const client = stack.anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password: demoPassword });
  if (error) throw error;
  return { client, userId: data.user.id };
}

function inAnHour(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}

describe.each(availableBackends())("meetings and tasks on %s", (backend) => {
  let stack: EmbeddedStack;
  let kalle: Person;
  let aino: Person;
  let helmi: Person;
  let liisa: Person;
  let paula: Person;
  let networkId: string;

  async function createMeeting(
    person: Person,
    fields: Record<string, unknown> = {},
  ): Promise<{ id: string | null; error: { code: string } | null }> {
    const { data, error } = await person.client
      .from("meetings")
      .insert({
        network_id: networkId,
        title: "Palvelumallin työpaja",
        starts_at: inAnHour(24),
        ends_at: inAnHour(26),
        location: "Tampere-talo, Sorsapuisto",
        agenda_html: "<p>1. Avaus</p>",
        agenda_text: "1. Avaus",
        ...fields,
      })
      .select("id")
      .maybeSingle<{ id: string }>();
    return { id: data?.id ?? null, error };
  }

  async function meetingCounts(meetingId: string) {
    const { rows } = await stack.db.query<{ registered_count: number; waitlisted_count: number }>(
      "select registered_count, waitlisted_count from public.meetings where id = $1",
      [meetingId],
    );
    return rows[0];
  }

  async function registrationOf(person: Person, meetingId: string) {
    const { data, error } = await person.client
      .from("meeting_registrations")
      .select("status")
      .eq("meeting_id", meetingId)
      .eq("user_id", person.userId)
      .maybeSingle<{ status: string }>();
    if (error) throw error;
    return data?.status ?? null;
  }

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    await migrate(stack.db, { seed: true });
    [kalle, aino, helmi, liisa, paula] = await Promise.all([
      signIn(stack, "kalle.koordinaattori@keha.example"),
      signIn(stack, "aino.asiantuntija@tampere.example"),
      signIn(stack, "helmi.hakala@helsinki.example"),
      signIn(stack, "liisa.lakimies@kuntaliitto.example"),
      signIn(stack, "paula.paakayttaja@keha.example"),
    ]);
    const { rows } = await stack.db.query<{ home_organisation_id: string }>(
      "select home_organisation_id from public.profiles where id = $1",
      [kalle.userId],
    );
    const created = await kalle.client.rpc("create_network", {
      slug: "kokousten-testiverkosto",
      kind: "independent",
      name_fi: "Kokousten testiverkosto",
      purpose_fi: "Kokousten ja tehtävien kokeilu.",
      owner_organisation_id: rows[0]?.home_organisation_id,
      join_policy: "open",
    });
    if (created.error) throw created.error;
    networkId = created.data as string;
    for (const person of [aino, helmi, liisa]) {
      const joined = await person.client.rpc("join_network", { network_id: networkId });
      if (joined.error) throw joined.error;
    }
    const observer = await kalle.client.rpc("set_network_member_role", {
      network_id: networkId,
      user_id: liisa.userId,
      role: "observer",
    });
    if (observer.error) throw observer.error;
  });
  afterAll(() => stack?.close());

  describe("meetings", () => {
    it("are arranged by coordinators only", async () => {
      const byMember = await createMeeting(aino);
      expect(byMember.error?.code).toBe("42501");
      const byObserver = await createMeeting(liisa);
      expect(byObserver.error?.code).toBe("42501");
      const byCoordinator = await createMeeting(kalle);
      expect(byCoordinator.error).toBeNull();
      expect(byCoordinator.id).toMatch(/^[0-9a-f-]{36}$/);
      // Members read it, and may not change it.
      const { data: changed } = await aino.client
        .from("meetings")
        .update({ title: "Ainon otsikko" })
        .eq("id", byCoordinator.id ?? "")
        .select("id");
      expect(changed).toEqual([]);
      const { data: seen } = await aino.client
        .from("meetings")
        .select("title")
        .eq("id", byCoordinator.id ?? "")
        .single();
      expect(seen).toEqual({ title: "Palvelumallin työpaja" });
    });

    it("fill their places, then a waiting list, and move the first waiting up on a cancellation", async () => {
      const { id, error } = await createMeeting(kalle, {
        capacity: 1,
        title: "Yhden paikan sparraus",
      });
      expect(error).toBeNull();
      const meetingId = id ?? "";

      const first = await aino.client.rpc("register_for_meeting", { meeting_id: meetingId });
      expect(first).toMatchObject({ data: "registered", error: null });
      const second = await helmi.client.rpc("register_for_meeting", { meeting_id: meetingId });
      expect(second).toMatchObject({ data: "waitlisted", error: null });
      // Registering twice keeps the place one has.
      const again = await aino.client.rpc("register_for_meeting", { meeting_id: meetingId });
      expect(again.data).toBe("registered");
      expect(await meetingCounts(meetingId)).toEqual({ registered_count: 1, waitlisted_count: 1 });

      const cancelled = await aino.client.rpc("cancel_meeting_registration", {
        meeting_id: meetingId,
      });
      expect(cancelled.error).toBeNull();
      expect(await registrationOf(helmi, meetingId)).toBe("registered");
      expect(await registrationOf(aino, meetingId)).toBe("cancelled");
      expect(await meetingCounts(meetingId)).toEqual({ registered_count: 1, waitlisted_count: 0 });

      // Helmi hears she got the place; cancelling twice is refused.
      const { data: notices } = await helmi.client
        .from("notifications")
        .select("kind, data")
        .eq("kind", "registration_changed")
        .order("created_at", { ascending: false })
        .limit(1);
      expect(notices?.[0]?.data).toMatchObject({ status: "promoted" });
      const twice = await aino.client.rpc("cancel_meeting_registration", { meeting_id: meetingId });
      expect(twice.error?.code).toBe("P0002");

      // Aino comes back to the end of the queue.
      const back = await aino.client.rpc("register_for_meeting", { meeting_id: meetingId });
      expect(back.data).toBe("waitlisted");
    });

    it("refuse registration when it is closed or the meeting is cancelled", async () => {
      const closed = await createMeeting(kalle, { registration_open: false });
      const refused = await aino.client.rpc("register_for_meeting", { meeting_id: closed.id });
      expect(refused.error?.code).toBe("55000");

      const open = await createMeeting(kalle);
      const cancelled = await kalle.client
        .from("meetings")
        .update({ cancelled_at: new Date().toISOString() })
        .eq("id", open.id ?? "")
        .select("id");
      expect(cancelled.data).toHaveLength(1);
      const afterCancel = await aino.client.rpc("register_for_meeting", { meeting_id: open.id });
      expect(afterCancel.error?.code).toBe("55000");
    });

    it("cannot be registered for by observers or by people outside the network", async () => {
      const { id } = await createMeeting(kalle);
      const byObserver = await liisa.client.rpc("register_for_meeting", { meeting_id: id });
      expect(byObserver.error?.code).toBe("42501");
      const byOutsider = await paula.client.rpc("register_for_meeting", { meeting_id: id });
      expect(byOutsider.error?.code).toBe("42501");
    });

    it("keep their minutes after they have ended", async () => {
      const { rows } = await stack.db.query<{ id: string }>(
        `insert into public.meetings (network_id, title, starts_at, ends_at, created_by)
         values ($1, 'Mennyt kokous', now() - interval '3 days', now() - interval '3 days' + interval '1 hour', $2)
         returning id`,
        [networkId, kalle.userId],
      );
      const pastId = rows[0]?.id ?? "";
      const saved = await kalle.client
        .from("meetings")
        .update({ minutes_html: "<p>Päätettiin jatkaa.</p>", minutes_text: "Päätettiin jatkaa." })
        .eq("id", pastId)
        .select("minutes_text");
      expect(saved.data).toEqual([{ minutes_text: "Päätettiin jatkaa." }]);
      const late = await aino.client.rpc("register_for_meeting", { meeting_id: pastId });
      expect(late.error?.code).toBe("55000");
    });
  });

  describe("tasks", () => {
    async function createTask(person: Person, fields: Record<string, unknown> = {}) {
      return person.client
        .from("tasks")
        .insert({ network_id: networkId, title: "Kokoa kysymykset", ...fields })
        .select("id, status, completed_at")
        .maybeSingle<{ id: string; status: string; completed_at: string | null }>();
    }

    async function move(person: Person, taskId: string, status: string) {
      return person.client
        .from("tasks")
        .update({ status })
        .eq("id", taskId)
        .select("status, completed_at")
        .returns<{ status: string; completed_at: string | null }[]>();
    }

    it("go from not started through in progress to done by their owner", async () => {
      const created = await createTask(kalle, { owner_id: aino.userId, due_date: "2030-01-31" });
      expect(created.error).toBeNull();
      const taskId = created.data?.id ?? "";
      expect(created.data).toMatchObject({ status: "not_started", completed_at: null });

      const started = await move(aino, taskId, "in_progress");
      expect(started.data).toEqual([{ status: "in_progress", completed_at: null }]);
      const done = await move(aino, taskId, "done");
      expect(done.data?.[0]?.status).toBe("done");
      expect(Date.parse(done.data?.[0]?.completed_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
      // Reopened, it is no longer complete.
      const reopened = await move(aino, taskId, "in_progress");
      expect(reopened.data).toEqual([{ status: "in_progress", completed_at: null }]);

      // Aino was told the task is hers.
      const { data: assigned } = await aino.client
        .from("notifications")
        .select("link")
        .eq("kind", "task_assigned");
      expect(assigned?.map((row) => row.link)).toContain(
        `/networks/kokousten-testiverkosto/tasks#task-${taskId}`,
      );
    });

    it("cannot be changed or deleted by a member who neither owns nor created them", async () => {
      const { data } = await createTask(kalle, { owner_id: aino.userId });
      const taskId = data?.id ?? "";
      const byHelmi = await move(helmi, taskId, "done");
      expect(byHelmi.error).toBeNull();
      expect(byHelmi.data).toEqual([]);
      const deleted = await helmi.client.from("tasks").delete().eq("id", taskId).select("id");
      expect(deleted.data).toEqual([]);
      const byObserver = await createTask(liisa);
      expect(byObserver.error?.code).toBe("42501");
      const { rows } = await stack.db.query<{ status: string }>(
        "select status from public.tasks where id = $1",
        [taskId],
      );
      expect(rows[0]?.status).toBe("not_started");
      // The coordinator manages every task, the creator deletes their own.
      expect((await move(kalle, taskId, "in_progress")).data).toHaveLength(1);
      const byCreator = await kalle.client.from("tasks").delete().eq("id", taskId).select("id");
      expect(byCreator.data).toEqual([{ id: taskId }]);
    });

    it("are owned only by the network's coordinators and members", async () => {
      const observerOwner = await createTask(aino, { owner_id: liisa.userId });
      expect(observerOwner.error?.code).toBe("23514");
      const outsiderOwner = await createTask(aino, { owner_id: paula.userId });
      expect(outsiderOwner.error?.code).toBe("23514");
      const { data } = await createTask(aino);
      const reassigned = await aino.client
        .from("tasks")
        .update({ owner_id: paula.userId })
        .eq("id", data?.id ?? "")
        .select("id");
      expect(reassigned.error?.code).toBe("23514");
    });
  });

  describe("in an archived network", () => {
    it("nothing changes any more", async () => {
      const meeting = await createMeeting(kalle);
      const { data: task } = await aino.client
        .from("tasks")
        .insert({ network_id: networkId, title: "Arkistoon jäävä", owner_id: aino.userId })
        .select("id")
        .single<{ id: string }>();
      const archived = await kalle.client.rpc("archive_network", { network_id: networkId });
      expect(archived.error).toBeNull();

      const moved = await aino.client
        .from("tasks")
        .update({ status: "done" })
        .eq("id", task?.id ?? "")
        .select("id");
      expect(moved.data).toEqual([]);
      const newTask = await aino.client
        .from("tasks")
        .insert({ network_id: networkId, title: "Uusi" })
        .select("id");
      expect(newTask.error?.code).toBe("42501");
      expect((await createMeeting(kalle)).error?.code).toBe("42501");
      const registered = await aino.client.rpc("register_for_meeting", { meeting_id: meeting.id });
      expect(registered.error?.code).toBe("42501");
      const edited = await kalle.client
        .from("meetings")
        .update({ title: "Muutettu" })
        .eq("id", meeting.id ?? "")
        .select("id");
      expect(edited.data).toEqual([]);
      // Still readable.
      const { data: tasks } = await aino.client
        .from("tasks")
        .select("id")
        .eq("network_id", networkId);
      expect(tasks?.length).toBeGreaterThan(0);
    });
  });
});
