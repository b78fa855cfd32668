import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../server/app";
import { loadConfig } from "../../server/config";

describe("the server entry", () => {
  let running: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "verkko-server-"));
    running = await startServer(
      loadConfig({ PORT: "0", VERKKO_DATA_DIR: dataDir, VERKKO_SEED: "false", NODE_ENV: "test" }),
    );
  });

  afterAll(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("applies migrations into the data directory on first start", () => {
    expect(running.db?.kind).toBe("pglite");
    expect(running.migration).toBeDefined();
  });

  it("reports health while the database answers", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the Remix app", async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("serves the embedded API over HTTP", async () => {
    const response = await fetch(`${running.url}/auth/v1/health`);
    expect(response.status).toBeLessThan(500);
  });

  it("refuses an oversized request body with 413", async () => {
    const response = await fetch(`${running.url}/rest/v1/anything`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `"${"x".repeat(11 * 1024 * 1024)}"`,
    });
    expect(response.status).toBe(413);
  });

  it("refuses websocket upgrades on paths nobody serves", async () => {
    const socket = new WebSocket(`${running.url.replace("http", "ws")}/nowhere`);
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode));
      socket.on("error", () => resolve(undefined));
    });
    expect(status).toBe(404);
  });

  it("reports 503 once the database is gone", async () => {
    await running.db?.close();
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(503);
  });
});
