/**
 * `npm run collab`: only the collab server, on VERKKO_COLLAB_PORT (default 1234), for running
 * co-editing on its own node. It needs DATABASE_URL: PGlite is one process's database, so a second
 * process cannot share the app's data directory (without DATABASE_URL this opens the data
 * directory itself, which only works while the app is not running: for trying it out alone).
 * Tokens are checked with JWT_SECRET, which must be the app's. Do not also open the same documents
 * through the app's own /collab: two servers would each hold a copy of a live document.
 */
import { createServer } from "node:http";
import path from "node:path";
import { type Config, ConfigError, loadConfig } from "../config";
import { openDatabase } from "../embedded/db";
import { migrate } from "../embedded/migrate";
import { createUpgradeRouter } from "../http/upgrade-router";
import { startConfiguredCollabServer } from "./from-config";

const defaultPort = 1234;

async function main(config: Config): Promise<void> {
  const { databaseUrl, dataDir } = config.embedded;
  if (!databaseUrl) {
    console.warn(
      "No DATABASE_URL: opening the PGlite data directory, which the app must not have open.",
    );
  }
  const db = await openDatabase({ databaseUrl, dataDir: path.join(dataDir, "pglite") });
  // The embedded data directory is the app's to migrate; an empty one is migrated for trying out.
  if (!databaseUrl) await migrate(db, { seed: config.embedded.seed });
  const collab = await startConfiguredCollabServer(config, db);
  const router = createUpgradeRouter();
  router.register(collab.handleUpgrade, () => void collab.close());

  const server = createServer((req, res) => {
    if (req.url === "/healthz") {
      void db.ping().then((healthy) => {
        res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: healthy ? "ok" : "unavailable", ...collab.metrics() }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.on("upgrade", router.handleUpgrade);
  const port = config.collab.port ?? defaultPort;
  await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
  console.log(
    `Verkko collab server on ws://${config.host}:${port}${collab.service.path} (${db.kind})`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: compacting open documents and closing`);
    const forceExit = setTimeout(() => {
      console.error("Shutdown took longer than 10 s; exiting anyway");
      process.exit(1);
    }, 10_000);
    forceExit.unref();
    try {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error("Shutdown failed", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

try {
  await main(loadConfig(process.env));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
