/**
 * Access changes reach open sockets at once: the database announces on 'verkko_document_access'
 * whose access may have changed ({"user"}, {"document"} or {"network"}), and this asks
 * document_access again, as each affected person, once per (person, document) however many
 * sockets they have open. Lost access, or a different level than the socket was opened with,
 * closes the socket with 4403: the client re-authorises and opens the editor in its new mode.
 */
import type { Database } from "../embedded/db";
import type { Connection } from "./connection";
import type { AccessLevel } from "./types";

export const documentAccessChannel = "verkko_document_access";

export interface AccessWatchOptions {
  db: Pick<Database, "listen">;
  ask: (userId: string, documentId: string) => Promise<AccessLevel | null>;
  /** Called with the answer for a connection; the watch only decides whom to ask about. */
  apply: (connection: Connection, level: AccessLevel | null, sequence: number) => void;
  /** Issues the sequence number of an answer about to be asked (older answers lose). */
  nextSequence: () => number;
  onError: (error: unknown) => void;
}

export interface AccessWatch {
  add(connection: Connection): void;
  remove(connection: Connection): void;
  close(): Promise<void>;
}

type Scope = { user: string } | { document: string } | { all: true };

function scopeOf(payload: string): Scope {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (parsed && typeof parsed === "object") {
      const { user, document } = parsed as { user?: unknown; document?: unknown };
      if (typeof user === "string") return { user };
      if (typeof document === "string") return { document };
    }
  } catch {
    // An unreadable payload still means "someone's access changed": ask everyone.
  }
  // {"network": id}: which open documents belong to it is not known here, so ask everyone.
  return { all: true };
}

function affects(scope: Scope, connection: Connection): boolean {
  if ("all" in scope) return true;
  if ("user" in scope) return connection.userId === scope.user;
  return connection.documentId === scope.document;
}

export async function startAccessWatch(options: AccessWatchOptions): Promise<AccessWatch> {
  const connections = new Set<Connection>();
  // Scopes heard since the last pass; a burst of notifications (a revoked network membership
  // touches many grants) becomes one pass.
  let pending: Scope[] = [];
  let scheduled = false;

  const recheck = async (scopes: Scope[]) => {
    const byPair = new Map<string, Connection[]>();
    for (const connection of connections) {
      if (!connection.userId || !scopes.some((scope) => affects(scope, connection))) continue;
      const key = `${connection.userId} ${connection.documentId}`;
      byPair.set(key, [...(byPair.get(key) ?? []), connection]);
    }
    await Promise.all(
      [...byPair.values()].map(async (group) => {
        const [first] = group;
        if (!first?.userId) return;
        const sequence = options.nextSequence();
        const level = await options.ask(first.userId, first.documentId);
        for (const connection of group) options.apply(connection, level, sequence);
      }),
    );
  };

  const onPayload = (payload: string) => {
    pending.push(scopeOf(payload));
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const scopes = pending;
      pending = [];
      recheck(scopes).catch(options.onError);
    });
  };

  const unlisten = await options.db.listen(documentAccessChannel, onPayload);
  return {
    add: (connection) => void connections.add(connection),
    remove: (connection) => void connections.delete(connection),
    async close() {
      connections.clear();
      await unlisten();
    },
  };
}
