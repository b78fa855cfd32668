import { describe, expect, it } from "vitest";
import { currentPath, safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/dev/outbox", "/dev/outbox"],
    ["/networks/42?tab=members#tasks", "/networks/42?tab=members#tasks"],
    ["/a/../b", "/b"],
  ])("lets the same-site path %s through as %s", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a backslash later in the path", "/ok\\..\\/evil"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "dev/outbox"],
    ["an empty string", ""],
    ["an overlong path", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_, target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it.each([null, undefined, 42, {}, ["/"]])("refuses the non-string %j", (target) => {
    expect(safeRedirect(target, "/login")).toBe("/login");
  });
});

describe("currentPath", () => {
  it("keeps the path and query but not the origin", () => {
    expect(currentPath(new Request("http://127.0.0.1:3000/networks/1?tab=tasks"))).toBe(
      "/networks/1?tab=tasks",
    );
  });
});
