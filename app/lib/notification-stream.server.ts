/**
 * The Server-Sent Events stream of /notifications/live: `event: changed` whenever the person's
 * notifications change, never their contents (the page asks for its count again, through RLS).
 */
import type { NotificationEvents } from "../../server/notifications/live-hub";

export const heartbeatMs = 25_000;
/** Then the browser's EventSource reconnects, and the person's session is checked again. */
export const maxStreamMs = 10 * 60_000;

const encoder = new TextEncoder();
// An event with no data line is never dispatched (HTML's SSE parsing), hence the empty one.
const changedEvent = encoder.encode("event: changed\ndata:\n\n");
const heartbeat = encoder.encode(": heartbeat\n\n");
// Comments and the reconnection delay; proxies see traffic at once.
const opening = encoder.encode("retry: 5000\n: connected\n\n");

export function notificationEventStream(options: {
  events: NotificationEvents;
  userId: string;
  /** The request's signal: the browser went away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxStreamMs?: number;
}): ReadableStream<Uint8Array> {
  const { events, userId } = options;
  let cleanUp: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const signals = AbortSignal.any([options.signal, events.closed]);
      let open = true;
      const send = (chunk: Uint8Array) => {
        if (open) controller.enqueue(chunk);
      };
      const unsubscribe = events.subscribe(userId, () => send(changedEvent));
      const beat = setInterval(() => send(heartbeat), options.heartbeatMs ?? heartbeatMs);
      const end = setTimeout(() => finish(), options.maxStreamMs ?? maxStreamMs);
      cleanUp = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(beat);
        clearTimeout(end);
        signals.removeEventListener("abort", finish);
      };
      function finish() {
        if (!open) return;
        cleanUp();
        controller.close();
      }
      if (signals.aborted) {
        finish();
        return;
      }
      signals.addEventListener("abort", finish);
      send(opening);
    },
    // The reader went away (the response could not be written): stop, there is no one to close for.
    cancel() {
      cleanUp();
    },
  });
}
