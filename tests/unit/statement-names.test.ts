import { describe, expect, it } from "vitest";
import { StatementNames } from "../../server/embedded/statement-names";

describe("StatementNames", () => {
  it("names a statement once it recurs, and always with the same name", () => {
    const names = new StatementNames(3, 10);
    expect(names.nameFor("select 1")).toBeUndefined();
    expect(names.nameFor("select 1")).toBeUndefined();
    const name = names.nameFor("select 1");
    expect(name).toMatch(/^verkko_[0-9a-f]{24}$/);
    expect(names.nameFor("select 1")).toBe(name);
    expect(names.nameFor("select 2")).toBeUndefined();
  });

  it("stops naming new statements at its capacity", () => {
    const names = new StatementNames(1, 2);
    expect(names.nameFor("a")).toBeDefined();
    expect(names.nameFor("b")).toBeDefined();
    expect(names.nameFor("c")).toBeUndefined();
    expect(names.nameFor("a")).toBeDefined();
  });
});
