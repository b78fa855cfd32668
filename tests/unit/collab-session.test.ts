import { describe, expect, it } from "vitest";
import { collabSocketUrl, personColour, personColours } from "~/lib/collab-session";

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("a person's colour in co-editing", () => {
  it("carries white text (remote cursors' name labels) at 4.5:1 or better", () => {
    for (const colour of personColours) {
      const contrast = 1.05 / (luminance(colour) + 0.05);
      expect(contrast, colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("is the same for a person every time, and differs between people", () => {
    const ids = Array.from(
      { length: 40 },
      (_, index) => `a1a1a1a1-0000-4000-8000-${String(index).padStart(12, "0")}`,
    );
    expect(ids.map(personColour)).toEqual(ids.map(personColour));
    expect(new Set(ids.map(personColour)).size).toBeGreaterThan(personColours.length / 2);
  });
});

describe("the collab server's address", () => {
  it("follows the page's scheme and host", () => {
    expect(collabSocketUrl("http://127.0.0.1:3000/documents/x/collab-token", "/collab")).toBe(
      "ws://127.0.0.1:3000/collab",
    );
    expect(collabSocketUrl("https://verkko.example/documents/x", "/collab/")).toBe(
      "wss://verkko.example/collab",
    );
  });
});
