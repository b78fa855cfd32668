import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { restFetch } from "../../helpers/rest-clients";
import { startRestStack } from "./setup";

describe.each(availableBackends())("REST writes on %s", (backend) => {
  let stack: EmbeddedStack;
  let api: SupabaseClient;
  beforeAll(async () => {
    stack = await startRestStack(backend);
    api = stack.serviceClient();
  });
  afterAll(() => stack.close());

  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    restFetch(stack.embedded, path, {
      method,
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${stack.embedded.keys.serviceRoleKey}`,
        "content-type": "application/json",
        ...headers,
      },
    });

  describe("insert", () => {
    it("inserts one row and returns it with .select(), including embedded resources", async () => {
      const { data, error, status } = await api
        .from("tasks")
        .insert({ project_id: 3, title: "Polish the lens", priority: 2 })
        .select("title, done, priority, projects(name)")
        .single();
      expect(error).toBeNull();
      expect(status).toBe(201);
      expect(data).toEqual({ title: "Polish the lens", done: false, priority: 2, projects: { name: "Cosmos" } });
    });

    it("inserts several rows in one request", async () => {
      const { data, status } = await api
        .from("tags")
        .insert([{ name: "bulk-1" }, { name: "bulk-2" }, { name: "bulk-3" }])
        .select("name");
      expect(status).toBe(201);
      expect(data).toEqual([{ name: "bulk-1" }, { name: "bulk-2" }, { name: "bulk-3" }]);
    });

    it("answers return=minimal with an empty 201 and return=headers-only with a Location", async () => {
      const minimal = await send("POST", "/tags", { name: "minimal" }, { prefer: "return=minimal" });
      expect(minimal.status).toBe(201);
      expect(await minimal.text()).toBe("");
      expect(minimal.headers.get("preference-applied")).toBe("return=minimal");
      const headersOnly = await send("POST", "/tags", { name: "located" }, { prefer: "return=headers-only" });
      expect(headersOnly.status).toBe(201);
      const location = headersOnly.headers.get("location");
      expect(location).toMatch(/^\/tags\?id=eq\.\d+$/);
      const found = await api.from("tags").select("name").eq("id", Number(location?.split(".").pop())).single();
      expect(found.data).toEqual({ name: "located" });
      const plain = await api.from("tags").insert({ name: "no-select" });
      expect(plain).toMatchObject({ status: 201, data: null, error: null });
    });

    it("uses the columns parameter and fills absent keys with null or, with missing=default, the default", async () => {
      const nulls = await send(
        "POST",
        '/projects?columns="organisation_id","name","budget"&select=name,budget,labels',
        [{ organisation_id: 2, name: "Delta", budget: 5, ignored: "x" }, { organisation_id: 2, name: "Epsilon" }],
        { prefer: "return=representation" },
      );
      expect(nulls.status).toBe(201);
      expect(await nulls.json()).toEqual([
        { name: "Delta", budget: 5, labels: [] },
        { name: "Epsilon", budget: null, labels: [] },
      ]);
      const { data, error } = await api
        .from("projects")
        .insert([{ organisation_id: 2, name: "Zeta", metadata: { a: 1 } }, { organisation_id: 2, name: "Eta" }], {
          defaultToNull: false,
        })
        .select("name, metadata");
      expect(error).toBeNull();
      expect(data).toEqual([
        { name: "Zeta", metadata: { a: 1 } },
        { name: "Eta", metadata: {} },
      ]);
    });

    it("rejects mismatched keys with PGRST102, unknown columns with PGRST204 and bad JSON with PGRST102", async () => {
      const mismatch = await send("POST", "/tags", [{ name: "a" }, { id: 5 }]);
      expect(mismatch.status).toBe(400);
      expect(await mismatch.json()).toMatchObject({ code: "PGRST102", message: "All object keys must match" });
      const unknown = await api.from("tags").insert({ nam: "typo" });
      expect(unknown.status).toBe(400);
      expect(unknown.error).toMatchObject({ code: "PGRST204", message: "Could not find the 'nam' column of 'tags' in the schema cache" });
      const broken = await send("POST", "/tags", "{not json");
      expect(broken.status).toBe(400);
      expect((await broken.json()).code).toBe("PGRST102");
      const scalar = await send("POST", "/tags", "42");
      expect(scalar.status).toBe(400);
    });

    it("maps constraint violations: 23505 and 23503 to 409, 23502 and 22P02 to 400", async () => {
      const duplicate = await api.from("tags").insert({ name: "urgent" });
      expect(duplicate.status).toBe(409);
      expect(duplicate.error?.code).toBe("23505");
      expect(duplicate.error?.details).toContain("(name)=(urgent)");
      const orphan = await api.from("tasks").insert({ project_id: 999, title: "Orphan" });
      expect(orphan.status).toBe(409);
      expect(orphan.error?.code).toBe("23503");
      const missing = await api.from("tags").insert({ name: null });
      expect(missing.status).toBe(400);
      expect(missing.error?.code).toBe("23502");
      const badType = await api.from("tasks").insert({ project_id: "one", title: "Typed" });
      expect(badType.status).toBe(400);
      expect(badType.error?.code).toBe("22P02");
    });
  });

  describe("upsert", () => {
    it("merges duplicates on the primary key and on on_conflict columns", async () => {
      const merged = await api
        .from("people")
        .upsert([{ id: 3, name: "Cecilia K." }, { id: 50, name: "Daniel" }])
        .select("id, name")
        .order("id");
      expect(merged.error).toBeNull();
      expect(merged.data).toEqual([{ id: 3, name: "Cecilia K." }, { id: 50, name: "Daniel" }]);
      const byName = await api
        .from("organisations")
        .upsert({ name: "Initech", country: "NO" }, { onConflict: "name" })
        .select("id, name, country")
        .single();
      expect(byName.data).toEqual({ id: 3, name: "Initech", country: "NO" });
    });

    it("ignores duplicates with resolution=ignore-duplicates and echoes it in Preference-Applied", async () => {
      const response = await send(
        "POST",
        "/tags?on_conflict=name&select=name",
        [{ name: "urgent" }, { name: "brand-new" }],
        { prefer: "resolution=ignore-duplicates, return=representation" },
      );
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual([{ name: "brand-new" }]);
      expect(response.headers.get("preference-applied")).toContain("resolution=ignore-duplicates");
      const { data } = await api.from("tags").select("id").eq("name", "urgent");
      expect(data).toEqual([{ id: 1 }]);
    });
  });

  describe("update and delete", () => {
    it("updates the filtered rows and returns them", async () => {
      const { data, error, status } = await api
        .from("tasks")
        .update({ priority: 5, description: "updated" })
        .eq("project_id", 2)
        .select("id, priority, description")
        .order("id");
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toEqual([
        { id: 4, priority: 5, description: "updated" },
        { id: 5, priority: 5, description: "updated" },
      ]);
      const untouched = await api.from("tasks").select("priority").eq("id", 1).single();
      expect(untouched.data).toEqual({ priority: 1 });
    });

    it("answers 204 without a body by default and counts with count=exact", async () => {
      const response = await send("PATCH", "/events?kind=eq.info", { payload: null }, { prefer: "count=exact" });
      expect(response.status).toBe(204);
      expect(response.headers.get("content-range")).toBe("0-33/34");
      expect(response.headers.get("preference-applied")).toBe("count=exact");
      const { count } = await api.from("events").update({ kind: "info" }, { count: "exact" }).eq("kind", "info");
      expect(count).toBe(34);
    });

    it("deletes the filtered rows and returns them with .select()", async () => {
      await api.from("tags").insert([{ name: "gone-1" }, { name: "gone-2" }]);
      const { data, status } = await api.from("tags").delete().like("name", "gone-%").select("name").order("name");
      expect(status).toBe(200);
      expect(data).toEqual([{ name: "gone-1" }, { name: "gone-2" }]);
      const left = await api.from("tags").select("id", { count: "exact", head: true }).like("name", "gone-%");
      expect(left.count).toBe(0);
      const removed = await api.from("tags").insert({ name: "gone-3" }).then(() =>
        api.from("tags").delete({ count: "exact" }).eq("name", "gone-3"),
      );
      expect(removed).toMatchObject({ status: 204, count: 1 });
    });

    it("rolls back a singular update that touches more than one row (406)", async () => {
      const { status, error } = await api
        .from("tasks")
        .update({ description: "Same" })
        .in("id", [1, 2])
        .select()
        .single();
      expect(status).toBe(406);
      expect(error?.code).toBe("PGRST116");
      const { data } = await api.from("tasks").select("description").in("id", [1, 2]).order("id");
      expect(data).toEqual([
        { description: "The quick brown fox jumps over the lazy dog" },
        { description: "Rockets need fuel and courage" },
      ]);
    });

    it("rolls back with Prefer: tx=rollback and enforces max-affected", async () => {
      const { data } = await api.from("tags").insert({ name: "rolled-back" }).select("name").rollback();
      expect(data).toEqual([{ name: "rolled-back" }]);
      const after = await api.from("tags").select("id").eq("name", "rolled-back");
      expect(after.data).toEqual([]);
      // supabase-js only offers .maxAffected() when typed for PostgREST 13, so send it raw.
      const limited = await send("DELETE", "/events?id=gt.40", undefined, {
        prefer: "handling=strict, max-affected=3",
      });
      expect(limited.status).toBe(400);
      expect((await limited.json()).code).toBe("PGRST124");
      const kept = await api.from("events").select("id", { count: "exact", head: true }).gt("id", 40);
      expect(kept.count).toBe(10);
    });

    it("rejects an unknown column in an update with PGRST204 and an array body with PGRST102", async () => {
      const unknown = await api.from("tasks").update({ nope: 1 }).eq("id", 1);
      expect(unknown.status).toBe(400);
      expect(unknown.error?.code).toBe("PGRST204");
      const array = await send("PATCH", "/tasks?id=eq.1", [{ title: "x" }]);
      expect(array.status).toBe(400);
      expect((await array.json()).code).toBe("PGRST102");
    });

    it("answers an unsupported method with 405", async () => {
      const response = await send("TRACE", "/tasks", undefined).catch(() => undefined);
      const put = await send("PUT", "/tasks?id=eq.1", { id: 1, title: "x" });
      expect(put.status).toBe(405);
      expect((await put.json()).code).toBe("PGRST117");
      if (response) expect(response.status).toBe(405);
    });
  });
});
