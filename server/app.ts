import { mkdir } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Config } from "./config";
import type { CollabServer } from "./collab/index";
import { startConfiguredCollabServer } from "./collab/from-config";
import { readOutbox as readOutboxEmails } from "./embedded/auth/mailer";
import { type Database, openDatabase } from "./embedded/db";
import { type EmbeddedSupabase, createEmbeddedSupabase } from "./embedded/index";
import { deriveApiKeys } from "./embedded/keys";
import { type MigrationReport, migrate, repoRoot } from "./embedded/migrate";
import { clientAddressHeader, fetchHandler } from "./http/fetch-adapter";
import { serverTiming } from "./http/server-timing";
import { type UpgradeRouter, createUpgradeRouter } from "./http/upgrade-router";
import type { SupabaseConnection } from "./load-context";
import { type NotificationLiveHub, startNotificationLiveHub } from "./notifications/live-hub";

export interface RunningServer {
  url: string;
  server: Server;
  db: Database | undefined;
  embedded: EmbeddedSupabase | undefined;
  migration: MigrationReport | undefined;
  /** Live notification signals (embedded stack only). */
  notifications: NotificationLiveHub | undefined;
  /** The co-editing server at /collab, whenever there is a database connection. */
  collab: CollabServer | undefined;
  /** The address people use, for links in e-mails. */
  siteUrl: string;
  close(): Promise<void>;
}

async function loadRemixBuild(): Promise<ServerBuild> {
  const buildPath = path.join(repoRoot, "build/index.js");
  return (await import(pathToFileURL(buildPath).href)) as ServerBuild;
}

function siteUrlOf(config: Config): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

async function openEmbedded(config: Config) {
  const { databaseUrl, dataDir, seed } = config.embedded;
  if (!databaseUrl) await mkdir(dataDir, { recursive: true });
  const db = await openDatabase({ databaseUrl, dataDir: path.join(dataDir, "pglite") });
  const migration = await migrate(db, { seed });
  const keys = await deriveApiKeys(config.embedded);
  const embedded = await createEmbeddedSupabase({ db, keys, siteUrl: siteUrlOf(config) });
  // One LISTEN for the whole server; against a hosted project, pages poll their count instead.
  const notifications = await startNotificationLiveHub(db);
  return { db, migration, embedded, notifications };
}

/** /auth/v1 and /rest/v1 bypass express: they are the hot path and need none of its middleware. */
function isEmbeddedApiPath(url: string): boolean {
  return /^\/(auth|rest)\/v1(?:[/?]|$)/.test(url);
}

/**
 * The database the collab server writes documents through: the embedded one, or with a hosted
 * Supabase project its Postgres at DATABASE_URL (migrated by the project, so not migrated here).
 */
async function collabDatabaseOf(
  config: Config,
  embeddedDb: Database | undefined,
): Promise<{ db: Database; owned: boolean } | undefined> {
  if (embeddedDb) return { db: embeddedDb, owned: false };
  const { databaseUrl } = config.embedded;
  return databaseUrl ? { db: await openDatabase({ databaseUrl }), owned: true } : undefined;
}

/** Starts everything on one port: health check, embedded Supabase API, Remix, websockets. */
export async function startServer(config: Config): Promise<RunningServer> {
  const embeddedParts = config.externalSupabase ? undefined : await openEmbedded(config);
  const db = embeddedParts?.db;
  const embedded = embeddedParts?.embedded;
  const notifications = embeddedParts?.notifications;
  const collabDb = await collabDatabaseOf(config, db);
  const collab = collabDb ? await startConfiguredCollabServer(config, collabDb.db) : undefined;

  const app = express();
  app.disable("x-powered-by");
  app.use(serverTiming);

  app.get("/healthz", async (_req, res) => {
    const healthy = db
      ? await db.ping()
      : await fetch(`${config.externalSupabase?.url}/auth/v1/health`).then(
          (response) => response.ok,
          () => false,
        );
    res.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "unavailable" });
  });


  app.use(compression());
  app.use(
    "/build",
    express.static(path.join(repoRoot, "public/build"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(repoRoot, "public"), { maxAge: "1h" }));

  const supabaseFor = (origin: string, clientAddress: string): SupabaseConnection =>
    embedded
      ? {
          url: origin,
          anonKey: embedded.keys.anonKey,
          fetch: embedded.fetch,
          embedded: true,
          headers: { [clientAddressHeader]: clientAddress },
        }
      : {
          url: config.externalSupabase?.url ?? "",
          anonKey: config.externalSupabase?.anonKey ?? "",
          fetch,
          embedded: false,
          headers: {},
        };

  // Development only: what the embedded auth "sent", for the /dev/outbox page.
  const readOutbox =
    db && config.nodeEnv !== "production"
      ? () => readOutboxEmails(db, undefined, { limit: 50 })
      : undefined;

  const build = await loadRemixBuild();
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.nodeEnv,
      getLoadContext: (req) => ({
        supabase: supabaseFor(
          `${req.protocol}://${req.get("host") ?? `${config.host}:${config.port}`}`,
          req.socket.remoteAddress ?? "unknown",
        ),
        ...(readOutbox ? { readOutbox } : {}),
        ...(notifications ? { notifications } : {}),
        ...(collab ? { collab: collab.service } : {}),
      }),
    }),
  );

  const upgradeRouter: UpgradeRouter = createUpgradeRouter();
  if (collab) upgradeRouter.register(collab.handleUpgrade, () => void collab.close());
  const server = await new Promise<Server>((resolve, reject) => {
    const api = embedded ? fetchHandler(embedded.handle) : undefined;
    const listening = createServer((req, res) => {
      if (api && isEmbeddedApiPath(req.url ?? "/")) void api(req, res);
      else app(req, res);
    });
    listening.listen(config.port, config.host, () => resolve(listening));
    listening.once("error", reject);
  });
  server.on("upgrade", upgradeRouter.handleUpgrade);

  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${config.host}:${port}`,
    server,
    db,
    embedded,
    migration: embeddedParts?.migration,
    notifications,
    collab,
    siteUrl: siteUrlOf(config),
    close() {
      closing ??= (async () => {
        upgradeRouter.closeAll();
        // Ends the open event streams, which would otherwise keep the server from closing.
        await notifications?.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        // Every open document is compacted (and its log written) while the database is still open.
        await collab?.close();
        if (collabDb?.owned) await collabDb.db.close();
        await db?.close();
      })();
      return closing;
    },
  };
}
