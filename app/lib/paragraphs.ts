/**
 * A frozen version's text as numbered paragraphs, so feedback and comment-round responses can
 * point at "paragraph 3" of exactly that version. The text is Lexical's getTextContent() (see
 * server/collab/headless.ts): top-level blocks, list items and table cells are separated by a
 * blank line, while a line break inside a paragraph is a single newline and stays in it.
 * Numbering is stable for a given text, which is what a published version's text is for ever.
 */

export interface Paragraph {
  /** Position among the non-empty paragraphs, from 0 (the stored `paragraph_index`). */
  index: number;
  text: string;
}

/** The non-empty paragraphs of `text`, numbered from 0 in reading order. */
export function paragraphsOf(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[^\S\n]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block, index) => ({ index, text: block }));
}

/** A paragraph shortened for a list or a select option: whole words, an ellipsis when cut. */
export function paragraphExcerpt(text: string, maxLength = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
