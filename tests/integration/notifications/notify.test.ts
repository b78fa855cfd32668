/**
 * private.notify() and private.notify_watchers(), as the features' functions call them: who is
 * notified, and how muting a network silences its chatter but never what is addressed to you.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import {
  type Cast,
  notificationsOf,
  notifyAs,
  notifyWatchersAs,
  openNetworkNames,
  startCast,
} from "./support";

async function setLevel(cast: Cast, who: keyof Cast & ("aino" | "helmi" | "kalle"), level: string) {
  const { error } = await cast[who].client.rpc("set_network_notification_level", {
    network_id: cast.openNetwork,
    level,
  });
  expect(error).toBeNull();
}

describe.each(availableBackends())("creating notifications on %s", (backend) => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await startCast(backend);
  });
  beforeEach(async () => {
    await cast.db.query("delete from public.notifications");
    await cast.db.query("delete from public.network_notification_settings");
  });
  afterAll(() => cast.stack.close());

  it("notifies the recipient, naming the caller as the actor and keeping the display data", async () => {
    const data = {
      network_name_fi: openNetworkNames.fi,
      actor_name: "Kalle Koordinaattori",
      title: "Palkkatuen käsittelyajat",
    };
    await notifyAs(cast.db, cast.kalle.userId, {
      recipient: cast.aino.userId,
      kind: "reply",
      network: cast.openNetwork,
      link: "/networks/palkkatuki/discussions/1",
      data,
    });
    const [notification] = await notificationsOf(cast.db, cast.aino.userId);
    expect(notification).toMatchObject({
      kind: "reply",
      network_id: cast.openNetwork,
      actor_id: cast.kalle.userId,
      link: "/networks/palkkatuki/discussions/1",
      data,
      read_at: null,
    });
    // And Aino reads it through the API.
    const { data: rows } = await cast.aino.client.from("notifications").select("kind, data");
    expect(rows).toEqual([{ kind: "reply", data }]);
  });

  it("does nothing for no recipient, for the actor themselves, or for someone not active", async () => {
    await notifyAs(cast.db, cast.kalle.userId, { recipient: null });
    await notifyAs(cast.db, cast.kalle.userId, { recipient: cast.kalle.userId, direct: true });
    await notifyAs(cast.db, cast.kalle.userId, { recipient: cast.pekka.userId, direct: true });
    const { rows } = await cast.db.query("select id from public.notifications");
    expect(rows).toEqual([]);
  });

  it("mute silences a network's chatter but not what is addressed to the person", async () => {
    await setLevel(cast, "aino", "mute");
    await notifyAs(cast.db, cast.kalle.userId, {
      recipient: cast.aino.userId,
      kind: "reply",
      network: cast.openNetwork,
    });
    expect(await notificationsOf(cast.db, cast.aino.userId)).toEqual([]);
    await notifyAs(cast.db, cast.kalle.userId, {
      recipient: cast.aino.userId,
      kind: "mention",
      network: cast.openNetwork,
      direct: true,
    });
    expect((await notificationsOf(cast.db, cast.aino.userId)).map((n) => n.kind)).toEqual([
      "mention",
    ]);
    // Muting one network says nothing about another, nor about notifications of no network.
    await notifyAs(cast.db, cast.kalle.userId, { recipient: cast.aino.userId, kind: "reply" });
    expect(await notificationsOf(cast.db, cast.aino.userId)).toHaveLength(2);
  });

  it("notify_watchers reaches the members who want all of a network, except the actor and the excluded", async () => {
    await setLevel(cast, "aino", "all");
    await setLevel(cast, "helmi", "all");
    await setLevel(cast, "kalle", "all");
    await notifyWatchersAs(cast.db, cast.kalle.userId, cast.openNetwork, [cast.helmi.userId]);
    expect((await notificationsOf(cast.db, cast.aino.userId)).map((n) => n.kind)).toEqual([
      "new_thread",
    ]);
    expect(await notificationsOf(cast.db, cast.helmi.userId)).toEqual([]);
    expect(await notificationsOf(cast.db, cast.kalle.userId)).toEqual([]);
  });

  it("notify_watchers leaves out members at the default level and people who are not members", async () => {
    await notifyWatchersAs(cast.db, cast.kalle.userId, cast.openNetwork);
    expect(await notificationsOf(cast.db, cast.aino.userId)).toEqual([]);
    // Pekka (pending) cannot choose a level; as the owner, give him one and a membership anyway.
    await cast.db.query(
      `insert into public.network_notification_settings (user_id, network_id, level)
       values ($1, $2, 'all')`,
      [cast.pekka.userId, cast.openNetwork],
    );
    await notifyWatchersAs(cast.db, cast.kalle.userId, cast.openNetwork);
    expect(await notificationsOf(cast.db, cast.pekka.userId)).toEqual([]);
  });

  it("refuses a link that leaves the site", async () => {
    for (const link of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "",
      "/a\nb",
    ]) {
      const attempt = notifyAs(cast.db, cast.kalle.userId, {
        recipient: cast.aino.userId,
        link,
        direct: true,
      });
      await expect(attempt).rejects.toMatchObject({ code: "23514" });
    }
    await notifyAs(cast.db, cast.kalle.userId, {
      recipient: cast.aino.userId,
      link: "/",
      direct: true,
    });
    expect(await notificationsOf(cast.db, cast.aino.userId)).toHaveLength(1);
  });
});
