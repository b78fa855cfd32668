/**
 * A comment's anchor is counted as the collab server counts it: the offset of the selection in
 * the root's plain text, across headings, lists, quotes and tables, whichever way the person
 * selected.
 */
import { createHeadlessEditor } from "@lexical/headless";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createTableCellNode, $createTableNode, $createTableRowNode } from "@lexical/table";
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $setSelection,
  type LexicalEditor,
  type TextNode,
} from "lexical";
import { beforeEach, describe, expect, it } from "vitest";
import { $selectionAnchor } from "~/components/editor/comments/selection-anchor";
import { documentNodes } from "~/components/editor/nodes";

let editor: LexicalEditor;
const texts = new Map<string, TextNode>();

/** Adjacent plain text nodes merge; formats (bold "tilanne") keep the test's nodes apart. */
function text(value: string): TextNode {
  const node = $createTextNode(value);
  texts.set(value, node);
  return node;
}

beforeEach(() => {
  texts.clear();
  editor = createHeadlessEditor({
    nodes: documentNodes,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const cell = (value: string) =>
        $createTableCellNode().append($createParagraphNode().append(text(value)));
      $getRoot().append(
        $createHeadingNode("h2").append(text("Palvelutarve")),
        $createParagraphNode().append(
          text("Arvioi "),
          text("tilanne").toggleFormat("bold"),
          text(" ensin."),
        ),
        $createListNode("bullet").append(
          $createListItemNode().append(text("Haastattelu")),
          $createListItemNode().append(text("Suunnitelma")),
        ),
        $createQuoteNode().append(text("Lainaus ohjeesta")),
        $createTableNode().append(
          $createTableRowNode().append(cell("Vaihe"), cell("Aika")),
          $createTableRowNode().append(cell("Alku"), cell("Viikko")),
        ),
        $createParagraphNode().append(text("Loppu.")),
      );
    },
    { discrete: true },
  );
});

/** Selects from `from` (at offset) to `to` (at offset) and returns the anchor and root text. */
function select(from: [string, number], to: [string, number]) {
  editor.update(
    () => {
      const selection = $createRangeSelection();
      selection.anchor.set(texts.get(from[0])?.getKey() ?? "", from[1], "text");
      selection.focus.set(texts.get(to[0])?.getKey() ?? "", to[1], "text");
      $setSelection(selection);
    },
    { discrete: true },
  );
  return editor.getEditorState().read(() => ({
    anchor: $selectionAnchor($getSelection()),
    rootText: $getRoot().getTextContent(),
  }));
}

describe("the anchor of a selection", () => {
  it("is the quote and where it starts in the root's text", () => {
    const { anchor, rootText } = select(["tilanne", 0], ["tilanne", 7]);
    expect(anchor).toEqual({ quote: "tilanne", offset: rootText.indexOf("tilanne") });
  });

  it("counts the same backwards and across blocks, lists, quotes and tables", () => {
    const forward = select(["Arvioi ", 3], ["Aika", 2]);
    const backward = select(["Aika", 2], ["Arvioi ", 3]);
    expect(backward.anchor).toEqual(forward.anchor);
    const start = forward.rootText.indexOf("ioi tilanne");
    const end = forward.rootText.indexOf("Aika") + 2;
    expect(forward.anchor).toEqual({ quote: forward.rootText.slice(start, end), offset: start });
    expect(forward.anchor?.quote).toContain("Suunnitelma");
    expect(forward.anchor?.quote).toContain("Lainaus ohjeesta");

    const last = select(["Viikko", 0], ["Loppu.", 5]);
    expect(last.anchor).toEqual({
      quote: last.rootText.slice(
        last.rootText.indexOf("Viikko"),
        last.rootText.indexOf("Loppu.") + 5,
      ),
      offset: last.rootText.indexOf("Viikko"),
    });
  });

  it("is null for a caret or white space only", () => {
    expect(select(["tilanne", 3], ["tilanne", 3]).anchor).toBeNull();
    expect(select(["Arvioi ", 6], ["Arvioi ", 7]).anchor).toBeNull();
  });
});
