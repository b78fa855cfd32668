import { describe, expect, it } from "vitest";
import { paragraphExcerpt, paragraphsOf } from "~/lib/paragraphs";

// Text as the collab server stores it: Lexical's getTextContent(), blocks between blank lines.
const guidance = [
  "Työttömyysturvan odotusaika",
  "Odotusaika on seitsemän arkipäivää.\nSe kuluu vain kerran kalenterivuodessa.",
  "Poikkeukset",
  "lomautetut",
  "alle 18-vuotiaat",
].join("\n\n");

describe("numbering a version's paragraphs", () => {
  it("numbers the blocks from 0 in reading order", () => {
    expect(paragraphsOf(guidance)).toEqual([
      { index: 0, text: "Työttömyysturvan odotusaika" },
      {
        index: 1,
        text: "Odotusaika on seitsemän arkipäivää.\nSe kuluu vain kerran kalenterivuodessa.",
      },
      { index: 2, text: "Poikkeukset" },
      { index: 3, text: "lomautetut" },
      { index: 4, text: "alle 18-vuotiaat" },
    ]);
  });

  it("keeps a line break inside a paragraph in that paragraph", () => {
    expect(paragraphsOf("Rivi yksi\nrivi kaksi")).toEqual([
      { index: 0, text: "Rivi yksi\nrivi kaksi" },
    ]);
  });

  it("skips empty paragraphs, so the numbers count only what a reader sees", () => {
    expect(paragraphsOf("Ensimmäinen\n\n\n\n  \n\nToinen\r\n\r\nKolmas\n\n")).toEqual([
      { index: 0, text: "Ensimmäinen" },
      { index: 1, text: "Toinen" },
      { index: 2, text: "Kolmas" },
    ]);
  });

  it("has no paragraphs in an empty text", () => {
    expect(paragraphsOf("")).toEqual([]);
    expect(paragraphsOf("\n\n  \n")).toEqual([]);
  });

  it("gives the same numbers for the same text every time", () => {
    expect(paragraphsOf(guidance)).toEqual(paragraphsOf(guidance));
  });
});

describe("a paragraph's excerpt", () => {
  it("keeps a short paragraph whole, on one line", () => {
    expect(paragraphExcerpt("Lyhyt\nkappale")).toBe("Lyhyt kappale");
  });

  it("cuts a long one at a word and marks the cut", () => {
    const long =
      "Työnhakijan palvelutarve arvioidaan alkuhaastattelussa viiden arkipäivän kuluessa ilmoittautumisesta.";
    const excerpt = paragraphExcerpt(long, 60);
    expect(excerpt.length).toBeLessThanOrEqual(60);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt.slice(0, -1).endsWith(" ")).toBe(false);
  });
});
