/**
 * A readable comparison of two versions of a document's text: paragraph by paragraph first, then
 * word by word inside the paragraphs that changed. Pure, so the server computes it for the compare
 * page and the unit tests run it directly.
 */
import { diffArrays, diffWords } from "diff";

/** A run of words inside a changed paragraph. */
export interface WordPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export type ParagraphDiff =
  | { kind: "unchanged"; text: string }
  /** `moved`: the same paragraph is removed (or added) elsewhere in the comparison. */
  | { kind: "added"; text: string; moved: boolean }
  | { kind: "removed"; text: string; moved: boolean }
  | { kind: "changed"; parts: WordPart[] };

export interface DiffSummary {
  /** Paragraphs that are not the same in both versions (a moved one counts once). */
  paragraphsChanged: number;
  wordsAdded: number;
  wordsRemoved: number;
}

export interface TextDiff {
  paragraphs: ParagraphDiff[];
  summary: DiffSummary;
  identical: boolean;
}

/** Paragraphs as Lexical's text export separates them; blank lines carry nothing to compare. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
}

// Letters and digits of any script, so "työvoimapoliittiset" or "Åbo" count as one word each.
const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(wordPattern)?.length ?? 0;
}

/**
 * Word diffs of paragraphs that changed too much are harder to read than the old and the new
 * paragraph one after the other; below this share of common words, show them as such.
 */
const minimumSimilarity = 0.3;
/** A bound on one paragraph's word diff, so a pathological pair cannot stall the page. */
const wordDiffTimeoutMs = 200;

function wordParts(before: string, after: string): WordPart[] | null {
  const changes = diffWords(before, after, { timeout: wordDiffTimeoutMs });
  if (!changes) return null;
  const parts: WordPart[] = changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
  const common = parts
    .filter((part) => part.kind === "same")
    .reduce((sum, part) => sum + countWords(part.text), 0);
  const larger = Math.max(countWords(before), countWords(after), 1);
  return common / larger >= minimumSimilarity ? parts : null;
}

/** Compares two texts paragraph by paragraph, then word by word within changed paragraphs. */
export function diffText(before: string, after: string): TextDiff {
  const oldParagraphs = splitParagraphs(before);
  const newParagraphs = splitParagraphs(after);
  const chunks = diffArrays(oldParagraphs, newParagraphs);

  // A paragraph removed in one place and added unchanged in another was moved.
  const removedTexts = new Map<string, number>();
  const addedTexts = new Map<string, number>();
  for (const chunk of chunks) {
    const target = chunk.removed ? removedTexts : chunk.added ? addedTexts : null;
    if (!target) continue;
    for (const text of chunk.value) target.set(text, (target.get(text) ?? 0) + 1);
  }
  const movedTexts = new Set(
    [...removedTexts.keys()].filter((text) => (addedTexts.get(text) ?? 0) > 0),
  );

  const paragraphs: ParagraphDiff[] = [];
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (!chunk) continue;
    if (!chunk.added && !chunk.removed) {
      for (const text of chunk.value) paragraphs.push({ kind: "unchanged", text });
      continue;
    }
    const next = chunks[index + 1];
    if (chunk.removed && next?.added) {
      // A removed run followed by an added run: pair them up as edited paragraphs where the
      // words allow it (moved paragraphs stay whole so the reader sees where they went).
      paragraphs.push(...pairRuns(chunk.value, next.value, movedTexts));
      index++;
      continue;
    }
    for (const text of chunk.value) {
      paragraphs.push({
        kind: chunk.added ? "added" : "removed",
        text,
        moved: movedTexts.has(text),
      });
    }
  }

  const summary: DiffSummary = { paragraphsChanged: 0, wordsAdded: 0, wordsRemoved: 0 };
  for (const paragraph of paragraphs) {
    switch (paragraph.kind) {
      case "unchanged":
        break;
      case "changed":
        summary.paragraphsChanged++;
        for (const part of paragraph.parts) {
          if (part.kind === "added") summary.wordsAdded += countWords(part.text);
          if (part.kind === "removed") summary.wordsRemoved += countWords(part.text);
        }
        break;
      case "added":
        if (paragraph.moved) break;
        summary.paragraphsChanged++;
        summary.wordsAdded += countWords(paragraph.text);
        break;
      case "removed":
        // A move is counted once (here, where it left); its words were neither added nor removed.
        summary.paragraphsChanged++;
        if (!paragraph.moved) summary.wordsRemoved += countWords(paragraph.text);
        break;
    }
  }
  return {
    paragraphs,
    summary,
    identical: paragraphs.every((paragraph) => paragraph.kind === "unchanged"),
  };
}

function pairRuns(removed: string[], added: string[], movedTexts: Set<string>): ParagraphDiff[] {
  const result: ParagraphDiff[] = [];
  const pairs = Math.min(removed.length, added.length);
  for (let index = 0; index < pairs; index++) {
    const before = removed[index] ?? "";
    const after = added[index] ?? "";
    const parts = movedTexts.has(before) || movedTexts.has(after) ? null : wordParts(before, after);
    if (parts) {
      result.push({ kind: "changed", parts });
    } else {
      result.push({ kind: "removed", text: before, moved: movedTexts.has(before) });
      result.push({ kind: "added", text: after, moved: movedTexts.has(after) });
    }
  }
  // Unpaired paragraphs keep their order: what was removed, then what was added in its place.
  for (const text of removed.slice(pairs)) {
    result.push({ kind: "removed", text, moved: movedTexts.has(text) });
  }
  for (const text of added.slice(pairs)) {
    result.push({ kind: "added", text, moved: movedTexts.has(text) });
  }
  return result;
}
