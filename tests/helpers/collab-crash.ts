/**
 * The crash drill for the collab server: editors type continuously into one document of the real
 * server process, the server is SIGKILLed and restarted again and again, and after each restart a
 * fresh client that only syncs checks that the server kept every update it had received more than
 * a second before the kill. Used by tests/integration/collab/crash.test.ts (short) and
 * tests/bench/collab-crash.ts (long).
 *
 * "Received" is proven, not assumed: an update counts once another client has seen it, which it
 * can only have done through the server. At each kill every client is disconnected before the
 * restart, so what the restarted server has is what it stored, not what clients sent again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as Y from "yjs";
import { issueCollabToken } from "../../server/collab/token";
import { type CollabClient, connectClient, probeTextName } from "./collab-clients";
import { freePort } from "./postgres-server";
import { type ServerProcess, startServerProcess } from "./server-process";

/** A seeded document (e5e5…0002) and its creator, Kalle, who may edit it. */
export const crashDocumentId = "e5e5e5e5-0000-4000-8000-000000000002";
export const crashEditorId = "a1a1a1a1-0000-4000-8000-000000000002";
/** The secret the spawned server signs collab tokens with (so the drill can mint them). */
const jwtSecret = "crash-drill-secret-of-at-least-32-characters";

export interface CrashDrillOptions {
  editors: number;
  kills: number;
  /** How long editors type between two kills. */
  typeMs: number;
  /** Pause between one editor's keystrokes. */
  keystrokeMs?: number;
  /** Run the server on this PostgreSQL database instead of PGlite in a data directory. */
  databaseUrl?: string;
  log?: (line: string) => void;
}

export interface KillReport {
  /** Updates other clients had seen more than a second before the kill. */
  acknowledged: number;
  /** Of those, how many the restarted server did not have (must be 0). */
  missing: string[];
  /** Updates typed in all before the kill. */
  typed: number;
  restartMs: number;
}

export interface CrashDrillReport {
  backend: "pglite" | "postgres";
  kills: KillReport[];
  /** Every editor's text after the last restart, once converged (all equal). */
  convergedText: string;
  /** Tokens typed by anyone that the converged text lacks (must be empty). */
  lostFromConverged: string[];
  /** The stored document's text after a clean restart (must equal convergedText). */
  storedText: string;
}

interface Keystroke {
  token: string;
  /** When another client first saw it (the server had it by then). */
  seenAt?: number;
}

const tokenPattern = /e\d+-\d+;/g;

function tokensIn(text: string): Set<string> {
  return new Set(text.match(tokenPattern) ?? []);
}

/** Inserts at a token boundary, so concurrent inserts never split another's token. */
function typeToken(doc: Y.Doc, token: string): void {
  const text = doc.getText(probeTextName);
  const content = text.toString();
  const boundaries = [0];
  for (let at = content.indexOf(";"); at !== -1; at = content.indexOf(";", at + 1)) {
    boundaries.push(at + 1);
  }
  const position = boundaries[Math.floor(Math.random() * boundaries.length)] ?? 0;
  text.insert(position, token);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

export async function runCrashDrill(options: CrashDrillOptions): Promise<CrashDrillReport> {
  const log = options.log ?? (() => undefined);
  const keystrokeMs = options.keystrokeMs ?? 25;
  const dataDir = mkdtempSync(path.join(tmpdir(), "verkko-crash-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { JWT_SECRET: jwtSecret, NODE_ENV: "production" };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const start = () => startServerProcess({ dataDir, port, env, timeoutMs: 120_000 });
  const token = () =>
    issueCollabToken(jwtSecret, { userId: crashEditorId, documentId: crashDocumentId });

  let server: ServerProcess = await start();
  const baseUrl = server.url;
  const keystrokes = new Map<string, Keystroke>();
  const editors: CollabClient[] = [];
  const reports: KillReport[] = [];
  try {
    for (let index = 0; index < options.editors; index++) {
      const client = connectClient({
        baseUrl,
        documentId: crashDocumentId,
        token: await token(),
        refreshToken: token,
      });
      // Tokens arriving from the server were typed by someone else: the server had them.
      client.doc.getText(probeTextName).observe((event, transaction) => {
        if (transaction.local) return;
        const now = Date.now();
        for (const change of event.changes.delta) {
          if (typeof change.insert !== "string") continue;
          for (const typed of change.insert.match(tokenPattern) ?? []) {
            const keystroke = keystrokes.get(typed);
            if (keystroke && keystroke.seenAt === undefined) keystroke.seenAt = now;
          }
        }
      });
      editors.push(client);
    }
    await Promise.all(editors.map((client) => client.whenSynced()));

    let sequence = 0;
    const typeFor = async (ms: number) => {
      const until = Date.now() + ms;
      await Promise.all(
        editors.map(async (client, index) => {
          while (Date.now() < until) {
            const typed = `e${index}-${sequence++};`;
            keystrokes.set(typed, { token: typed });
            typeToken(client.doc, typed);
            await sleep(keystrokeMs * (0.5 + Math.random()));
          }
        }),
      );
    };

    for (let kill = 1; kill <= options.kills; kill++) {
      await typeFor(options.typeMs);
      const killedAt = Date.now();
      await server.kill();
      for (const client of editors) client.provider.disconnect();
      const acknowledged = [...keystrokes.values()]
        .filter(
          (keystroke) => keystroke.seenAt !== undefined && keystroke.seenAt <= killedAt - 1000,
        )
        .map((keystroke) => keystroke.token);

      const restartStarted = Date.now();
      server = await start();
      const restartMs = Date.now() - restartStarted;
      // What the restarted server has, before any editor can send anything again.
      const probe = connectClient({ baseUrl, documentId: crashDocumentId, token: await token() });
      await probe.whenSynced();
      const stored = tokensIn(probe.doc.getText(probeTextName).toString());
      probe.destroy();
      const missing = acknowledged.filter((typed) => !stored.has(typed));
      reports.push({
        acknowledged: acknowledged.length,
        missing,
        typed: keystrokes.size,
        restartMs,
      });
      log(
        `kill ${kill}: ${acknowledged.length} of ${keystrokes.size} updates acknowledged > 1 s before; ` +
          `${missing.length} missing after restart (restart took ${restartMs} ms)`,
      );

      for (const client of editors) {
        client.provider.params = { token: await token() };
        client.provider.connect();
      }
      await Promise.all(editors.map((client) => client.whenSynced()));
    }

    // Everyone converges on one text holding everything anyone typed.
    const textOf = (client: CollabClient) => client.doc.getText(probeTextName).toString();
    await waitFor(
      () => editors.every((client) => textOf(client) === textOf(editors[0] as CollabClient)),
      20_000,
      "editors did not converge",
    );
    const convergedText = textOf(editors[0] as CollabClient);
    const converged = tokensIn(convergedText);
    const lostFromConverged = [...keystrokes.keys()].filter((typed) => !converged.has(typed));
    for (const client of editors) client.destroy();
    editors.length = 0;

    // A clean stop compacts; the stored document is what a fresh client gets after a restart.
    await server.stop();
    server = await start();
    const probe = connectClient({ baseUrl, documentId: crashDocumentId, token: await token() });
    await probe.whenSynced();
    const storedText = probe.doc.getText(probeTextName).toString();
    probe.destroy();
    return {
      backend: options.databaseUrl ? "postgres" : "pglite",
      kills: reports,
      convergedText,
      lostFromConverged,
      storedText,
    };
  } finally {
    for (const client of editors) client.destroy();
    await server.stop().catch(() => null);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
