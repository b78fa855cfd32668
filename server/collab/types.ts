/**
 * The contract between the collab server's parts: the room that holds a live document, the
 * persistence that makes it durable, and the headless editor that derives content from it.
 */
import type * as Y from "yjs";

/** Close codes the collab server uses (y-websocket 3.1 treats 4400–4499 as permanent). */
export const CloseCode = {
  /** Missing, malformed or expired collab token. The client fetches a new token. */
  unauthenticated: 4401,
  /** No access to the document, or access was revoked. The client re-authorises. */
  forbidden: 4403,
  /** A message over the size limit. */
  messageTooLarge: 4413,
  /** A message the protocol does not allow (bad framing, unknown type). */
  malformed: 4400,
  /** The document already has the maximum number of connections. */
  tooManyConnections: 4429,
  /** The server is shutting down; reconnect later (1012 is "service restart"). */
  restarting: 1012,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export type AccessLevel = "edit" | "comment" | "view";

/** Who is on the other end of a connection, from the verified collab token. */
export interface CollabIdentity {
  userId: string;
  documentId: string;
}

/** Durable storage of one database: the update log, compaction and derived content. */
export interface DocumentPersistence {
  /**
   * The document's live state: the compacted state plus every logged update. Builds (and stores)
   * the first state from `documents.html` when the document has none yet. Null when no such
   * document exists.
   */
  load(documentId: string): Promise<Y.Doc | null>;
  /** Queues an update for the log; written within 100 ms (batched across documents). */
  append(documentId: string, update: Uint8Array, authorId: string | null): void;
  /** Writes every queued update now. */
  flush(): Promise<void>;
  /**
   * Merges the log into `document_states.ydoc`, writes the derived content, text and html in the
   * same transaction, takes an automatic snapshot when due, and deletes the merged log rows.
   */
  compact(documentId: string, doc: Y.Doc): Promise<void>;
  close(): Promise<void>;
}

/** What the rest of the server (Remix routes, shutdown) may ask of the collab server. */
export interface CollabService {
  /** A short-lived token for `userId` to open `documentId` (after document_access said yes). */
  issueToken(userId: string, documentId: string): Promise<string>;
  /** Writes the live state of a document (if open) and its derived content to the database. */
  flushDocument(documentId: string): Promise<void>;
  /** Path prefix the websocket is served at, e.g. "/collab". */
  readonly path: string;
}
