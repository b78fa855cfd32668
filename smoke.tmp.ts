import { readFileSync } from "node:fs";
import { PgliteDatabase } from "./server/embedded/db";
import { migrate } from "./server/embedded/migrate";
import { createEmbeddedSupabase } from "./server/embedded/index";
import { deriveApiKeys, developmentJwtSecret } from "./server/embedded/keys";
const db = await PgliteDatabase.open();
await migrate(db, { seed: false });
await db.exec(readFileSync./tests/helpers/fixtures/rest-conformance.sql", "utf8"));
const keys = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
const e = await createEmbeddedSupabase({ db, keys, siteUrl: "http://x" });
const reqs: [string, string, RequestInit?][] = JSON.parse(readFileSync(0, "utf8"));
for (const [method, path, init] of reqs) {
  const headers = new Headers(init?.headers); headers.set("apikey", keys.anonKey);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${keys.serviceRoleKey}`);
  const r = await e.fetch(`http://x/rest/v1${path}`, { ...init, method, headers });
  console.log(method, path, r.status, JSON.stringify(Object.fromEntries([...r.headers].filter(([k]) => !k.startsWith("access-control")))), (await r.text()).slice(0, 600));
}
await db.close();
