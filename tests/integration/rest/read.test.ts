import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { restFetch } from "../../helpers/rest-clients";
import { startRestStack } from "./setup";

describe.each(availableBackends())("REST reads on %s", (backend) => {
  let stack: EmbeddedStack;
  let api: SupabaseClient;
  beforeAll(async () => {
    stack = await startRestStack(backend);
    api = stack.serviceClient();
  });
  afterAll(() => stack.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    restFetch(stack.embedded, path, { headers: { authorization: `Bearer ${stack.embedded.keys.serviceRoleKey}`, ...headers } });

  describe("select", () => {
    it("returns chosen columns with aliases, casts and JSON paths", async () => {
      const { data, error } = await api
        .from("projects")
        .select("label:name, budget::text, owner:metadata->owner->>name, stage:metadata->>stage")
        .eq("id", 1);
      expect(error).toBeNull();
      expect(data).toEqual([{ label: "Apollo", budget: "1000", owner: "Aino", stage: "alpha" }]);
      // The last alias-less JSON path is named after its last key, holding JSON.
      const raw = await (await get("/projects?select=metadata->owner&id=eq.1")).json();
      expect(raw).toEqual([{ owner: { name: "Aino" } }]);
    });

    it("returns every column for * and arrays, numbers, booleans and json in their JSON types", async () => {
      const { data } = await api.from("projects").select("*").eq("id", 2).single();
      expect(data).toMatchObject({
        id: 2,
        organisation_id: 1,
        name: "Borealis",
        budget: 250.5,
        metadata: { owner: { name: "Bertil" }, stage: "beta" },
        labels: ["weather"],
      });
      expect(typeof data?.created_at).toBe("string");
    });

    it("reads views like tables", async () => {
      const { data } = await api.from("open_tasks").select("title").order("id").limit(2);
      expect(data).toEqual([{ title: "Build the rocket" }, { title: "Launch" }]);
    });

    it("rejects an unknown column with 42703 and an unknown table with PGRST205", async () => {
      const column = await api.from("tasks").select("id, titel");
      expect(column.status).toBe(400);
      expect(column.error).toMatchObject({ code: "42703", message: "column tasks.titel does not exist" });
      expect(column.error?.hint).toContain("tasks.title");
      const table = await api.from("taks").select();
      expect(table.status).toBe(404);
      expect(table.error).toMatchObject({
        code: "PGRST205",
        message: "Could not find the table 'conformance.taks' in the schema cache",
        hint: "Perhaps you meant the table 'conformance.tags'",
      });
    });

    it("answers a malformed select with PGRST100", async () => {
      const response = await get("/tasks?select=id,title(");
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "PGRST100" });
      const cast = await get("/tasks?select=id::int;drop table tasks");
      expect(cast.status).toBe(400);
    });
  });

  describe("embedding", () => {
    it("embeds a to-one resource as an object and a to-many resource as an array, nested", async () => {
      const { data } = await api
        .from("projects")
        .select("name, organisation:organisations(name), tasks(title, done)")
        .eq("id", 2);
      expect(data).toEqual([
        {
          name: "Borealis",
          organisation: { name: "Acme" },
          tasks: [
            { title: "Measure wind", done: false },
            { title: "Write report", done: true },
          ],
        },
      ]);
      const nested = await api
        .from("organisations")
        .select("name, projects(name, tasks(title))")
        .eq("id", 2)
        .single();
      expect(nested.data).toEqual({
        name: "Globex",
        projects: [{ name: "Cosmos", tasks: [{ title: "Map the stars" }] }],
      });
    });

    it("returns null for a missing to-one and [] for an empty to-many", async () => {
      const { data } = await api
        .from("tasks")
        .select("title, reviewer:people!reviewer_id(name)")
        .eq("id", 3)
        .single();
      expect(data).toEqual({ title: "Launch", reviewer: null });
      const empty = await api.from("organisations").select("name, projects(name)").eq("id", 3).single();
      expect(empty.data).toEqual({ name: "Initech", projects: [] });
    });

    it("embeds many-to-many through a junction table", async () => {
      const { data } = await api.from("tasks").select("title, tags(name)").eq("id", 2).single();
      expect(data?.tags).toEqual(expect.arrayContaining([{ name: "urgent" }, { name: "hardware" }]));
      expect(data?.tags).toHaveLength(2);
      const back = await api.from("tags").select("name, tasks(id)").eq("name", "hardware").single();
      expect(back.data?.tasks.map((task: { id: number }) => task.id).sort()).toEqual([1, 2]);
    });

    it("disambiguates with a foreign key name or column hint, and says 300 PGRST201 otherwise", async () => {
      const { data } = await api
        .from("tasks")
        .select("title, assignee:people!assignee_id(name), reviewer:people!tasks_reviewer_id_fkey(name)")
        .eq("id", 1)
        .single();
      expect(data).toEqual({ title: "Design the rocket", assignee: { name: "Aino" }, reviewer: { name: "Bertil" } });
      const ambiguous = await api.from("tasks").select("title, people(name)");
      expect(ambiguous.status).toBe(300);
      expect(ambiguous.error?.code).toBe("PGRST201");
      expect(ambiguous.error?.hint).toContain("people!tasks_assignee_id_fkey");
      const reverse = await api
        .from("people")
        .select("name, assigned:tasks!assignee_id(title)")
        .eq("id", 3)
        .single();
      expect(reverse.data).toEqual({ name: "Cecilia", assigned: [{ title: "Launch" }] });
    });

    it("answers PGRST200 when there is no relationship", async () => {
      const { error, status } = await api.from("tags").select("name, organisations(name)");
      expect(status).toBe(400);
      expect(error).toMatchObject({
        code: "PGRST200",
        message: "Could not find a relationship between 'tags' and 'organisations' in the schema cache",
      });
    });

    it("filters, orders and limits embedded resources without filtering the parent", async () => {
      const { data } = await api
        .from("projects")
        .select("name, tasks(title, priority)")
        .eq("tasks.done", false)
        .order("priority", { referencedTable: "tasks", ascending: false, nullsFirst: true })
        .limit(2, { referencedTable: "tasks" })
        .order("id");
      expect(data).toEqual([
        { name: "Apollo", tasks: [{ title: "Launch", priority: null }, { title: "Build the rocket", priority: 2 }] },
        { name: "Borealis", tasks: [{ title: "Measure wind", priority: 3 }] },
        { name: "Cosmos", tasks: [{ title: "Map the stars", priority: 1 }] },
      ]);
      const ored = await api
        .from("projects")
        .select("name, tasks(id)")
        .or("id.eq.1,id.eq.5", { referencedTable: "tasks" })
        .eq("id", 1)
        .single();
      expect(ored.data).toEqual({ name: "Apollo", tasks: [{ id: 1 }] });
    });

    it("filters the parent with !inner and with embedded is.null", async () => {
      const { data } = await api
        .from("projects")
        .select("name, tasks!inner(title)")
        .eq("tasks.priority", 3);
      expect(data).toEqual([{ name: "Borealis", tasks: [{ title: "Measure wind" }] }]);
      const withoutReviewer = await api
        .from("tasks")
        .select("id, reviewer:people!reviewer_id(name)")
        .is("reviewer", null)
        .order("id");
      expect(withoutReviewer.data?.map((row) => row.id)).toEqual([3, 4, 5]);
      const counted = await api
        .from("organisations")
        .select("name, projects!inner(name)", { count: "exact" })
        .eq("projects.name", "Cosmos");
      expect(counted.count).toBe(1);
      expect(counted.data).toEqual([{ name: "Globex", projects: [{ name: "Cosmos" }] }]);
    });

    it("spreads a to-one resource into its parent", async () => {
      const { data } = await api
        .from("tasks")
        .select("title, ...projects(project_name:name, organisations(name))")
        .eq("id", 6)
        .single();
      expect(data).toEqual({ title: "Map the stars", project_name: "Cosmos", organisations: { name: "Globex" } });
    });

    it("orders the parent by a to-one resource's column", async () => {
      const { data } = await api
        .from("tasks")
        .select("id, projects(name)")
        .order("projects(name)", { ascending: false })
        .order("id");
      expect(data?.map((row) => row.id)).toEqual([6, 4, 5, 1, 2, 3]);
    });

    it("rejects filters on a resource that is not embedded (PGRST108)", async () => {
      const { status, error } = await api.from("projects").select("name").eq("tasks.done", true);
      expect(status).toBe(400);
      expect(error?.code).toBe("PGRST108");
    });
  });

  describe("filters", () => {
    const titles = async (query: PromiseLike<{ data: { id: number }[] | null; error: unknown }>) => {
      const { data, error } = await query;
      expect(error).toBeNull();
      return (data ?? []).map((row) => row.id).sort((a, b) => a - b);
    };
    const tasks = () => api.from("tasks").select("id");

    it("compares with eq neq gt gte lt lte", async () => {
      expect(await titles(tasks().eq("priority", 2))).toEqual([2, 5]);
      expect(await titles(tasks().neq("priority", 2))).toEqual([1, 4, 6]);
      expect(await titles(tasks().gt("priority", 1))).toEqual([2, 4, 5]);
      expect(await titles(tasks().gte("priority", 2).lte("priority", 2))).toEqual([2, 5]);
      expect(await titles(tasks().lt("priority", 2))).toEqual([1, 6]);
    });

    it("matches patterns with like ilike match imatch and their any/all forms", async () => {
      expect(await titles(tasks().like("title", "%rocket"))).toEqual([1, 2]);
      expect(await titles(tasks().ilike("title", "build*"))).toEqual([2]);
      expect(await titles(tasks().regexMatch("title", "^M"))).toEqual([4, 6]);
      expect(await titles(tasks().regexIMatch("title", "^m"))).toEqual([4, 6]);
      expect(await titles(tasks().likeAnyOf("title", ["Launch", "%report"]))).toEqual([3, 5]);
      expect(await titles(tasks().ilikeAllOf("title", ["%THE%", "%rocket%"]))).toEqual([1, 2]);
    });

    it("tests membership, null, truth and distinctness", async () => {
      expect(await titles(tasks().in("id", [1, 3, 99]))).toEqual([1, 3]);
      expect(await titles(tasks().in("title", ["Launch", "Write report"]))).toEqual([3, 5]);
      expect(await titles(tasks().notIn("id", [1, 2, 3]))).toEqual([4, 5, 6]);
      expect(await titles(tasks().is("priority", null))).toEqual([3]);
      expect(await titles(tasks().not("priority", "is", null))).toEqual([1, 2, 4, 5, 6]);
      expect(await titles(tasks().is("done", true))).toEqual([1, 5]);
      expect(await titles(tasks().isDistinct("reviewer_id", 1))).toEqual([1, 3, 4, 5, 6]);
    });

    it("compares arrays and json with cs cd ov", async () => {
      const ids = async (query: PromiseLike<{ data: { id: number }[] | null }>) =>
        ((await query).data ?? []).map((row) => row.id).sort();
      expect(await ids(api.from("projects").select("id").contains("labels", ["space"]))).toEqual([1, 3]);
      expect(await ids(api.from("projects").select("id").containedBy("labels", ["space", "rocket", "x"]))).toEqual([1, 3]);
      expect(await ids(api.from("projects").select("id").overlaps("labels", ["weather", "rocket"]))).toEqual([1, 2]);
      expect(await ids(api.from("projects").select("id").contains("metadata", { stage: "alpha" }))).toEqual([1, 3]);
      const raw = await (await get("/projects?select=id&labels=ov.(weather,nothing)")).json();
      expect(raw).toEqual([{ id: 2 }]);
    });

    it("searches text with fts plfts phfts wfts and a configuration", async () => {
      expect(await titles(tasks().textSearch("description", "fox & dog", { config: "english" }))).toEqual([1]);
      expect(await titles(tasks().textSearch("description", "weather report", { type: "plain" }))).toEqual([5]);
      expect(await titles(tasks().textSearch("description", "quick brown", { type: "phrase", config: "english" }))).toEqual([1]);
      expect(await titles(tasks().textSearch("description", "rocket -lake or fuel", { type: "websearch" }))).toEqual([2]);
      expect(await titles(tasks().not("description", "fts", "fox"))).toEqual([2, 4, 5, 6]);
    });

    it("refuses text searches that would break the tsquery parser with PGRST100", async () => {
      const long = await get(`/tasks?select=id&description=wfts.${"(1,".repeat(400)}`);
      expect(long.status).toBe(400);
      expect(await long.json()).toMatchObject({ code: "PGRST100" });
      const negations = await get(`/tasks?select=id&description=not.fts.${"!".repeat(40)}fox`);
      expect(negations.status).toBe(400);
      expect(await negations.json()).toMatchObject({ code: "PGRST100", details: expect.stringContaining("negate") });
      expect(await titles(tasks().textSearch("description", "rocket -lake", { type: "websearch" }))).toEqual([2]);
    });

    it("combines nested or/and, not.or and negated operators", async () => {
      expect(await titles(tasks().or("priority.eq.1,and(done.is.true,priority.gte.2)"))).toEqual([1, 5, 6]);
      expect(await titles(tasks().or("title.eq.Launch,title.in.(\"Write report\",x)"))).toEqual([3, 5]);
      expect(await titles(tasks().not("title", "like", "*rocket*"))).toEqual([3, 4, 5, 6]);
      const raw = await (await get("/tasks?select=id&not.or=(done.is.true,priority.is.null)&order=id")).json();
      expect(raw).toEqual([{ id: 2 }, { id: 4 }, { id: 6 }]);
      const andRaw = await (await get("/tasks?select=id&and=(priority.gte.1,or(done.is.true,priority.not.eq.1))&order=id")).json();
      expect(andRaw).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }, { id: 5 }]);
    });

    it("filters on JSON paths", async () => {
      const { data } = await api.from("projects").select("name").eq("metadata->owner->>name", "Bertil");
      expect(data).toEqual([{ name: "Borealis" }]);
      const raw = await (await get("/events?select=id&payload->n=gt.48")).json();
      expect(raw).toEqual([{ id: 49 }, { id: 50 }]);
    });

    it("answers bad operators with PGRST100 and bad values with 22P02", async () => {
      const operator = await get("/tasks?id=equals.1");
      expect(operator.status).toBe(400);
      expect((await operator.json()).code).toBe("PGRST100");
      const value = await api.from("tasks").select("id").eq("id", "one");
      expect(value.status).toBe(400);
      expect(value.error?.code).toBe("22P02");
      const logic = await get("/tasks?or=(id.eq.1");
      expect(logic.status).toBe(400);
    });
  });

  describe("order, limits and counts", () => {
    it("orders with direction and nulls placement", async () => {
      const first = await api.from("tasks").select("id").order("priority", { ascending: true, nullsFirst: true }).order("id");
      expect(first.data?.map((row) => row.id)).toEqual([3, 1, 6, 2, 5, 4]);
      const last = await api.from("tasks").select("id").order("priority", { ascending: false, nullsFirst: false }).order("id", { ascending: false });
      expect(last.data?.map((row) => row.id)).toEqual([4, 5, 2, 6, 1, 3]);
    });

    it("pages with limit, offset and range", async () => {
      const { data } = await api.from("events").select("id").order("id").range(10, 12);
      expect(data).toEqual([{ id: 11 }, { id: 12 }, { id: 13 }]);
      const header = await get("/events?select=id&order=id", { range: "5-6", "range-unit": "items" });
      expect(header.headers.get("content-range")).toBe("5-6/*");
      expect(await header.json()).toEqual([{ id: 6 }, { id: 7 }]);
    });

    it("counts exactly with Content-Range and 206 for a partial page", async () => {
      const { data, count, status } = await api
        .from("events")
        .select("id", { count: "exact" })
        .eq("kind", "error")
        .order("id")
        .range(0, 4);
      expect(count).toBe(16);
      expect(status).toBe(206);
      expect(data).toHaveLength(5);
      const response = await get("/events?select=id&kind=eq.error&limit=5&offset=5", { prefer: "count=exact" });
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe("5-9/16");
      const whole = await get("/events?select=id&kind=eq.error", { prefer: "count=exact" });
      expect(whole.status).toBe(200);
      expect(whole.headers.get("content-range")).toBe("0-15/16");
      const none = await get("/events?select=id&kind=eq.nothing", { prefer: "count=exact" });
      expect(none.status).toBe(200);
      expect(none.headers.get("content-range")).toBe("*/0");
      const uncounted = await get("/events?select=id&limit=2");
      expect(uncounted.headers.get("content-range")).toBe("0-1/*");
    });

    it("answers an offset beyond the count with 416 PGRST103", async () => {
      const response = await get("/events?select=id&offset=60", { prefer: "count=exact" });
      expect(response.status).toBe(416);
      expect((await response.json()).code).toBe("PGRST103");
      const inverted = await get("/events?select=id", { range: "5-2" });
      expect(inverted.status).toBe(416);
    });

    it("gives planned and estimated counts", async () => {
      const planned = await api.from("events").select("id", { count: "planned" }).limit(1);
      expect(planned.count).toBeGreaterThan(0);
      const estimated = await api.from("events").select("id", { count: "estimated", head: true });
      expect(estimated.count).toBe(50);
    });

    it("answers HEAD with headers only", async () => {
      const { data, count, status } = await api.from("tasks").select("*", { count: "exact", head: true }).eq("done", true);
      expect(status).toBe(200);
      expect(data).toBeNull();
      expect(count).toBe(2);
      const response = await restFetch(stack.embedded, "/tasks?done=eq.true", {
        method: "HEAD",
        headers: { prefer: "count=exact" },
      });
      expect(response.headers.get("content-range")).toBe("0-1/2");
      expect(await response.text()).toBe("");
    });

    it("rejects a limit that is not a number", async () => {
      const response = await get("/tasks?limit=ten");
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe("PGRST100");
    });
  });

  describe("representations", () => {
    it("returns one object for application/vnd.pgrst.object+json and 406 PGRST116 otherwise", async () => {
      const one = await api.from("tasks").select("title").eq("id", 4).single();
      expect(one.data).toEqual({ title: "Measure wind" });
      const many = await api.from("tasks").select("title").single();
      expect(many.status).toBe(406);
      expect(many.error).toMatchObject({ code: "PGRST116", details: "The result contains 6 rows" });
      const none = await api.from("tasks").select("title").eq("id", 999).single();
      expect(none.status).toBe(406);
      expect(none.error?.details).toBe("The result contains 0 rows");
      const maybe = await api.from("tasks").select("title").eq("id", 999).maybeSingle();
      expect(maybe).toMatchObject({ data: null, error: null });
    });

    it("returns CSV for text/csv", async () => {
      const { data } = await api.from("tasks").select("id,title").in("id", [1, 3]).order("id").csv();
      expect(data).toBe("id,title\n1,Design the rocket\n3,Launch");
    });

    it("strips nulls when asked", async () => {
      const { data } = await api.from("tasks").select("id,priority").eq("id", 3).stripNulls();
      expect(data).toEqual([{ id: 3 }]);
    });

    it("refuses a media type it cannot produce with 406", async () => {
      const response = await get("/tasks", { accept: "application/xml" });
      expect(response.status).toBe(406);
      expect((await response.json()).code).toBe("PGRST107");
    });
  });
});
