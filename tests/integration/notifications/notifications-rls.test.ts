/**
 * Who may see and do what with notifications, through the real supabase-js against the embedded
 * API: each person reads, marks read and deletes only their own, while active; nobody inserts;
 * the digest is the server's alone.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import { type Cast, insertNotification, notificationsOf, startCast } from "./support";

async function ownIds(client: SupabaseClient): Promise<string[]> {
  const { data, error } = await client.from("notifications").select("id");
  expect(error).toBeNull();
  return (data ?? []).map((row: { id: string }) => row.id).sort();
}

describe.each(availableBackends())("notifications under RLS on %s", (backend) => {
  let cast: Cast;
  let ainos: string;
  let helmis: string;
  let pekkas: string;

  beforeAll(async () => {
    cast = await startCast(backend);
    ainos = await insertNotification(cast.db, cast.aino.userId, { data: { title: "Aino" } });
    helmis = await insertNotification(cast.db, cast.helmi.userId, { data: { title: "Helmi" } });
    pekkas = await insertNotification(cast.db, cast.pekka.userId);
  });
  afterAll(() => cast.stack.close());

  it("select: a person reads their own, nobody else's; a pending person and anon nothing", async () => {
    expect(await ownIds(cast.aino.client)).toEqual([ainos]);
    expect(await ownIds(cast.helmi.client)).toEqual([helmis]);
    // Pekka has one, but is not let in yet.
    expect((await notificationsOf(cast.db, cast.pekka.userId)).map((n) => n.id)).toEqual([pekkas]);
    expect(await ownIds(cast.pekka.client)).toEqual([]);
    const anon = await cast.stack.anonClient().from("notifications").select("id");
    expect(anon.error?.code).toBe("42501");
  });

  it("insert: no API role, not even for oneself", async () => {
    const attempt = await cast.aino.client
      .from("notifications")
      .insert({ recipient_id: cast.aino.userId, kind: "reply", link: "/" });
    expect(attempt.error?.code).toBe("42501");
    const anon = await cast.stack
      .anonClient()
      .from("notifications")
      .insert({ recipient_id: cast.aino.userId, kind: "reply", link: "/" });
    expect(anon.error?.code).toBe("42501");
    expect(await notificationsOf(cast.db, cast.aino.userId)).toHaveLength(1);
  });

  it("update: a person marks their own read, not someone else's, and changes nothing else", async () => {
    const own = await cast.aino.client
      .from("notifications")
      .update({ read_at: new Date().toISOString() })
      .eq("id", ainos)
      .select("id");
    expect(own).toMatchObject({ error: null, data: [{ id: ainos }] });

    const other = await cast.aino.client
      .from("notifications")
      .update({ read_at: new Date().toISOString() })
      .eq("id", helmis)
      .select("id");
    expect(other).toMatchObject({ error: null, data: [] });
    expect((await notificationsOf(cast.db, cast.helmi.userId))[0]?.read_at).toBeNull();

    const link = await cast.aino.client
      .from("notifications")
      .update({ link: "/elsewhere" })
      .eq("id", ainos);
    expect(link.error?.code).toBe("42501");
    const recipient = await cast.aino.client
      .from("notifications")
      .update({ recipient_id: cast.helmi.userId })
      .eq("id", ainos);
    expect(recipient.error?.code).toBe("42501");
  });

  it("delete: a person deletes their own, not someone else's", async () => {
    const extra = await insertNotification(cast.db, cast.aino.userId);
    const other = await cast.aino.client
      .from("notifications")
      .delete()
      .eq("id", helmis)
      .select("id");
    expect(other).toMatchObject({ error: null, data: [] });
    expect(await notificationsOf(cast.db, cast.helmi.userId)).toHaveLength(1);
    const own = await cast.aino.client.from("notifications").delete().eq("id", extra).select("id");
    expect(own).toMatchObject({ error: null, data: [{ id: extra }] });
    const anon = await cast.stack.anonClient().from("notifications").delete().eq("id", helmis);
    expect(anon.error?.code).toBe("42501");
  });

  it("mark_notifications_read: the given ones or all of one's own, never another's", async () => {
    const first = await insertNotification(cast.db, cast.aino.userId);
    const second = await insertNotification(cast.db, cast.aino.userId);
    const others = await cast.aino.client.rpc("mark_notifications_read", { ids: [helmis] });
    expect(others).toMatchObject({ error: null, data: 0 });
    const one = await cast.aino.client.rpc("mark_notifications_read", { ids: [first] });
    expect(one).toMatchObject({ error: null, data: 1 });
    const rest = await cast.aino.client.rpc("mark_notifications_read");
    expect(rest).toMatchObject({ error: null, data: 1 });
    const read = await notificationsOf(cast.db, cast.aino.userId);
    expect(read.filter((n) => n.id === second || n.id === first).every((n) => n.read_at)).toBe(
      true,
    );
    expect((await notificationsOf(cast.db, cast.helmi.userId))[0]?.read_at).toBeNull();
    const anon = await cast.stack.anonClient().rpc("mark_notifications_read");
    expect(anon.error?.code).toBe("42501");
  });

  it("the digest is collected by the server's service role only", async () => {
    const cutoff = new Date(Date.now() + 60_000).toISOString();
    const asAino = await cast.aino.client.rpc("collect_notification_digests", { cutoff });
    expect(asAino.error?.code).toBe("42501");
    const asAnon = await cast.stack.anonClient().rpc("collect_notification_digests", { cutoff });
    expect(asAnon.error?.code).toBe("42501");
    expect((await notificationsOf(cast.db, cast.helmi.userId))[0]?.digested_at).toBeNull();
    // private.notify is not part of the API at all.
    const notify = await cast.aino.client.rpc("notify", { recipient: cast.helmi.userId });
    expect(notify.error?.code).toBe("PGRST202");
  });

  it("a person whose organisation ends their access reads no notifications from the next request on", async () => {
    const kalles = await insertNotification(cast.db, cast.kalle.userId);
    expect(await ownIds(cast.kalle.client)).toEqual([kalles]);
    await cast.db.query(
      "update public.organisation_members set status = 'deactivated' where user_id = $1",
      [cast.kalle.userId],
    );
    try {
      expect(await ownIds(cast.kalle.client)).toEqual([]);
      const marked = await cast.kalle.client.rpc("mark_notifications_read");
      expect(marked).toMatchObject({ error: null, data: 0 });
    } finally {
      await cast.db.query(
        "update public.organisation_members set status = 'active' where user_id = $1",
        [cast.kalle.userId],
      );
    }
  });
});

describe.each(availableBackends())("notification settings on %s", (backend) => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await startCast(backend);
  });
  afterAll(() => cast.stack.close());

  async function levels(client: SupabaseClient) {
    const { data, error } = await client
      .from("network_notification_settings")
      .select("user_id, network_id, level");
    expect(error).toBeNull();
    return data;
  }

  it("set_network_notification_level: for a network one can read; 'default' removes the choice", async () => {
    const network_id = cast.openNetwork;
    expect(
      await cast.aino.client.rpc("set_network_notification_level", { network_id, level: "mute" }),
    ).toMatchObject({ error: null });
    expect(await levels(cast.aino.client)).toEqual([
      { user_id: cast.aino.userId, network_id, level: "mute" },
    ]);
    expect(await levels(cast.helmi.client)).toEqual([]);
    await cast.aino.client.rpc("set_network_notification_level", { network_id, level: "all" });
    expect(await levels(cast.aino.client)).toEqual([
      { user_id: cast.aino.userId, network_id, level: "all" },
    ]);
    await cast.aino.client.rpc("set_network_notification_level", { network_id, level: "default" });
    expect(await levels(cast.aino.client)).toEqual([]);
  });

  it("set_network_notification_level: refuses an unknown level, an unreadable network, a pending person and anon", async () => {
    const odd = await cast.aino.client.rpc("set_network_notification_level", {
      network_id: cast.openNetwork,
      level: "loud",
    });
    expect(odd.error?.code).toBe("22023");
    const closed = await cast.aino.client.rpc("set_network_notification_level", {
      network_id: cast.closedNetwork,
      level: "all",
    });
    expect(closed.error?.code).toBe("P0002");
    const pending = await cast.pekka.client.rpc("set_network_notification_level", {
      network_id: cast.openNetwork,
      level: "all",
    });
    expect(pending.error?.code).toBe("42501");
    const anon = await cast.stack.anonClient().rpc("set_network_notification_level", {
      network_id: cast.openNetwork,
      level: "all",
    });
    expect(anon.error?.code).toBe("42501");
    // The coordinator of the closed network may.
    const kalle = await cast.kalle.client.rpc("set_network_notification_level", {
      network_id: cast.closedNetwork,
      level: "all",
    });
    expect(kalle.error).toBeNull();
  });

  it("the settings tables are written only through the functions", async () => {
    const insert = await cast.aino.client
      .from("network_notification_settings")
      .insert({ user_id: cast.aino.userId, network_id: cast.openNetwork, level: "all" });
    expect(insert.error?.code).toBe("42501");
    const preference = await cast.aino.client
      .from("notification_preferences")
      .insert({ user_id: cast.aino.userId, daily_digest: false });
    expect(preference.error?.code).toBe("42501");
  });

  it("set_daily_digest: one's own preference, readable by oneself only", async () => {
    expect(await cast.helmi.client.rpc("set_daily_digest", { enabled: false })).toMatchObject({
      error: null,
    });
    const own = await cast.helmi.client
      .from("notification_preferences")
      .select("user_id, daily_digest");
    expect(own.data).toEqual([{ user_id: cast.helmi.userId, daily_digest: false }]);
    const others = await cast.aino.client.from("notification_preferences").select("user_id");
    expect(others.data).toEqual([]);
    await cast.helmi.client.rpc("set_daily_digest", { enabled: true });
    const again = await cast.helmi.client.from("notification_preferences").select("daily_digest");
    expect(again.data).toEqual([{ daily_digest: true }]);
    const pending = await cast.pekka.client.rpc("set_daily_digest", { enabled: false });
    expect(pending.error?.code).toBe("42501");
    const anon = await cast.stack.anonClient().rpc("set_daily_digest", { enabled: false });
    expect(anon.error?.code).toBe("42501");
  });
});
