/**
 * Node clients of the collab server: the stock y-websocket `WebsocketProvider` over `ws`, as a
 * browser tab would connect, with promises for the moments tests wait on (first sync, a close
 * code) instead of sleeps. Used by the collab integration tests, the crash test and the benchmark.
 */

import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface CollabClient {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Resolves the first time the provider has synced with the server. */
  synced: Promise<void>;
  /** Resolves with the first close the server sent (any code, permanent or not). */
  closed: Promise<CloseInfo>;
  /** Every close seen so far, in order. */
  closes: CloseInfo[];
  /** Resolves once the provider is synced again (immediately when it is synced now). */
  whenSynced(): Promise<void>;
  destroy(): void;
}

export interface ConnectOptions {
  /** The server's http(s) address, e.g. `running.url`; the websocket path is appended. */
  baseUrl: string;
  documentId: string;
  token: string;
  ydoc?: Y.Doc;
  /** Websocket path prefix on the server ("/collab" unless the server was mounted elsewhere). */
  path?: string;
  /**
   * Called for a fresh token before every reconnect, and after a 4401/4403 close (which stops
   * the stock provider) to connect again: as the app re-authorises. Without it a 44xx close is
   * final, and reconnects after a restart reuse the first token (valid for 60 s).
   */
  refreshToken?: () => Promise<string>;
  /** Passed to the provider; defaults to true. */
  connect?: boolean;
}

function webSocketUrl(baseUrl: string, path: string): string {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

export function connectClient(options: ConnectOptions): CollabClient {
  const doc = options.ydoc ?? new Y.Doc();
  // Each provider adds a process "exit" listener; tests and benchmarks open dozens on purpose.
  if (process.listenerCount("exit") + 1 >= process.getMaxListeners()) {
    process.setMaxListeners(process.getMaxListeners() + 10);
  }
  const provider = new WebsocketProvider(
    webSocketUrl(options.baseUrl, options.path ?? "/collab"),
    options.documentId,
    doc,
    {
      // Node 20 has no global WebSocket; the cast is because ws's types are not the DOM's.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: options.token },
      // Tests in one process must not sync through a BroadcastChannel behind the server's back.
      disableBc: true,
      connect: options.connect ?? true,
      maxBackoffTime: 500,
    },
  );
  const closes: CloseInfo[] = [];
  let resolveClosed: (info: CloseInfo) => void = () => undefined;
  const closed = new Promise<CloseInfo>((resolve) => {
    resolveClosed = resolve;
  });
  let destroyed = false;

  provider.on("connection-close", (event) => {
    // null when the provider closed the socket itself (disconnect(), watchdog).
    if (!event) return;
    const info = { code: event.code, reason: event.reason };
    closes.push(info);
    resolveClosed(info);
    const refresh = options.refreshToken;
    if (!refresh || destroyed) return;
    const permanent = event.code >= 4400 && event.code < 4500;
    void refresh().then((token) => {
      if (destroyed) return;
      provider.params = { token };
      // The stock provider stops after a 44xx close; the app connects again with a new token.
      if (permanent) provider.connect();
    });
  });

  const whenSynced = () =>
    provider.synced
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const onSync = (state: boolean) => {
            if (!state) return;
            provider.off("sync", onSync);
            resolve();
          };
          provider.on("sync", onSync);
        });

  return {
    provider,
    doc,
    synced: whenSynced(),
    closed,
    closes,
    whenSynced,
    destroy() {
      destroyed = true;
      provider.destroy();
    },
  };
}

/** Text of the shared `Y.Text` tests write to: plain Yjs, no editor needed. */
export const probeTextName = "probe";

/** Inserts `text` at a random position of the probe text, as typing somewhere would. */
export function typeAtRandom(doc: Y.Doc, text: string, random: () => number = Math.random): void {
  const probe = doc.getText(probeTextName);
  probe.insert(Math.floor(random() * (probe.length + 1)), text);
}

/** Resolves when `condition()` holds, checking after every update of any of `docs`. */
export function whenDocs(
  docs: Y.Doc[],
  condition: () => boolean,
  timeoutMs = 10_000,
  describe: () => string = () => "documents did not reach the expected state",
): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!condition()) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${describe()} within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      for (const doc of docs) doc.off("update", check);
    };
    for (const doc of docs) doc.on("update", check);
  });
}
