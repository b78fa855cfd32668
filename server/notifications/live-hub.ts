/**
 * One LISTEN on 'verkko_notifications' per server, fanned out to the open pages of each person.
 * The database announces a change to someone's notifications with their id as the payload and
 * nothing else; subscribers learn only that something changed and ask again through RLS.
 */
import type { Database } from "../embedded/db";

export const notificationsChannel = "verkko_notifications";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the Remix load context offers: change signals for one person. */
export interface NotificationEvents {
  /** `onChange` runs whenever `userId`'s notifications change; the function returned stops it. */
  subscribe(userId: string, onChange: () => void): () => void;
  /** Aborted when the server shuts down, so long-lived streams end and let it close. */
  readonly closed: AbortSignal;
}

export interface NotificationLiveHub extends NotificationEvents {
  /** How many subscriptions are open (for tests and health). */
  subscriptionCount(): number;
  close(): Promise<void>;
}

export async function startNotificationLiveHub(
  db: Pick<Database, "listen">,
): Promise<NotificationLiveHub> {
  const subscribers = new Map<string, Set<() => void>>();
  const closing = new AbortController();

  const deliver = (payload: string) => {
    const userId = payload.trim().toLowerCase();
    if (!uuidPattern.test(userId)) return;
    for (const onChange of subscribers.get(userId) ?? []) {
      try {
        onChange();
      } catch (error) {
        // One broken stream must not keep the others from hearing.
        console.error("A notification subscriber failed", error);
      }
    }
  };

  const unlisten = await db.listen(notificationsChannel, deliver);

  return {
    closed: closing.signal,
    subscribe(userId, onChange) {
      const key = userId.toLowerCase();
      if (closing.signal.aborted) return () => undefined;
      let callbacks = subscribers.get(key);
      if (!callbacks) {
        callbacks = new Set();
        subscribers.set(key, callbacks);
      }
      // A wrapper, so the same callback subscribed twice is two subscriptions.
      const subscription = () => onChange();
      callbacks.add(subscription);
      return () => {
        const current = subscribers.get(key);
        current?.delete(subscription);
        if (current?.size === 0) subscribers.delete(key);
      };
    },
    subscriptionCount() {
      let count = 0;
      for (const callbacks of subscribers.values()) count += callbacks.size;
      return count;
    },
    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      subscribers.clear();
      await unlisten();
    },
  };
}
