import { describe, expect, it } from "vitest";
import { countWords, diffText, splitParagraphs } from "~/lib/text-diff";

const guidance = [
  "Työnhakijan palvelutarpeen arviointi",
  "Palvelutarve arvioidaan alkuhaastattelussa viiden arkipäivän kuluessa.",
  "Arvioinnissa kuullaan työnhakijaa ja kirjataan sovitut palvelut.",
  "Suunnitelma päivitetään kolmen kuukauden välein.",
].join("\n\n");

describe("comparing two versions of a document's text", () => {
  it("finds nothing to show between identical texts", () => {
    const diff = diffText(guidance, guidance);
    expect(diff.identical).toBe(true);
    expect(diff.summary).toEqual({ paragraphsChanged: 0, wordsAdded: 0, wordsRemoved: 0 });
    expect(diff.paragraphs.every((paragraph) => paragraph.kind === "unchanged")).toBe(true);
  });

  it("shows the words inserted into a paragraph, keeping the rest of it", () => {
    const after = guidance.replace(
      "kuullaan työnhakijaa",
      "kuullaan työnhakijaa ja tarvittaessa hänen avustajaansa",
    );
    const diff = diffText(guidance, after);
    expect(diff.identical).toBe(false);
    expect(diff.summary).toEqual({ paragraphsChanged: 1, wordsAdded: 4, wordsRemoved: 0 });
    const changed = diff.paragraphs.find((paragraph) => paragraph.kind === "changed");
    expect(changed?.kind === "changed" && changed.parts).toEqual([
      { kind: "same", text: "Arvioinnissa kuullaan työnhakijaa ja " },
      { kind: "added", text: "tarvittaessa hänen avustajaansa ja " },
      { kind: "same", text: "kirjataan sovitut palvelut." },
    ]);
    expect(diff.paragraphs.filter((paragraph) => paragraph.kind === "unchanged")).toHaveLength(3);
  });

  it("shows deleted words and replaced words", () => {
    const after = guidance
      .replace("viiden arkipäivän", "kahden viikon")
      .replace(" ja kirjataan sovitut palvelut", "");
    const diff = diffText(guidance, after);
    expect(diff.summary).toEqual({ paragraphsChanged: 2, wordsAdded: 2, wordsRemoved: 6 });
    const removedWords = diff.paragraphs.flatMap((paragraph) =>
      paragraph.kind === "changed"
        ? paragraph.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())
        : [],
    );
    expect(removedWords).toEqual(["viiden arkipäivän", "ja kirjataan sovitut palvelut"]);
  });

  it("lists whole paragraphs added and removed", () => {
    const after = `${guidance.replace("Suunnitelma päivitetään kolmen kuukauden välein.\n\n", "")}\n\nUusi kappale lopussa.`;
    const removedLast = diffText(guidance, guidance.replace(/\n\nSuunnitelma.*$/s, ""));
    expect(removedLast.paragraphs.at(-1)).toEqual({
      kind: "removed",
      text: "Suunnitelma päivitetään kolmen kuukauden välein.",
      moved: false,
    });
    expect(removedLast.summary).toEqual({ paragraphsChanged: 1, wordsAdded: 0, wordsRemoved: 5 });

    const added = diffText(guidance, `${guidance}\n\nUusi kappale lopussa.`);
    expect(added.paragraphs.at(-1)).toEqual({
      kind: "added",
      text: "Uusi kappale lopussa.",
      moved: false,
    });
    expect(added.summary).toEqual({ paragraphsChanged: 1, wordsAdded: 3, wordsRemoved: 0 });
    expect(diffText(guidance, after).summary.paragraphsChanged).toBeGreaterThanOrEqual(1);
  });

  it("shows a paragraph replaced by an unrelated one as removed and added, not as word soup", () => {
    const before = "Asiakas ohjataan palveluun.";
    const after = "Häiriö korjattiin eilen illalla kokonaan.";
    const diff = diffText(before, after);
    expect(diff.paragraphs).toEqual([
      { kind: "removed", text: before, moved: false },
      { kind: "added", text: after, moved: false },
    ]);
  });

  it("recognises a moved paragraph and counts it once, with no words added or removed", () => {
    const paragraphs = splitParagraphs(guidance);
    const moved = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2]].join("\n\n");
    const diff = diffText(guidance, moved);
    const changes = diff.paragraphs.filter((paragraph) => paragraph.kind !== "unchanged");
    expect(changes).toHaveLength(2);
    for (const change of changes) {
      expect(change.kind === "added" || change.kind === "removed").toBe(true);
      expect("moved" in change && change.moved).toBe(true);
      expect("text" in change && change.text).toBe(paragraphs[3]);
    }
    expect(diff.summary).toEqual({ paragraphsChanged: 1, wordsAdded: 0, wordsRemoved: 0 });
  });

  it("treats Finnish and Swedish letters as parts of words", () => {
    expect(countWords("Työttömyysturvan työvoimapoliittiset edellytykset")).toBe(3);
    expect(countWords("Åbo Akademi – lönesubvention för äldre")).toBe(5);
    const diff = diffText("Hakijan äidinkieli on ruotsi.", "Hakijan äidinkieli on suomi.");
    const [paragraph] = diff.paragraphs;
    expect(paragraph?.kind === "changed" && paragraph.parts).toEqual([
      { kind: "same", text: "Hakijan äidinkieli on " },
      { kind: "removed", text: "ruotsi" },
      { kind: "added", text: "suomi" },
      { kind: "same", text: "." },
    ]);
    expect(diff.summary).toEqual({ paragraphsChanged: 1, wordsAdded: 1, wordsRemoved: 1 });
  });

  it("handles empty texts on either side", () => {
    expect(diffText("", "").identical).toBe(true);
    expect(diffText("", "").paragraphs).toEqual([]);
    expect(diffText("", guidance).summary).toEqual({
      paragraphsChanged: 4,
      wordsAdded: countWords(guidance),
      wordsRemoved: 0,
    });
    expect(diffText(guidance, "\n\n").paragraphs.map((paragraph) => paragraph.kind)).toEqual([
      "removed",
      "removed",
      "removed",
      "removed",
    ]);
  });

  it("ignores blank lines and trailing spaces between paragraphs", () => {
    expect(diffText("Yksi\n\nKaksi", "Yksi  \n\n\n\nKaksi\n").identical).toBe(true);
  });

  it("compares texts of 100,000 characters in well under a second", () => {
    const words = ["palvelutarve", "työnhakija", "ohjaus", "kotoutuminen", "tuki", "päätös"];
    const paragraph = (seed: number) =>
      Array.from({ length: 14 }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(" ");
    const before = Array.from({ length: 1100 }, (_, i) => `${i}. ${paragraph(i)}.`).join("\n\n");
    expect(before.length).toBeGreaterThan(100_000);
    // Edits spread through the text: a word changed in every tenth paragraph, some paragraphs
    // removed and some added.
    const after = splitParagraphs(before)
      .flatMap((text, i) => {
        if (i % 10 === 0) return [text.replace(". ", ". Lisäksi ")];
        if (i % 97 === 0) return [];
        if (i % 101 === 0) return [text, `Lisätty kappale ${i}.`];
        return [text];
      })
      .join("\n\n");
    const started = performance.now();
    const diff = diffText(before, after);
    const elapsed = performance.now() - started;
    expect(diff.summary.paragraphsChanged).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(500);

    // The worst case: every paragraph rewritten.
    const rewritten = before.replaceAll("tuki", "tukitoimi");
    const startedAgain = performance.now();
    diffText(before, rewritten);
    expect(performance.now() - startedAgain).toBeLessThan(1000);
  });
});
