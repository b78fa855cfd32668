/** /dev/outbox shows the embedded outbox in development and does not exist in production. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../../server/app";
import { loadConfig } from "../../../server/config";

async function startWith(nodeEnv: "test" | "production") {
  const dataDir = mkdtempSync(path.join(tmpdir(), "verkko-outbox-"));
  const running = await startServer(
    loadConfig({
      PORT: "0",
      VERKKO_DATA_DIR: dataDir,
      VERKKO_SEED: "false",
      NODE_ENV: nodeEnv,
      JWT_SECRET: "a-test-secret-that-is-at-least-32-characters",
    }),
  );
  return {
    running,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("the development outbox page", () => {
  let development: Awaited<ReturnType<typeof startWith>>;
  let production: Awaited<ReturnType<typeof startWith>>;

  beforeAll(async () => {
    [development, production] = await Promise.all([startWith("test"), startWith("production")]);
  });

  afterAll(async () => {
    await Promise.all([development?.close(), production?.close()]);
  });

  it("lists what the embedded auth sent, newest first, outside production", async () => {
    const { db } = development.running;
    await db?.query(
      `insert into embedded.email_outbox (recipient, subject, body, kind, created_at) values
         ($1, 'Vahvista sähköpostiosoitteesi', 'Avaa http://127.0.0.1/confirm?token=1', 'signup', now() - interval '1 minute'),
         ($1, 'Vaihda salasanasi', 'Avaa http://127.0.0.1/recover?token=2', 'recovery', now())`,
      ["aino.asiantuntija@tampere.example"],
    );
    const response = await fetch(`${development.running.url}/dev/outbox`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const newer = html.indexOf("Vaihda salasanasi");
    const older = html.indexOf("Vahvista sähköpostiosoitteesi");
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
    expect(html).toContain('href="http://127.0.0.1/recover?token=2"');
  });

  it("is a 404 in production", async () => {
    const response = await fetch(`${production.running.url}/dev/outbox`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("email_outbox");
  });
});
