/**
 * The live hub: one LISTEN per server, each change reaching only the open pages of the person it
 * concerns, once the change commits, on PGlite and on PostgreSQL (where the listener reconnects).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type NotificationLiveHub,
  notificationsChannel,
  startNotificationLiveHub,
} from "../../../server/notifications/live-hub";
import { availableBackends } from "../../helpers/databases";
import { type Cast, insertNotification, notifyAs, startCast } from "./support";

/** Resolves when `count()` reaches `expected`, or fails after `timeoutMs`. */
async function eventually(count: () => number, expected: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() < expected) {
    if (Date.now() > deadline) throw new Error(`expected ${expected} signals, got ${count()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Time for a signal that should not come to arrive anyway. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(availableBackends())("the live notification hub on %s", (backend) => {
  let cast: Cast;
  let hub: NotificationLiveHub;
  beforeAll(async () => {
    cast = await startCast(backend);
    hub = await startNotificationLiveHub(cast.db);
  });
  afterAll(async () => {
    await hub.close();
    await cast.stack.close();
  });

  it("signals the recipient's subscribers, and nobody else's, when a notification is made", async () => {
    const signals = { aino: 0, ainoOtherTab: 0, helmi: 0 };
    const stops = [
      hub.subscribe(cast.aino.userId, () => signals.aino++),
      hub.subscribe(cast.aino.userId, () => signals.ainoOtherTab++),
      hub.subscribe(cast.helmi.userId, () => signals.helmi++),
    ];
    try {
      await notifyAs(cast.db, cast.kalle.userId, { recipient: cast.aino.userId, direct: true });
      await eventually(() => Math.min(signals.aino, signals.ainoOtherTab), 1);
      await settle();
      expect(signals).toEqual({ aino: 1, ainoOtherTab: 1, helmi: 0 });
    } finally {
      for (const stop of stops) stop();
    }
    expect(hub.subscriptionCount()).toBe(0);
  });

  it("signals when the person marks notifications read or deletes one, in another tab too", async () => {
    const id = await insertNotification(cast.db, cast.helmi.userId);
    let signals = 0;
    const stop = hub.subscribe(cast.helmi.userId, () => signals++);
    try {
      await settle();
      const start = signals;
      await cast.helmi.client.rpc("mark_notifications_read", { ids: [id] });
      await eventually(() => signals, start + 1);
      await cast.helmi.client.from("notifications").delete().eq("id", id);
      await eventually(() => signals, start + 2);
    } finally {
      stop();
    }
  });

  it("says nothing about a change that was rolled back, nor after unsubscribing", async () => {
    let signals = 0;
    const stop = hub.subscribe(cast.aino.userId, () => signals++);
    await cast.db
      .transaction(null, async (tx) => {
        await tx.query(
          "insert into public.notifications (recipient_id, kind, link) values ($1, 'reply', '/')",
          [cast.aino.userId],
        );
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await settle();
    expect(signals).toBe(0);
    stop();
    await insertNotification(cast.db, cast.aino.userId);
    await settle();
    expect(signals).toBe(0);
  });

  it("ignores payloads that are not a person's id", async () => {
    let signals = 0;
    const stop = hub.subscribe(cast.aino.userId, () => signals++);
    try {
      await cast.db.query("select pg_notify($1, $2)", [notificationsChannel, "not-an-id"]);
      await cast.db.query("select pg_notify($1, $2)", [notificationsChannel, ""]);
      await cast.db.query("select pg_notify($1, upper($2))", [
        notificationsChannel,
        cast.aino.userId,
      ]);
      await eventually(() => signals, 1);
      await settle();
      expect(signals).toBe(1);
    } finally {
      stop();
    }
  });

  it("ends its subscribers' streams when it closes", async () => {
    const another = await startNotificationLiveHub(cast.db);
    let signals = 0;
    another.subscribe(cast.aino.userId, () => signals++);
    expect(another.closed.aborted).toBe(false);
    await another.close();
    expect(another.closed.aborted).toBe(true);
    expect(another.subscriptionCount()).toBe(0);
    await insertNotification(cast.db, cast.aino.userId);
    await settle();
    expect(signals).toBe(0);
  });

  // PGlite runs in this process and has no connection to drop: the case exists on Postgres only.
  const onPostgres = backend === "postgres" ? it : undefined;
  onPostgres?.(
    "listens again after the database drops its connection",
    async () => {
      let signals = 0;
      const stop = hub.subscribe(cast.aino.userId, () => signals++);
      try {
        const { rows } = await cast.db.query<{ ended: boolean }>(
          `select pg_terminate_backend(pid) as ended from pg_stat_activity
            where application_name = 'verkko-listener' and datname = current_database()`,
        );
        expect(rows).toEqual([{ ended: true }]);
        // Notify until the reconnected listener hears one.
        const deadline = Date.now() + 10_000;
        while (signals === 0 && Date.now() < deadline) {
          await insertNotification(cast.db, cast.aino.userId);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(signals).toBeGreaterThan(0);
      } finally {
        stop();
      }
    },
  );
});
