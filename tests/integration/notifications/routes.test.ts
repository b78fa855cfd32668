/**
 * The notification routes as the server runs them: signed in with the session cookie, the unread
 * count, the live event stream (which never carries a notification's contents) and following a
 * notification's link.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as openLoader } from "~/routes/notifications.$id.open";
import { loader as countLoader } from "~/routes/notifications.count";
import { loader as liveLoader } from "~/routes/notifications.live";
import { getSupabase } from "~/lib/supabase.server";
import {
  type NotificationLiveHub,
  startNotificationLiveHub,
} from "../../../server/notifications/live-hub";
import { stackUrl } from "../../helpers/embedded-stack";
import { password } from "../identity/support";
import { type Cast, insertNotification, notificationsOf, startCast } from "./support";

const origin = "http://127.0.0.1:3000";

let cast: Cast;
let hub: NotificationLiveHub;
let ainoCookie: string;
let pekkaCookie: string;

function context(options: { live?: boolean } = {}): AppLoadContext {
  return {
    supabase: {
      url: stackUrl,
      anonKey: cast.stack.embedded.keys.anonKey,
      fetch: cast.stack.embedded.fetch,
      embedded: true,
      headers: {},
    },
    ...(options.live === false ? {} : { notifications: hub }),
  };
}

/** The session cookies a browser would keep after signing in at /login. */
async function signInCookie(email: string): Promise<string> {
  const supabase = getSupabase(new Request(`${origin}/login`), context());
  const { error } = await supabase.client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return supabase.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

function request(path: string, cookie?: string, signal?: AbortSignal): Request {
  return new Request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {}, signal });
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Response)) throw new Error("expected a Response");
  return outcome;
}

/** Reads the stream until `text` has arrived. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: string,
): Promise<string> {
  const decoder = new TextDecoder();
  let received = "";
  while (!received.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${text}"; got ${JSON.stringify(received)}`);
    received += decoder.decode(value, { stream: true });
  }
  return received;
}

beforeAll(async () => {
  cast = await startCast("pglite");
  hub = await startNotificationLiveHub(cast.db);
  ainoCookie = await signInCookie(cast.aino.email);
  pekkaCookie = await signInCookie(cast.pekka.email);
});
afterAll(async () => {
  await hub?.close();
  await cast?.stack.close();
});

describe("/notifications/count", () => {
  it("answers the signed-in person's unread count", async () => {
    await insertNotification(cast.db, cast.aino.userId);
    await insertNotification(cast.db, cast.helmi.userId);
    const response = (await countLoader({
      request: request("/notifications/count", ainoCookie),
      context: context(),
      params: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ unread: 1 });
  });

  it("answers 401, not a login page, to someone signed out or not yet let in", async () => {
    for (const cookie of [undefined, pekkaCookie]) {
      const response = (await countLoader({
        request: request("/notifications/count", cookie),
        context: context(),
        params: {},
      })) as Response;
      expect(response.status).toBe(401);
    }
  });
});

describe("/notifications/live", () => {
  it("streams a bare `changed` event when the person's notifications change, and stops on abort", async () => {
    const aborts = new AbortController();
    const response = (await liveLoader({
      request: request("/notifications/live", ainoCookie, aborts.signal),
      context: context(),
      params: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store, no-transform");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, ": connected\n\n");
    expect(hub.subscriptionCount()).toBe(1);

    await insertNotification(cast.db, cast.aino.userId, {
      data: { title: "Salainen otsikko", actor_name: "Kalle" },
    });
    const received = await readUntil(reader, "event: changed\n");
    expect(received).toContain("event: changed\ndata:\n\n");
    expect(received).not.toContain("Salainen");

    aborts.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(hub.subscriptionCount()).toBe(0);
  });

  it("does not tell one person about another's notifications", async () => {
    const aborts = new AbortController();
    const response = (await liveLoader({
      request: request("/notifications/live", ainoCookie, aborts.signal),
      context: context(),
      params: {},
    })) as Response;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, ": connected\n\n");
    await insertNotification(cast.db, cast.helmi.userId);
    const next = reader.read();
    const quiet = await Promise.race([
      next.then(() => "spoke"),
      new Promise((resolve) => setTimeout(() => resolve("quiet"), 300)),
    ]);
    expect(quiet).toBe("quiet");
    aborts.abort();
    await next;
  });

  it("answers 204, which stops the browser's EventSource, without an active person or a live hub", async () => {
    for (const [cookie, live] of [
      [undefined, true],
      [pekkaCookie, true],
      [ainoCookie, false],
    ] as const) {
      const response = (await liveLoader({
        request: request("/notifications/live", cookie),
        context: context({ live }),
        params: {},
      })) as Response;
      expect(response.status).toBe(204);
    }
    expect(hub.subscriptionCount()).toBe(0);
  });
});

describe("/notifications/:id/open", () => {
  it("marks the notification read and follows its link", async () => {
    const id = await insertNotification(cast.db, cast.aino.userId, {
      link: "/networks/palkkatuki/discussions/3#reply-9",
    });
    const response = await thrownBy(
      openLoader({
        request: request(`/notifications/${id}/open`, ainoCookie),
        context: context(),
        params: { id },
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/networks/palkkatuki/discussions/3#reply-9");
    const stored = (await notificationsOf(cast.db, cast.aino.userId)).find((n) => n.id === id);
    expect(stored?.read_at).not.toBeNull();
  });

  it("is a 404 for someone else's notification or no notification at all", async () => {
    const helmis = await insertNotification(cast.db, cast.helmi.userId);
    for (const id of [helmis, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const response = await thrownBy(
        openLoader({
          request: request(`/notifications/${id}/open`, ainoCookie),
          context: context(),
          params: { id },
        }),
      );
      expect(response.status).toBe(404);
    }
    expect((await notificationsOf(cast.db, cast.helmi.userId))[0]?.read_at).toBeNull();
  });
});
