/**
 * Who is in a network, as the demo users meet it through supabase-js. Kalle (KEHA) coordinates a
 * new network taking join requests; Aino asks to join and is approved; Helmi is turned down and
 * then invited by e-mail; Liisa is invited by name and later removed; Ville works for a vendor, so
 * he gets in only by invitation and only where guests are allowed. Tampere's admin deactivates
 * Aino and she drops out of every network at once, and comes back as she was when reactivated.
 * An archived network is read-only; review reminders reach the coordinators once per date.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "../../../server/embedded/jwt";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { clientWithToken } from "../identity/support";

const demoPassword = "Verkko-demo-2025";
const tampere = "c0c0c0c0-0000-4000-8000-000000000001";

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

/** The same session after a second factor, as the auth service issues it after a TOTP check. */
async function withSecondFactor(stack: EmbeddedStack, person: Person): Promise<SupabaseClient> {
  const { data } = await person.client.auth.getSession();
  const token = data.session?.access_token ?? "";
  const claims = JSON.parse(
    Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"),
  ) as {
    session_id: string;
    email: string;
  };
  const aal2 = await signJwt(
    {
      sub: person.userId,
      role: "authenticated",
      aud: "authenticated",
      aal: "aal2",
      amr: [{ method: "totp", timestamp: Math.floor(Date.now() / 1000) }],
      session_id: claims.session_id,
      email: claims.email,
    },
    developmentJwtSecret,
    3600,
  );
  return clientWithToken(stack, aal2);
}

describe.each(availableBackends())("network membership on %s", (backend) => {
  let stack: EmbeddedStack;
  let kalle: Person;
  let aino: Person;
  let helmi: Person;
  let liisa: Person;
  let ville: Person;
  let olli: Person;
  let networkId: string;
  let guestNetworkId: string;

  async function rpc(person: Person, name: string, args: Record<string, unknown>) {
    const { data, error } = await person.client.rpc(name, args);
    return { data, code: error?.code ?? null };
  }

  async function membersSeenBy(
    person: Person,
    network = networkId,
  ): Promise<Record<string, string>> {
    const { data, error } = await person.client
      .from("network_members")
      .select("user_id, role")
      .eq("network_id", network);
    if (error) throw error;
    return Object.fromEntries(
      (data ?? []).map((row) => [row.user_id as string, row.role as string]),
    );
  }

  async function memberCount(network = networkId): Promise<number> {
    const { rows } = await stack.db.query<{ active_member_count: number }>(
      "select active_member_count from public.networks where id = $1",
      [network],
    );
    return rows[0]?.active_member_count ?? -1;
  }

  async function notificationsOf(person: Person, kind: string, network = networkId) {
    const { data, error } = await person.client
      .from("notifications")
      .select("kind, data")
      .eq("kind", kind)
      .eq("network_id", network);
    if (error) throw error;
    return data ?? [];
  }

  async function createNetwork(person: Person, fields: Record<string, unknown>): Promise<string> {
    const { data, error } = await person.client.rpc("create_network", {
      kind: "national",
      purpose_fi: "Jäsenyyksien kokeilu.",
      owner_organisation_id: "c0c0c0c0-0000-4000-8000-000000000006",
      ...fields,
    });
    if (error) throw error;
    return data as string;
  }

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    await migrate(stack.db, { seed: true });
    [kalle, aino, helmi, liisa, ville, olli] = await Promise.all([
      signIn(stack, "kalle.koordinaattori@keha.example"),
      signIn(stack, "aino.asiantuntija@tampere.example"),
      signIn(stack, "helmi.hakala@helsinki.example"),
      signIn(stack, "liisa.lakimies@kuntaliitto.example"),
      signIn(stack, "ville.toimittaja@ictpalvelu.example"),
      signIn(stack, "olli.organisaatio@tampere.example"),
    ]);
    networkId = await createNetwork(kalle, {
      slug: "jasenyyksien-testiverkosto",
      name_fi: "Jäsenyyksien testiverkosto",
      join_policy: "request",
    });
    guestNetworkId = await createNetwork(kalle, {
      slug: "toimittajien-testiverkosto",
      kind: "ict",
      name_fi: "Toimittajien testiverkosto",
      join_policy: "invitation",
      visibility: "members",
      allow_guests: true,
    });
  });
  afterAll(() => stack?.close());

  describe("joining by request", () => {
    it("a request reaches the coordinators, who approve it; the asker is told", async () => {
      expect((await rpc(aino, "join_network", { network_id: networkId })).code).toBe("42501");
      const asked = await rpc(aino, "request_to_join", {
        network_id: networkId,
        message: "Haluaisin mukaan.",
      });
      expect(asked.code).toBeNull();
      expect((await rpc(aino, "request_to_join", { network_id: networkId })).code).toBe("23505");

      const { data: pending } = await kalle.client
        .from("network_join_requests")
        .select("id, user_id, message, status")
        .eq("network_id", networkId);
      expect(pending).toEqual([
        { id: asked.data, user_id: aino.userId, message: "Haluaisin mukaan.", status: "pending" },
      ]);
      expect(await notificationsOf(kalle, "join_request")).toHaveLength(1);

      expect(
        (await rpc(aino, "decide_join_request", { request_id: asked.data, approve: true })).code,
      ).toBe("42501");
      expect(
        (await rpc(kalle, "decide_join_request", { request_id: asked.data, approve: true })).code,
      ).toBeNull();
      expect(
        (await rpc(kalle, "decide_join_request", { request_id: asked.data, approve: false })).code,
      ).toBe("55000");

      expect(await membersSeenBy(aino)).toEqual({
        [kalle.userId]: "coordinator",
        [aino.userId]: "member",
      });
      expect(await memberCount()).toBe(2);
      const decided = await notificationsOf(aino, "join_decided");
      expect(decided.map((row) => (row.data as { approved: boolean }).approved)).toEqual([true]);
      expect((await rpc(aino, "request_to_join", { network_id: networkId })).code).toBe("23505");
    });

    it("a refused request leaves the asker outside; a withdrawn one disappears from the coordinators' queue", async () => {
      const asked = await rpc(helmi, "request_to_join", { network_id: networkId });
      expect(
        (await rpc(kalle, "decide_join_request", { request_id: asked.data, approve: false })).code,
      ).toBeNull();
      expect(Object.keys(await membersSeenBy(helmi))).not.toContain(helmi.userId);
      const decided = await notificationsOf(helmi, "join_decided");
      expect(decided.map((row) => (row.data as { approved: boolean }).approved)).toEqual([false]);

      const withdrawn = await rpc(liisa, "request_to_join", { network_id: networkId });
      expect((await rpc(helmi, "withdraw_join_request", { request_id: withdrawn.data })).code).toBe(
        "P0002",
      );
      expect(
        (await rpc(liisa, "withdraw_join_request", { request_id: withdrawn.data })).code,
      ).toBeNull();
      const { data: queue } = await kalle.client
        .from("network_join_requests")
        .select("user_id")
        .eq("network_id", networkId)
        .eq("status", "pending");
      expect(queue).toEqual([]);
    });
  });

  describe("invitations", () => {
    it("by name: the coordinator finds the person, invites them, and they accept in the role offered", async () => {
      expect(
        (
          await rpc(aino, "search_people_to_invite", {
            network_id: networkId,
            search_text: "Liisa",
          })
        ).code,
      ).toBe("42501");
      const found = await rpc(kalle, "search_people_to_invite", {
        network_id: networkId,
        search_text: "Liisa",
      });
      expect(found.data).toEqual([
        expect.objectContaining({ user_id: liisa.userId, is_guest: false }),
      ]);

      expect(
        (await rpc(aino, "invite_to_network", { network_id: networkId, user_id: liisa.userId }))
          .code,
      ).toBe("42501");
      const invited = await rpc(kalle, "invite_to_network", {
        network_id: networkId,
        user_id: liisa.userId,
        role: "observer",
      });
      expect(invited.code).toBeNull();
      expect(
        (await rpc(kalle, "invite_to_network", { network_id: networkId, user_id: liisa.userId }))
          .code,
      ).toBe("23505");
      const { data: mine } = await liisa.client
        .from("network_invitations")
        .select("id, role, status")
        .eq("network_id", networkId);
      expect(mine).toEqual([{ id: invited.data, role: "observer", status: "pending" }]);
      expect(await notificationsOf(liisa, "invitation")).toHaveLength(1);

      expect(
        (await rpc(aino, "respond_to_invitation", { invitation_id: invited.data, accept: true }))
          .code,
      ).toBe("P0002");
      expect(
        (await rpc(liisa, "respond_to_invitation", { invitation_id: invited.data, accept: true }))
          .code,
      ).toBeNull();
      expect((await membersSeenBy(kalle))[liisa.userId]).toBe("observer");
      expect(await memberCount()).toBe(3);
    });

    it("by e-mail: the person sees it when signed in with that address, and may decline", async () => {
      const invited = await rpc(kalle, "invite_to_network", {
        network_id: networkId,
        email: " Helmi.Hakala@helsinki.example ",
      });
      expect(invited.code).toBeNull();
      const { data: mine } = await helmi.client
        .from("network_invitations")
        .select("id, email")
        .eq("network_id", networkId);
      expect(mine).toEqual([{ id: invited.data, email: "helmi.hakala@helsinki.example" }]);
      expect(
        (await rpc(helmi, "respond_to_invitation", { invitation_id: invited.data, accept: false }))
          .code,
      ).toBeNull();
      expect(Object.keys(await membersSeenBy(kalle))).not.toContain(helmi.userId);
    });

    it("into a members-only network: the invitee sees that it exists, not what is inside, until they accept", async () => {
      const invited = await rpc(kalle, "invite_to_network", {
        network_id: guestNetworkId,
        user_id: helmi.userId,
      });
      const { data: seen } = await helmi.client
        .from("networks")
        .select("id")
        .eq("id", guestNetworkId);
      expect(seen).toEqual([{ id: guestNetworkId }]);
      expect(await membersSeenBy(helmi, guestNetworkId)).toEqual({});
      expect(
        (await rpc(helmi, "respond_to_invitation", { invitation_id: invited.data, accept: true }))
          .code,
      ).toBeNull();
      expect(Object.keys(await membersSeenBy(helmi, guestNetworkId)).sort()).toEqual(
        [helmi.userId, kalle.userId].sort(),
      );
    });

    it("a revoked invitation can no longer be accepted", async () => {
      const invited = await rpc(kalle, "invite_to_network", {
        network_id: networkId,
        email: "sanna.suljettu@tampere.example",
      });
      expect((await rpc(aino, "revoke_invitation", { invitation_id: invited.data })).code).toBe(
        "42501",
      );
      expect(
        (await rpc(kalle, "revoke_invitation", { invitation_id: invited.data })).code,
      ).toBeNull();
      const { rows } = await stack.db.query(
        "select status from public.network_invitations where id = $1",
        [invited.data],
      );
      expect(rows).toEqual([{ status: "revoked" }]);
    });
  });

  describe("guests", () => {
    it("see no network they are not in and cannot ask to join one", async () => {
      const { data: seen } = await ville.client
        .from("networks")
        .select("id")
        .in("id", [networkId, guestNetworkId]);
      expect(seen).toEqual([]);
      expect((await rpc(ville, "request_to_join", { network_id: networkId })).code).toBe("P0002");
      expect(
        (
          await rpc(ville, "create_network", {
            slug: "toimittajan-oma",
            kind: "ict",
            name_fi: "Oma",
            purpose_fi: "Oma.",
            owner_organisation_id: "c0c0c0c0-0000-4000-8000-000000000013",
          })
        ).code,
      ).toBe("42501");
    });

    it("are invited only where guests are allowed, and never as coordinators", async () => {
      expect(
        (await rpc(kalle, "invite_to_network", { network_id: networkId, user_id: ville.userId }))
          .code,
      ).toBe("42501");
      expect(
        (
          await rpc(kalle, "invite_to_network", {
            network_id: networkId,
            email: "uusi@ictpalvelu.example",
          })
        ).code,
      ).toBe("42501");
      expect(
        (
          await rpc(kalle, "invite_to_network", {
            network_id: guestNetworkId,
            user_id: ville.userId,
            role: "coordinator",
          })
        ).code,
      ).toBe("42501");

      const invited = await rpc(kalle, "invite_to_network", {
        network_id: guestNetworkId,
        user_id: ville.userId,
      });
      expect(invited.code).toBeNull();
      expect(
        (await rpc(ville, "respond_to_invitation", { invitation_id: invited.data, accept: true }))
          .code,
      ).toBeNull();
      const { data: seen } = await ville.client
        .from("networks")
        .select("id")
        .in("id", [networkId, guestNetworkId]);
      expect(seen).toEqual([{ id: guestNetworkId }]);
      expect(
        (
          await rpc(kalle, "set_network_member_role", {
            network_id: guestNetworkId,
            user_id: ville.userId,
            role: "coordinator",
          })
        ).code,
      ).toBe("42501");
    });

    it("an e-mail invitation as coordinator does not make a guest one", async () => {
      // As if the invitation had been sent before the address was known to belong to a vendor.
      const { rows } = await stack.db.query<{ id: string }>(
        `insert into public.network_invitations (network_id, email, role, invited_by)
         values ($1, 'ville.toimittaja@ictpalvelu.example', 'coordinator', $2) returning id`,
        [networkId, kalle.userId],
      );
      await stack.db.query("update public.networks set allow_guests = true where id = $1", [
        networkId,
      ]);
      const accepted = await rpc(ville, "respond_to_invitation", {
        invitation_id: rows[0]?.id,
        accept: true,
      });
      await stack.db.query("update public.networks set allow_guests = false where id = $1", [
        networkId,
      ]);
      expect(accepted.code).toBe("42501");
    });
  });

  describe("removal, leaving and the last coordinator", () => {
    it("coordinators remove members; members cannot", async () => {
      expect(
        (await rpc(aino, "remove_network_member", { network_id: networkId, user_id: liisa.userId }))
          .code,
      ).toBe("42501");
      expect(
        (
          await rpc(kalle, "remove_network_member", {
            network_id: networkId,
            user_id: liisa.userId,
          })
        ).code,
      ).toBeNull();
      expect(Object.keys(await membersSeenBy(kalle))).not.toContain(liisa.userId);
      expect(await memberCount()).toBe(2);
      expect(
        (
          await rpc(kalle, "remove_network_member", {
            network_id: networkId,
            user_id: liisa.userId,
          })
        ).code,
      ).toBe("P0002");
    });

    it("a network never loses its last coordinator", async () => {
      expect((await rpc(kalle, "leave_network", { network_id: networkId })).code).toBe("55000");
      expect(
        (
          await rpc(kalle, "set_network_member_role", {
            network_id: networkId,
            user_id: kalle.userId,
            role: "member",
          })
        ).code,
      ).toBe("55000");
      expect(
        (
          await rpc(kalle, "remove_network_member", {
            network_id: networkId,
            user_id: kalle.userId,
          })
        ).code,
      ).toBe("22023");
    });

    it("a member leaves by themselves, and hears no more of a members-only network", async () => {
      const { data: thread, error } = await helmi.client
        .from("discussion_threads")
        .insert({
          network_id: guestNetworkId,
          title: "Kysymys",
          body_html: "<p>Miten?</p>",
          body_text: "Miten?",
        })
        .select("id")
        .single();
      if (error) throw error;
      const reply = () =>
        kalle.client
          .from("discussion_replies")
          .insert({ thread_id: thread.id, body_html: "<p>Näin.</p>", body_text: "Näin." });
      expect((await reply()).error).toBeNull();
      expect(await notificationsOf(helmi, "reply", guestNetworkId)).toHaveLength(1);

      expect((await rpc(helmi, "leave_network", { network_id: guestNetworkId })).code).toBeNull();
      expect((await reply()).error).toBeNull();
      const { rows } = await stack.db.query(
        "select 1 from public.notifications where recipient_id = $1 and kind = 'reply' and network_id = $2",
        [helmi.userId, guestNetworkId],
      );
      expect(rows).toHaveLength(1);
      expect((await rpc(helmi, "leave_network", { network_id: guestNetworkId })).code).toBe(
        "P0002",
      );
      // Members-only: gone from the inside, so the network itself is out of sight again.
      const { data: seen } = await helmi.client
        .from("networks")
        .select("id")
        .eq("id", guestNetworkId);
      expect(seen).toEqual([]);
    });
  });

  describe("deactivation by the home organisation", () => {
    it("takes the person out of every network's active members and counts, and reactivation brings them back", async () => {
      const olliAal2 = await withSecondFactor(stack, olli);
      const before = await memberCount();
      const deactivated = await olliAal2.rpc("deactivate_member", {
        user_id: aino.userId,
        organisation_id: tampere,
      });
      expect(deactivated.error).toBeNull();

      expect(Object.keys(await membersSeenBy(kalle))).not.toContain(aino.userId);
      expect(await memberCount()).toBe(before - 1);
      const { data: ainoSees } = await aino.client.from("networks").select("id");
      expect(ainoSees).toEqual([]);
      const posted = await aino.client.from("discussion_threads").insert({
        network_id: networkId,
        title: "Vielä täällä?",
        body_html: "<p>Hei</p>",
        body_text: "Hei",
      });
      expect(posted.error?.code).toBe("42501");

      const reactivated = await olliAal2.rpc("reactivate_member", {
        user_id: aino.userId,
        organisation_id: tampere,
      });
      expect(reactivated.error).toBeNull();
      expect((await membersSeenBy(kalle))[aino.userId]).toBe("member");
      expect(await memberCount()).toBe(before);
    });
  });

  describe("archiving and the yearly review", () => {
    it("review reminders reach the coordinators once per review date", async () => {
      const service = stack.serviceClient();
      const { rows } = await stack.db.query<{ review_due: string }>(
        "select review_due::text from public.networks where id = $1",
        [networkId],
      );
      const dueSoon = new Date(`${rows[0]?.review_due}T12:00:00Z`);
      dueSoon.setUTCDate(dueSoon.getUTCDate() - 10);
      const today = dueSoon.toISOString().slice(0, 10);

      expect((await aino.client.rpc("send_network_review_reminders", { today })).error?.code).toBe(
        "42501",
      );
      expect((await service.rpc("send_network_review_reminders", { today })).error).toBeNull();
      expect((await service.rpc("send_network_review_reminders", { today })).error).toBeNull();
      expect(await notificationsOf(kalle, "review_due")).toHaveLength(1);
      expect(await notificationsOf(aino, "review_due")).toHaveLength(0);

      expect((await rpc(aino, "mark_network_reviewed", { network_id: networkId })).code).toBe(
        "42501",
      );
      const nextReview = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
      expect(
        (
          await rpc(kalle, "mark_network_reviewed", {
            network_id: networkId,
            next_review: nextReview,
          })
        ).code,
      ).toBeNull();
      const nextReminder = new Date(Date.now() + 390 * 86_400_000).toISOString().slice(0, 10);
      expect(
        (await service.rpc("send_network_review_reminders", { today: nextReminder })).error,
      ).toBeNull();
      expect(await notificationsOf(kalle, "review_due")).toHaveLength(2);
    });

    it("an archived network is read-only for everyone until a coordinator restores it", async () => {
      expect((await rpc(aino, "archive_network", { network_id: networkId })).code).toBe("42501");
      expect((await rpc(kalle, "archive_network", { network_id: networkId })).code).toBeNull();

      const posted = await aino.client.from("discussion_threads").insert({
        network_id: networkId,
        title: "Arkistossa",
        body_html: "<p>Hei</p>",
        body_text: "Hei",
      });
      expect(posted.error?.code).toBe("42501");
      const task = await kalle.client
        .from("tasks")
        .insert({ network_id: networkId, title: "Arkistossa" });
      expect(task.error?.code).toBe("42501");
      expect(
        (await rpc(kalle, "invite_to_network", { network_id: networkId, user_id: liisa.userId }))
          .code,
      ).toBe("55000");
      expect((await rpc(liisa, "request_to_join", { network_id: networkId })).code).toBe("55000");
      const renamed = await kalle.client
        .from("networks")
        .update({ name_fi: "Uusi nimi" })
        .eq("id", networkId)
        .select("id");
      expect(renamed.data).toEqual([]);
      // Still readable: archived is not deleted.
      const { data: seen } = await aino.client
        .from("networks")
        .select("id, archived_at")
        .eq("id", networkId);
      expect(seen?.[0]?.archived_at).not.toBeNull();

      expect((await rpc(kalle, "restore_network", { network_id: networkId })).code).toBeNull();
      const again = await aino.client.from("discussion_threads").insert({
        network_id: networkId,
        title: "Taas auki",
        body_html: "<p>Hei</p>",
        body_text: "Hei",
      });
      expect(again.error).toBeNull();
    });
  });
});
