/**
 * The collab server as the app and the standalone process start it: the configured limits, the
 * real persistence, and the server-side edits (restores, comment anchors) listening.
 */
import type { Config } from "../config";
import type { Database } from "../embedded/db";
import { type CollabServer, startCollabServer } from "./index";
import { createDocumentPersistence } from "./persistence";
import { serverEditsOf } from "./server-edit-listener";

export function startConfiguredCollabServer(config: Config, db: Database): Promise<CollabServer> {
  return startCollabServer({
    db,
    // Collab tokens are the server's own (audience "collab"); whoever issues them must share it.
    jwtSecret: config.embedded.jwtSecret,
    persistence: createDocumentPersistence(db),
    maxConnectionsPerDocument: config.collab.maxConnectionsPerDocument,
    maxMessageBytes: config.collab.maxMessageBytes,
    startServerEdits: serverEditsOf(db),
  });
}
