/**
 * The y-websocket wire format, read strictly: every incoming frame is decoded and validated in
 * full before anything touches a room, so a malformed frame closes the socket (4400) and never
 * reaches the document, its awareness or the update log.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

export type IncomingMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-step2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array; clients: AwarenessEntry[] }
  | { kind: "auth" }
  | { kind: "query-awareness" };

export interface AwarenessEntry {
  clientId: number;
  /** Null when the client removes its state (it left). */
  removed: boolean;
}

export class MalformedMessageError extends Error {}

function validUpdate(update: Uint8Array): Uint8Array {
  // decodeUpdate reads every struct and the delete set, which is what applyUpdate reads before it
  // integrates anything: garbage fails here instead of halfway into the room's document.
  Y.decodeUpdate(update);
  return update;
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientId, removed: state === null });
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing awareness bytes");
  return entries;
}

function readMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  let message: IncomingMessage;
  switch (type) {
    case messageSync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        message = { kind: "sync-step1", stateVector: payload };
      } else if (step === syncProtocol.messageYjsSyncStep2) {
        message = { kind: "sync-step2", update: validUpdate(payload) };
      } else if (step === syncProtocol.messageYjsUpdate) {
        message = { kind: "update", update: validUpdate(payload) };
      } else {
        throw new MalformedMessageError(`unknown sync step ${step}`);
      }
      break;
    }
    case messageAwareness: {
      const update = decoding.readVarUint8Array(decoder);
      message = { kind: "awareness", update, clients: readAwarenessEntries(update) };
      break;
    }
    case messageAuth:
      // The client never sends these; permission travels in the token. Read and ignore.
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      message = { kind: "auth" };
      break;
    case messageQueryAwareness:
      message = { kind: "query-awareness" };
      break;
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes");
  return message;
}

/** The message in `frame`; throws MalformedMessageError for anything the protocol does not allow. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  try {
    return readMessage(frame);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 and yjs throw plain Errors (or RangeErrors) on truncated or nonsensical input.
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** What `doc` has that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
