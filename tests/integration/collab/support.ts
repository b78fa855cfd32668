/**
 * A collab server on a real http server (port 0) over a migrated database with the network RLS
 * fixture's people, and documents to open: what every collab integration test starts from.
 *
 *   document in "suljettu" (members only), created by anna (coordinator):
 *     anna, aino edit (coordinator, member) · eero views (observer) · olli nothing, until granted
 */
import { createServer, type Server } from "node:http";
import type * as Y from "yjs";
import { type CollabServer, startCollabServer } from "../../../server/collab/index";
import { createDocumentPersistence } from "../../../server/collab/persistence";
import { issueCollabToken } from "../../../server/collab/token";
import type { DocumentPersistence } from "../../../server/collab/types";
import type { Database } from "../../../server/embedded/db";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { createUpgradeRouter } from "../../../server/http/upgrade-router";
import { type Backend, openMigratedDatabase } from "../../helpers/databases";
import {
  networkClaimsOf,
  networkFixtureSql,
  networkPeople,
  networks,
} from "../rls/network-fixture";

export type Person = keyof typeof networkPeople;

export interface CollabFixture {
  db: Database;
  collab: CollabServer;
  persistence: DocumentPersistence;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** A new document in the members-only network, created by anna. */
  createDocument(title?: string): Promise<string>;
  tokenFor(person: Person, documentId: string): Promise<string>;
  /** Runs `sql` as `person` (RPCs that change access). */
  as<Row>(person: Person, sql: string, params?: unknown[]): Promise<Row[]>;
  /** The document as stored: compacted state plus the log, loaded afresh. */
  storedDoc(documentId: string): Promise<Y.Doc>;
  /** Restarts nothing: stops the collab server, then the http server and the database. */
  close(): Promise<void>;
}

export const jwtSecret = developmentJwtSecret;

export async function startCollabFixture(
  backend: Backend,
  options: { maxConnectionsPerDocument?: number; maxMessageBytes?: number } = {},
): Promise<CollabFixture> {
  const db = await openMigratedDatabase(backend);
  await db.exec(networkFixtureSql);
  const persistence = createDocumentPersistence(db);
  const collab = await startCollabServer({
    db,
    jwtSecret,
    persistence,
    compactDebounceMs: 200,
    ...options,
  });
  const router = createUpgradeRouter();
  router.register(collab.handleUpgrade, () => void collab.close());
  const server = await new Promise<Server>((resolve) => {
    const listening = createServer((_req, res) => res.writeHead(404).end());
    listening.listen(0, "127.0.0.1", () => resolve(listening));
  });
  server.on("upgrade", router.handleUpgrade);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const as = async <Row>(person: Person, sql: string, params: unknown[] = []) =>
    (await db.transaction(networkClaimsOf(person), (tx) => tx.query<Row>(sql, params))).rows;

  return {
    db,
    collab,
    persistence,
    baseUrl: `http://127.0.0.1:${port}`,
    async createDocument(title = "Ohje") {
      const [row] = await as<{ id: string }>(
        "anna",
        "select public.create_document($1, 'guidance', 'fi', $2) as id",
        [title, networks.suljettu],
      );
      if (!row) throw new Error("create_document returned nothing");
      return row.id;
    },
    tokenFor: (person, documentId) =>
      issueCollabToken(jwtSecret, { userId: networkPeople[person], documentId }),
    as,
    async storedDoc(documentId) {
      await persistence.flush();
      const doc = await persistence.load(documentId);
      if (!doc) throw new Error(`document ${documentId} is not stored`);
      return doc;
    },
    async close() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
