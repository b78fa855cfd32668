import { $generateNodesFromDOM } from "@lexical/html";
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $insertNodes,
  $setSelection,
  type LexicalEditor,
} from "lexical";

/** What an editor starts from: stored or drafted HTML, or text typed before it loaded. */
export type EditorContent = { kind: "html"; html: string } | { kind: "text"; text: string };

function $appendPlainText(text: string): void {
  const root = $getRoot();
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[^\S\n]*\n\s*/)
    .filter((paragraph) => paragraph.trim() !== "");
  for (const paragraphText of paragraphs) {
    const paragraph = $createParagraphNode();
    paragraphText
      .replace(/\s+$/, "")
      .split("\n")
      .forEach((line, index) => {
        if (index > 0) paragraph.append($createLineBreakNode());
        if (line !== "") paragraph.append($createTextNode(line));
      });
    root.append(paragraph);
  }
}

/**
 * Replaces everything in the editor with `content`. Runs inside `editor.update()` (or as the
 * editor's initial state). HTML goes through the editor's own importers, so only the nodes it
 * knows survive; the server sanitises whatever comes back anyway.
 */
export function $replaceContent(editor: LexicalEditor, content: EditorContent): void {
  const root = $getRoot();
  root.clear();
  if (content.kind === "text") {
    $appendPlainText(content.text);
  } else if (content.html.trim() !== "") {
    const dom = new DOMParser().parseFromString(content.html, "text/html");
    const nodes = $generateNodesFromDOM(editor, dom);
    root.select();
    $insertNodes(nodes);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  // Loading content must not move the caret (and with it the focus) into the editor.
  $setSelection(null);
}
