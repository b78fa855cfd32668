/**
 * A socket's way in: the collab token (4401), the connection limit (4429), document_access as the
 * person (4403), then the room. Frames that arrive meanwhile wait in the connection, in order.
 */
import type { Connection } from "./connection";
import type { ConnectionLimit } from "./limits";
import type { CollabMetrics } from "./metrics";
import { decodeMessage, MalformedMessageError } from "./protocol";
import type { Room } from "./room";
import type { Rooms } from "./rooms";
import { verifyCollabToken } from "./token";
import { type AccessLevel, CloseCode } from "./types";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ws's "internal error": a failure of ours, which the client may retry. */
const internalError = 1011;

export interface AdmissionDeps {
  jwtSecret: string;
  limit: ConnectionLimit;
  rooms: Rooms;
  metrics: CollabMetrics;
  ask: (userId: string, documentId: string) => Promise<AccessLevel | null>;
  nextSequence: () => number;
  watch: { add(connection: Connection): void; remove(connection: Connection): void };
  isClosing: () => boolean;
}

/**
 * Applies an answer of document_access to a connection. Answers asked earlier than the one in
 * effect are stale and ignored. Once in a room, any change of level closes the socket (4403): the
 * client re-authorises and learns its new level with its new token, and its editor's mode follows.
 */
export function applyAccess(
  connection: Connection,
  level: AccessLevel | null,
  sequence: number,
): void {
  if (connection.closed || sequence < connection.accessSequence) return;
  connection.accessSequence = sequence;
  if (level === null) {
    connection.close(CloseCode.forbidden, "no access to this document");
  } else if (connection.joined && level !== connection.level) {
    connection.close(CloseCode.forbidden, "access changed");
  } else {
    connection.level = level;
  }
}

function failed(connection: Connection, deps: AdmissionDeps, what: string, error: unknown): void {
  if (deps.isClosing()) {
    connection.close(CloseCode.restarting, "the server is restarting");
    return;
  }
  console.error(`Collab: ${what} failed for document ${connection.documentId}`, error);
  connection.close(internalError, "internal error");
}

function serve(
  connection: Connection,
  room: Room,
  deps: AdmissionDeps,
): (frame: Uint8Array) => void {
  return (frame) => {
    try {
      room.receive(connection, decodeMessage(frame));
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        connection.close(CloseCode.malformed, "malformed message");
      } else {
        failed(connection, deps, "handling a message", error);
      }
    }
  };
}

export async function admit(
  connection: Connection,
  token: string | null,
  deps: AdmissionDeps,
): Promise<void> {
  const { documentId } = connection;
  const identity =
    token && uuidPattern.test(documentId)
      ? await verifyCollabToken(deps.jwtSecret, token, documentId)
      : null;
  if (connection.closed) return;
  if (!identity) {
    connection.close(CloseCode.unauthenticated, "missing, invalid or expired collab token");
    return;
  }
  if (!deps.limit.reserve(documentId)) {
    connection.close(CloseCode.tooManyConnections, "too many connections to this document");
    return;
  }
  connection.onClose(() => deps.limit.release(documentId));
  connection.userId = identity.userId;
  // Watched before the first question, so a change committed meanwhile is not missed.
  deps.watch.add(connection);
  connection.onClose(() => deps.watch.remove(connection));

  const sequence = deps.nextSequence();
  try {
    applyAccess(connection, await deps.ask(identity.userId, documentId), sequence);
  } catch (error) {
    failed(connection, deps, "asking document_access", error);
    return;
  }
  if (connection.closed) return;

  let room: Room | null;
  try {
    room = await deps.rooms.acquire(documentId);
  } catch (error) {
    failed(connection, deps, "loading the document", error);
    return;
  }
  if (!room) {
    connection.close(CloseCode.forbidden, "no such document");
    return;
  }
  const joinedRoom = room;
  if (connection.closed) {
    void deps.rooms.release(joinedRoom);
    return;
  }
  deps.metrics.connections++;
  joinedRoom.join(connection);
  connection.joined = true;
  connection.onClose(() => {
    deps.metrics.connections--;
    joinedRoom.leave(connection);
    void deps.rooms.release(joinedRoom);
  });
  connection.deliverTo(serve(connection, joinedRoom, deps));
}
