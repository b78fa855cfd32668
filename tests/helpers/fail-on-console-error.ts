/** A test fails when console.error is called and the test did not expect it. */
import { afterEach, beforeEach, vi } from "vitest";

let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (unexpected.length > 0) {
    const first = unexpected[0]?.map(String).join(" ");
    throw new Error(`console.error was called ${unexpected.length} time(s); first: ${first}`);
  }
});

/** For a test that expects console.error: the calls so far, which then no longer fail the test. */
export function takeConsoleErrors(): unknown[][] {
  const calls = unexpected;
  unexpected = [];
  return calls;
}
