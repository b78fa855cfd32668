import { $isLinkNode } from "@lexical/link";
import { ListNode } from "@lexical/list";
import { $getNearestNodeOfType } from "@lexical/utils";
import { $findMatchingParent, $getSelection, $isRangeSelection, type LexicalEditor } from "lexical";
import { useEffect, useState } from "react";

/** What the toolbar shows as pressed: the formatting where the caret or selection is. */
export interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  list: "bullet" | "number" | null;
  /** The address of the link at the caret, or null outside links. */
  linkUrl: string | null;
}

const noFormat: SelectionFormat = { bold: false, italic: false, list: null, linkUrl: null };

function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return noFormat;
  const anchor = selection.anchor.getNode();
  const listType = $getNearestNodeOfType(anchor, ListNode)?.getListType();
  const link = $findMatchingParent(anchor, $isLinkNode);
  return {
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    list: listType === "bullet" || listType === "number" ? listType : null,
    linkUrl: $isLinkNode(link) ? link.getURL() : null,
  };
}

function sameFormat(a: SelectionFormat, b: SelectionFormat): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.list === b.list && a.linkUrl === b.linkUrl;
}

export function useSelectionFormat(editor: LexicalEditor): SelectionFormat {
  const [format, setFormat] = useState<SelectionFormat>(noFormat);
  useEffect(() => {
    const show = (next: SelectionFormat) =>
      setFormat((previous) => (sameFormat(previous, next) ? previous : next));
    show(editor.read($readSelectionFormat));
    return editor.registerUpdateListener(({ editorState }) => {
      show(editorState.read($readSelectionFormat, { editor }));
    });
  }, [editor]);
  return format;
}
