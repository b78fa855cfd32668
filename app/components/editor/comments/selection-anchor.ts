/**
 * Where a selection sits in the document's plain text, counted exactly as Lexical's
 * `$getRoot().getTextContent()` counts (blocks separated by two line breaks). The collab server
 * anchors a new comment thread by looking for the quote in that text near this offset, so both
 * sides must count alike.
 */
import {
  $getRoot,
  $isElementNode,
  $isRangeSelection,
  type BaseSelection,
  type LexicalNode,
  type NodeKey,
  type PointType,
} from "lexical";

export interface SelectionAnchor {
  /** The selected text, as the document's plain text has it. */
  quote: string;
  /** Where the quote starts in `$getRoot().getTextContent()`. */
  offset: number;
}

/** Lexical's separator between block children in getTextContent(). */
const blockSeparatorLength = 2;

/** The start of every node in the root's text content. */
function $textStarts(): Map<NodeKey, number> {
  const starts = new Map<NodeKey, number>();
  const walk = (node: LexicalNode, start: number): number => {
    starts.set(node.getKey(), start);
    if (!$isElementNode(node)) return node.getTextContentSize();
    const children = node.getChildren();
    let position = start;
    children.forEach((child, index) => {
      position += walk(child, position);
      if ($isElementNode(child) && index !== children.length - 1 && !child.isInline()) {
        position += blockSeparatorLength;
      }
    });
    return position - start;
  };
  walk($getRoot(), 0);
  return starts;
}

function $pointOffset(point: PointType, starts: Map<NodeKey, number>): number | null {
  const start = starts.get(point.key);
  if (start === undefined) return null;
  if (point.type === "text") return start + point.offset;
  const node = point.getNode();
  if (!$isElementNode(node)) return start;
  const child = node.getChildAtIndex(point.offset);
  if (child) return starts.get(child.getKey()) ?? null;
  return start + node.getTextContentSize();
}

/**
 * The quote and offset of a non-collapsed range selection, or null for anything else (a caret,
 * a node or table selection, or a selection of nothing but white space).
 */
export function $selectionAnchor(selection: BaseSelection | null): SelectionAnchor | null {
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const starts = $textStarts();
  const anchor = $pointOffset(selection.anchor, starts);
  const focus = $pointOffset(selection.focus, starts);
  if (anchor === null || focus === null || anchor === focus) return null;
  const from = Math.min(anchor, focus);
  const quote = $getRoot().getTextContent().slice(from, Math.max(anchor, focus));
  if (quote.trim() === "") return null;
  return { quote, offset: from };
}
