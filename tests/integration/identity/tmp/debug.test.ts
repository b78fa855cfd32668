import { it } from "vitest";
import { createClient } from "@supabase/supabase-js";
it("headers", async () => {
  const client = createClient("http://embedded.test", "anon", {
    global: { fetch: async (input, init) => { console.log(String(input), JSON.stringify([...new Headers(init?.headers).entries()])); return new Response("null", { status: 200, headers: {"content-type": "application/json"} }); }, headers: { Authorization: "Bearer x" } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  await client.rpc("deactivate_member", { user_id: "a", organisation_id: "b" });
  await client.from("audit_log").select("id");
});
