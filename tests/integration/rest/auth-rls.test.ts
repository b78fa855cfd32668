import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "../../../server/embedded/jwt";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { clientWithToken, restFetch, signedInAs, userA, userB, userToken } from "../../helpers/rest-clients";
import { startRestStack } from "./setup";

const ainoPrivate = "10000000-0000-4000-8000-000000000001";
const ainoPublic = "10000000-0000-4000-8000-000000000002";
const bertilPrivate = "10000000-0000-4000-8000-000000000003";

describe.each(availableBackends())("REST authentication and row level security on %s", (backend) => {
  let stack: EmbeddedStack;
  let aino: SupabaseClient;
  let bertil: SupabaseClient;
  beforeAll(async () => {
    stack = await startRestStack(backend);
    aino = await signedInAs(stack.embedded, userA);
    bertil = await signedInAs(stack.embedded, userB);
  });
  afterAll(() => stack.close());

  const titles = (rows: { title: string }[] | null) => (rows ?? []).map((row) => row.title).sort();

  describe("notes protected by RLS", () => {
    it("lets a user read their own and public notes but not another user's", async () => {
      expect(titles((await aino.from("notes").select("title")).data)).toEqual(["Aino private", "Aino public"]);
      expect(titles((await bertil.from("notes").select("title")).data)).toEqual(["Aino public", "Bertil private"]);
      const peek = await bertil.from("notes").select("title").eq("id", ainoPrivate);
      expect(peek).toMatchObject({ data: [], error: null });
      const other = await aino.from("notes").select("title").eq("id", bertilPrivate).maybeSingle();
      expect(other).toMatchObject({ data: null, error: null });
    });

    it("shows anon only public notes and the service role everything", async () => {
      expect(titles((await stack.anonClient().from("notes").select("title")).data)).toEqual(["Aino public"]);
      const all = await stack.serviceClient().from("notes").select("title", { count: "exact" });
      expect(all.count).toBeGreaterThanOrEqual(3);
    });

    it("does not let a user update or delete another user's notes", async () => {
      const update = await bertil.from("notes").update({ title: "hijacked" }).eq("id", ainoPublic).select();
      expect(update).toMatchObject({ data: [], error: null });
      const remove = await bertil.from("notes").delete({ count: "exact" }).eq("id", ainoPrivate);
      expect(remove.count).toBe(0);
      const check = await stack.serviceClient().from("notes").select("title").in("id", [ainoPublic, ainoPrivate]).order("title");
      expect(check.data).toEqual([{ title: "Aino private" }, { title: "Aino public" }]);
    });

    it("lets an owner update and delete their own notes", async () => {
      const created = await bertil.from("notes").insert({ title: "temporary" }).select("id, owner_id").single();
      expect(created.error).toBeNull();
      expect(created.data?.owner_id).toBe(userB.id);
      const renamed = await bertil.from("notes").update({ title: "renamed" }).eq("id", created.data?.id).select("title");
      expect(renamed.data).toEqual([{ title: "renamed" }]);
      const removed = await bertil.from("notes").delete().eq("id", created.data?.id).select("title");
      expect(removed.data).toEqual([{ title: "renamed" }]);
    });

    it("refuses a row for someone else with 42501: 403 when signed in, 401 for anon", async () => {
      const forged = await bertil.from("notes").insert({ title: "forged", owner_id: userA.id });
      expect(forged.status).toBe(403);
      expect(forged.error?.code).toBe("42501");
      expect(forged.error?.message).toContain("row-level security");
      const anonymous = await stack.anonClient().from("notes").insert({ title: "anon", owner_id: userA.id });
      expect(anonymous.status).toBe(401);
      expect(anonymous.error?.code).toBe("42501");
      const count = await stack.serviceClient().from("notes").select("id", { count: "exact", head: true }).eq("title", "forged");
      expect(count.count).toBe(0);
    });

    it("answers a table without grants with 42501 (401 anon, 403 signed in)", async () => {
      const anon = await stack.anonClient().from("secrets").select();
      expect(anon.status).toBe(401);
      expect(anon.error?.code).toBe("42501");
      const signedIn = await aino.from("secrets").select();
      expect(signedIn.status).toBe(403);
    });
  });

  describe("JWT", () => {
    it("rejects a malformed token or a bad signature with 401 PGRST301 and WWW-Authenticate", async () => {
      const malformed = await restFetch(stack.embedded, "/tasks", { token: "not-a-jwt" });
      expect(malformed.status).toBe(401);
      expect((await malformed.json()).code).toBe("PGRST301");
      expect(malformed.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
      const forged = await signJwt({ sub: userA.id, role: "authenticated" }, "another-secret-that-is-at-least-32-chars", 60);
      const signature = await restFetch(stack.embedded, "/tasks", { token: forged });
      expect(signature.status).toBe(401);
      expect((await signature.json()).code).toBe("PGRST301");
    });

    it("rejects an expired token with 401 PGRST303 JWT expired", async () => {
      const expired = await userToken(userA, -10);
      const { status, error } = await clientWithToken(stack.embedded, expired).from("tasks").select();
      expect(status).toBe(401);
      expect(error).toMatchObject({ code: "PGRST303", message: "JWT expired" });
      const raw = await restFetch(stack.embedded, "/tasks", { token: expired });
      expect(raw.headers.get("www-authenticate")).toContain('error_description="JWT expired"');
    });

    it("refuses a role that is not an API role", async () => {
      const token = await signJwt({ role: "postgres" }, developmentJwtSecret, 60);
      const response = await restFetch(stack.embedded, "/tasks", { token });
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe("42501");
    });

    it("falls back to the apikey header, and to anon without any key", async () => {
      const withKey = await stack.embedded.fetch("http://embedded.test/rest/v1/rpc/whoami", {
        headers: { apikey: stack.embedded.keys.serviceRoleKey },
      });
      expect(await withKey.json()).toMatchObject({ role: "service_role" });
      const bare = await stack.embedded.fetch("http://embedded.test/rest/v1/rpc/whoami");
      expect(await bare.json()).toMatchObject({ role: "anon", uid: null });
      const opaque = await stack.embedded.fetch("http://embedded.test/rest/v1/rpc/whoami", {
        headers: { apikey: "sb_publishable_not_a_jwt" },
      });
      expect(await opaque.json()).toMatchObject({ role: "anon" });
    });
  });

  describe("paths and methods", () => {
    it("answers an unknown path with 404 and the root with an OpenAPI-like document", async () => {
      const deep = await restFetch(stack.embedded, "/tasks/1");
      expect(deep.status).toBe(404);
      const root = await restFetch(stack.embedded, "/");
      expect(root.status).toBe(200);
      expect((await root.json()).paths).toHaveProperty("/tasks");
    });

    it("refuses a schema that is not exposed with 406 PGRST106", async () => {
      const { status, error } = await stack.anonClient().schema("auth").from("users").select();
      expect(status).toBe(406);
      expect(error?.code).toBe("PGRST106");
    });
  });
});
