/**
 * One editor's link to the collab server: the Y.Doc, the y-websocket provider, the browser's
 * offline copy (editors only) and what the interface shows about them (connection status,
 * who is here). Lexical's CollaborationPlugin drives the provider; this module decides when and
 * with which token it reconnects.
 *
 * y-websocket 3.1 stops for good on the server's 44xx close codes, and would otherwise retry
 * with the URL's old token, which lives 60 seconds. So every close the server (or the network)
 * causes is terminal here (`shouldReconnect: () => false`), and this module fetches a fresh token
 * before it connects again: 4401 (stale token) and network drops simply reconnect, 4403 asks the
 * database again and either reconnects, rebuilds the editor at the new access level, or gives up
 * because the access is gone.
 */
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { CollabSession } from "~/lib/collab-session";
import type { DocumentAccess } from "~/lib/document";
import type { SessionAnswer } from "./request-collab-session.client";

export type ConnectionStatus = "connecting" | "saving" | "saved" | "live" | "offline";

/** Why the server refused the last connection, when it is something the person should know. */
export type ConnectionProblem = "tooLarge" | "full" | null;

export interface Participant {
  clientId: number;
  userId: string | null;
  name: string;
  colour: string;
  isSelf: boolean;
}

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  problem: ConnectionProblem;
  /** The editor has content worth showing: synced with the server, or the offline copy. */
  ready: boolean;
  participants: Participant[];
}

export interface ConnectionEvents {
  /** The database now grants another level: rebuild the editor with this session. */
  onAccessChanged(session: CollabSession): void;
  /** The person may no longer open the document. */
  onAccessLost(): void;
  /** The session cookie is gone: sign in again. */
  onSignedOut(): void;
}

const closeCodes = {
  unauthenticated: 4401,
  forbidden: 4403,
  messageTooLarge: 4413,
  malformed: 4400,
  tooManyConnections: 4429,
} as const;

/** How long the server takes to write what it received (its 100 ms batch), with a margin. */
const persistDelayMs = 250;
const maxBackoffMs = 15_000;

function sameParticipants(a: Participant[], b: Participant[]): boolean {
  return (
    a.length === b.length &&
    a.every((one, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        one.clientId === other.clientId &&
        one.name === other.name &&
        one.colour === other.colour
      );
    })
  );
}

export class CollabConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private offlineCopy: IndexeddbPersistence | null = null;
  private readonly offlineCopyName: string | null;
  private readonly access: DocumentAccess;
  private snapshot: ConnectionSnapshot;
  private readonly listeners = new Set<() => void>();
  private destroyed = false;
  private reauthorising = false;
  private failedAttempts = 0;
  private everConnected = false;
  private unsentChanges = false;
  private savedCheck: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposers: (() => void)[] = [];

  constructor(
    private readonly documentId: string,
    session: CollabSession,
    private readonly requestSession: () => Promise<SessionAnswer>,
    private readonly events: ConnectionEvents,
  ) {
    this.access = session.access;
    const readOnly = session.access !== "edit";
    this.provider = new WebsocketProvider(session.wsUrl, documentId, this.doc, {
      connect: false,
      params: { token: session.token },
      // Viewers' local changes (which the editor does not allow anyway) never travel between tabs.
      disableBc: readOnly,
      shouldReconnect: () => false,
    });
    // Only editors keep an offline copy: what they type while disconnected is kept on this
    // device and sent when the connection is back. Per person, so a shared browser never sends
    // one person's changes under another's name.
    this.offlineCopyName = readOnly ? null : `verkko:${session.user.id}:${documentId}`;
    // Lexical's binding shows only what changes in the Y.Doc after it starts observing it: a
    // copy loaded from IndexedDB before then stays invisible (an empty editor over a full
    // document). Lexical connects the provider right after it starts observing, so the copy is
    // opened then.
    const connect = this.provider.connect.bind(this.provider);
    this.provider.connect = () => {
      this.openOfflineCopy();
      connect();
    };
    this.snapshot = {
      status: "connecting",
      problem: null,
      ready: false,
      participants: [],
    };
    this.listen();
  }

  private listen(): void {
    const { provider, doc } = this;

    const onStatus = () => this.refresh();
    const onSync = (synced: boolean) => {
      if (synced) {
        this.failedAttempts = 0;
        this.everConnected = true;
        this.update({ problem: null, ready: true });
      }
      this.refresh();
    };
    const onClosed = (event: { code: number }) => {
      void this.reauthorise(event.code);
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      // y-websocket closes a silent socket itself (no message for 30 s) and would reconnect with
      // the old token; take over instead. A deliberate disconnect() clears shouldConnect first.
      if (event === null && this.provider.shouldConnect && !this.destroyed) {
        this.provider.shouldConnect = false;
        void this.reauthorise(null);
      }
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === this.offlineCopy || this.access !== "edit") return;
      this.unsentChanges = true;
      this.refresh();
    };
    const onAwareness = () => this.refreshParticipants();
    const onOnline = () => {
      if (!this.provider.wsconnected && !this.reauthorising) void this.reauthorise(null);
    };
    // Browsers keep an open websocket through a lost network until it times out; say "offline"
    // at once (edits are kept on this device) and reconnect with a fresh token when it is back.
    const onOffline = () => {
      if (this.provider.ws) this.provider.disconnect();
    };

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("closed", onClosed);
    provider.on("connection-close", onConnectionClose);
    provider.awareness.on("change", onAwareness);
    doc.on("update", onUpdate);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    this.disposers.push(
      () => provider.off("status", onStatus),
      () => provider.off("sync", onSync),
      () => provider.off("closed", onClosed),
      () => provider.off("connection-close", onConnectionClose),
      () => provider.awareness.off("change", onAwareness),
      () => doc.off("update", onUpdate),
      () => window.removeEventListener("online", onOnline),
      () => window.removeEventListener("offline", onOffline),
    );
  }

  private openOfflineCopy(): void {
    if (this.offlineCopy || !this.offlineCopyName || this.destroyed) return;
    this.offlineCopy = new IndexeddbPersistence(this.offlineCopyName, this.doc);
    this.offlineCopy.on("synced", () => {
      // Offline with a copy on this device: show it rather than wait for the server.
      if (!this.provider.synced && this.snapshot.status === "offline") this.update({ ready: true });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  private update(changes: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...changes };
    if (
      next.status === this.snapshot.status &&
      next.problem === this.snapshot.problem &&
      next.ready === this.snapshot.ready &&
      next.participants === this.snapshot.participants
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Works out the status from the provider and whether local changes are still on their way. */
  private refresh(): void {
    if (this.destroyed) return;
    const { provider } = this;
    if (!provider.wsconnected || !provider.synced) {
      const offline = this.everConnected || this.failedAttempts > 0;
      this.update({ status: offline ? "offline" : "connecting" });
      if (offline && this.offlineCopy?.synced) this.update({ ready: true });
      return;
    }
    if (this.access !== "edit") {
      this.update({ status: "live" });
      return;
    }
    if (!this.unsentChanges) {
      this.update({ status: "saved" });
      return;
    }
    this.update({ status: "saving" });
    // There is no acknowledgement in the y-websocket protocol: the change counts as saved once
    // the socket has handed it to the network and the server's write batch has had its time.
    clearTimeout(this.savedCheck);
    this.savedCheck = setTimeout(() => {
      if ((provider.ws?.bufferedAmount ?? 1) === 0 && provider.wsconnected) {
        this.unsentChanges = false;
      }
      this.refresh();
    }, persistDelayMs);
  }

  private refreshParticipants(): void {
    const { awareness } = this.provider;
    const seen = new Set<string>();
    const participants: Participant[] = [];
    // Yourself first, then the others in the order they arrived; one entry per person even when
    // they have the document open in several tabs.
    const states = [...awareness.getStates().entries()].sort(([a], [b]) =>
      a === awareness.clientID ? -1 : b === awareness.clientID ? 1 : 0,
    );
    for (const [clientId, state] of states) {
      const name = typeof state.name === "string" ? state.name : "";
      const colour = typeof state.color === "string" ? state.color : "#334155";
      const data = state.awarenessData as { userId?: unknown } | undefined;
      const userId = typeof data?.userId === "string" ? data.userId : null;
      if (!name) continue;
      const key = userId ?? `client:${clientId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      participants.push({
        clientId,
        userId,
        name,
        colour,
        isSelf: clientId === awareness.clientID,
      });
    }
    if (!sameParticipants(participants, this.snapshot.participants)) {
      this.update({ participants });
    }
  }

  /** Gets a fresh token (asking the database again) and reconnects, or reports why not. */
  private async reauthorise(closeCode: number | null): Promise<void> {
    if (this.destroyed || this.reauthorising) return;
    this.reauthorising = true;
    clearTimeout(this.retryTimer);
    this.failedAttempts++;
    if (closeCode === closeCodes.messageTooLarge || closeCode === closeCodes.malformed) {
      this.update({ problem: "tooLarge" });
    } else if (closeCode === closeCodes.tooManyConnections) {
      this.update({ problem: "full" });
    }
    this.refresh();
    const authorisationChanged =
      closeCode === closeCodes.unauthenticated || closeCode === closeCodes.forbidden;
    // Stale tokens and changed access are answered at once; anything else backs off.
    const delay = authorisationChanged
      ? 0
      : Math.min(maxBackoffMs, 250 * 2 ** Math.min(this.failedAttempts, 6));
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.destroyed) return;
    if (!navigator.onLine) {
      // The "online" listener tries again when the network is back.
      this.reauthorising = false;
      return;
    }
    const answer = await this.requestSession();
    this.reauthorising = false;
    if (this.destroyed) return;
    switch (answer.kind) {
      case "issued":
        if (answer.session.access !== this.access) {
          if (answer.session.access !== "edit") await this.forgetOfflineCopy();
          this.events.onAccessChanged(answer.session);
          return;
        }
        this.provider.params = { token: answer.session.token };
        this.provider.connect();
        return;
      case "notFound":
        await this.forgetOfflineCopy();
        this.events.onAccessLost();
        return;
      case "signedOut":
        this.events.onSignedOut();
        return;
      case "unavailable":
      case "failed":
        this.retryTimer = setTimeout(() => void this.reauthorise(null), 0);
        return;
    }
  }

  /** Someone who may no longer edit keeps no copy of the document on this device. */
  private async forgetOfflineCopy(): Promise<void> {
    try {
      await this.offlineCopy?.clearData();
    } catch (error) {
      console.warn("Could not clear the offline copy of the document", this.documentId, error);
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.savedCheck);
    clearTimeout(this.retryTimer);
    for (const dispose of this.disposers) dispose();
    this.listeners.clear();
    this.provider.destroy();
    void this.offlineCopy?.destroy();
    this.doc.destroy();
  }
}
