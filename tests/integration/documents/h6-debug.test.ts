import { it } from "vitest";
import { migrate } from "../../../server/embedded/migrate";
import { startEmbeddedStack } from "../../../tests/helpers/embedded-stack";
it("debug", async () => {
  const stack = await startEmbeddedStack("pglite");
  await migrate(stack.db, { seed: true });
  const c = stack.anonClient();
  await c.auth.signInWithPassword({ email: "kalle.koordinaattori@keha.example", password: "Verkko-demo-2025" });
  const d = await c.rpc("create_document", { title: "x", network_id: null });
  console.log(d);
  console.log(await c.rpc("can_manage_document", { document_id: d.data }));
  console.log(await c.rpc("can_manage_document", { document_id: "00000000-0000-0000-0000-000000000000" }));
  console.log(await stack.db.query("select private.manages_document($1)", [d.data]));
  await stack.close();
}, 120000);
