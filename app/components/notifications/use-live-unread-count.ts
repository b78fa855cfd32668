import { useEffect, useState } from "react";

export const liveEventsPath = "/notifications/live";
export const unreadCountPath = "/notifications/count";
export const pollIntervalMs = 60_000;
/** Several changes in a burst (a reply and a mention) cost one fetch. */
const refreshDelayMs = 200;
/**
 * The stream opens once the page has settled: the page's own requests go first, and whatever
 * waits for a quiet network after loading a page (crawlers, end-to-end tests) still sees one.
 * The count rendered with the page is current until then.
 */
export const liveStartDelayMs = 1500;

function unreadOf(body: unknown): number | null {
  if (typeof body !== "object" || body === null) return null;
  const unread = (body as { unread?: unknown }).unread;
  return typeof unread === "number" && Number.isInteger(unread) && unread >= 0 ? unread : null;
}

/**
 * The signed-in person's unread count, kept current without a reload: the server's event stream
 * says when it changed and the count is fetched again (the stream never carries it). Without
 * EventSource, or when the server does not stream, the count is polled every minute instead.
 * `initial` is the count the page was rendered with; a newer one from a loader replaces it.
 */
export function useLiveUnreadCount(initial: number): number {
  const [count, setCount] = useState(initial);

  useEffect(() => {
    setCount(initial);
  }, [initial]);

  useEffect(() => {
    const aborts = new AbortController();
    let latestRequest = 0;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;
    let startTimer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;

    const stop = () => {
      aborts.abort();
      source?.close();
      clearTimeout(startTimer);
      clearTimeout(refreshTimer);
      clearInterval(pollTimer);
      document.removeEventListener("visibilitychange", refreshWhenVisible);
    };

    async function refresh() {
      const request = ++latestRequest;
      let response: Response;
      try {
        response = await fetch(unreadCountPath, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: aborts.signal,
        });
      } catch {
        // Offline, or the component went away: the next signal or poll asks again.
        return;
      }
      // Signed out or no longer active: nothing more to count.
      if (response.status === 401) return stop();
      if (!response.ok) return;
      const unread = unreadOf(await response.json().catch(() => null));
      if (unread !== null && request === latestRequest && !aborts.signal.aborted) {
        setCount(unread);
      }
    }

    const refreshSoon = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refresh(), refreshDelayMs);
    };

    function refreshWhenVisible() {
      if (pollTimer !== undefined && document.visibilityState === "visible") refreshSoon();
    }

    const startPolling = () => {
      if (pollTimer !== undefined || aborts.signal.aborted) return;
      pollTimer = setInterval(() => {
        if (document.visibilityState === "visible") void refresh();
      }, pollIntervalMs);
      document.addEventListener("visibilitychange", refreshWhenVisible);
    };

    const listen = () => {
      const events = new EventSource(liveEventsPath);
      source = events;
      events.addEventListener("changed", refreshSoon);
      // Whatever changed before the stream (re)opened: since the render, or while it was down.
      events.addEventListener("open", refreshSoon);
      events.addEventListener("error", () => {
        // CLOSED: the server said 204 or answered with something else; it will not reconnect.
        if (events.readyState === EventSource.CLOSED) startPolling();
      });
    };

    if (typeof EventSource === "function") startTimer = setTimeout(listen, liveStartDelayMs);
    else startPolling();

    return stop;
  }, []);

  return count;
}
