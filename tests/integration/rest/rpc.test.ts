import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { restFetch, signedInAs, userA } from "../../helpers/rest-clients";
import { startRestStack } from "./setup";

describe.each(availableBackends())("REST rpc on %s", (backend) => {
  let stack: EmbeddedStack;
  let api: SupabaseClient;
  beforeAll(async () => {
    stack = await startRestStack(backend);
    api = stack.anonClient();
  });
  afterAll(() => stack.close());

  it("calls a scalar function by POST with named arguments and by GET", async () => {
    expect(await api.rpc("add_numbers", { a: 2, b: 3 })).toMatchObject({ data: 5, error: null, status: 200 });
    expect((await api.rpc("add_numbers", { a: 40 }, { get: true })).data).toBe(41);
    const raw = await restFetch(stack.embedded, "/rpc/add_numbers?a=1&b=2");
    expect(await raw.json()).toBe(3);
  });

  it("passes arrays and json arguments with their declared types", async () => {
    expect((await api.rpc("sum_of", { numbers: [1, 2, 3, 4] })).data).toBe(10);
    expect((await api.rpc("sum_of", { numbers: [5, 6] }, { get: true })).data).toBe(11);
    const echoed = await api.rpc("echo", { nested: { list: [1, "two"] } });
    expect(echoed.data).toEqual({ nested: { list: [1, "two"] } });
  });

  it("returns a set of scalars as an array", async () => {
    const { data } = await api.rpc("project_names", { min_budget: 200 });
    expect(data).toEqual(["Apollo", "Borealis"]);
    expect((await api.rpc("project_names")).data).toEqual(["Apollo", "Borealis", "Cosmos"]);
  });

  it("filters, orders, selects and embeds on a table-returning function", async () => {
    const { data, error } = await api
      .rpc("tasks_of_project", { project: 1 })
      .select("title, projects(name)")
      .eq("done", false)
      .order("id", { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { title: "Launch", projects: { name: "Apollo" } },
      { title: "Build the rocket", projects: { name: "Apollo" } },
    ]);
    const counted = await api.rpc("tasks_of_project", { project: 1 }, { count: "exact" }).range(0, 0);
    expect(counted.count).toBe(3);
    expect(counted.data).toHaveLength(1);
    const single = await api.rpc("tasks_of_project", { project: 3 }).select("title").single();
    expect(single.data).toEqual({ title: "Map the stars" });
  });

  it("returns RETURNS TABLE results as rows and a single composite as an object", async () => {
    const summary = await api.rpc("task_summary", { p_project: 2 });
    expect(summary.data).toEqual([
      { title: "Measure wind", done: false },
      { title: "Write report", done: true },
    ]);
    const project = await api.rpc("project_by_name", { project_name: "Cosmos" });
    expect(project.data).toMatchObject({ id: 3, name: "Cosmos", labels: ["space"] });
  });

  it("runs a volatile function by POST and refuses its writes by GET (405, read-only)", async () => {
    const service = stack.serviceClient();
    const created = await service.rpc("create_tag", { tag_name: "from-rpc" });
    expect(created.data).toMatchObject({ name: "from-rpc" });
    const byGet = await service.rpc("create_tag", { tag_name: "from-get" }, { get: true });
    expect(byGet.status).toBe(405);
    expect(byGet.error?.code).toBe("25006");
    const { data } = await service.from("tags").select("name").in("name", ["from-rpc", "from-get"]);
    expect(data).toEqual([{ name: "from-rpc" }]);
  });

  it("runs as the caller with the request's claims and settings", async () => {
    const client = await signedInAs(stack.embedded, userA);
    const { data } = await client.rpc("whoami");
    expect(data).toMatchObject({ uid: userA.id, role: "authenticated", method: "POST", path: "/rpc/whoami" });
    const anon = await restFetch(stack.embedded, "/rpc/whoami", { headers: { "x-test-client": "conformance" } });
    expect(await anon.json()).toMatchObject({ uid: null, role: "anon", method: "GET", client: "conformance" });
  });

  it("takes the body as one json argument with Prefer: params=single-object", async () => {
    const response = await restFetch(stack.embedded, "/rpc/echo", {
      method: "POST",
      headers: { "content-type": "application/json", prefer: "params=single-object" },
      body: JSON.stringify([1, 2, 3]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([1, 2, 3]);
    expect(response.headers.get("preference-applied")).toBe("params=single-object");
  });

  it("answers 204 for a void function", async () => {
    const { status, data, error } = await api.rpc("do_nothing");
    expect({ status, data, error }).toEqual({ status: 204, data: null, error: null });
  });

  it("turns RAISE into 400 P0001 and PT402 into 402", async () => {
    const refused = await api.rpc("refuse");
    expect(refused.status).toBe(400);
    expect(refused.error).toEqual({
      code: "P0001",
      message: "I refuse!",
      details: "Pretty simple",
      hint: "There is nothing you can do.",
    });
    const payment = await api.rpc("fail_with_payment");
    expect(payment.status).toBe(402);
    expect(payment.error).toMatchObject({ code: "PT402", message: "Payment Required" });
  });

  it("answers an unknown function or argument with 404 PGRST202", async () => {
    const missing = await api.rpc("no_such_function");
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: "PGRST202",
      message: "Could not find the function conformance.no_such_function() in the schema cache",
    });
    const wrongArgument = await api.rpc("add_numbers", { x: 1 });
    expect(wrongArgument.status).toBe(404);
    expect(wrongArgument.error?.code).toBe("PGRST202");
    expect(wrongArgument.error?.hint).toContain("add_numbers");
  });

  it("rejects a bad argument value with 22P02 and other verbs with 405", async () => {
    const bad = await api.rpc("add_numbers", { a: "three" });
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("22P02");
    const patch = await restFetch(stack.embedded, "/rpc/add_numbers", { method: "PATCH", body: "{}" });
    expect(patch.status).toBe(405);
    expect((await patch.json()).code).toBe("PGRST101");
  });
});
