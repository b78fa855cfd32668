import { $isLinkNode } from "@lexical/link";
import { $isListNode, ListNode } from "@lexical/list";
import { $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import { $findMatchingParent, $getNearestNodeOfType } from "@lexical/utils";
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  mergeRegister,
} from "lexical";
import { useEffect, useState } from "react";

export type BlockType = "paragraph" | "h2" | "h3" | "quote" | "bullet" | "number" | "other";

/** What the toolbar shows as pressed: the formatting where the caret or selection is. */
export interface DocumentFormat {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** The address of the link at the caret, or null outside links. */
  linkUrl: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

const initialFormat: DocumentFormat = {
  block: "paragraph",
  bold: false,
  italic: false,
  underline: false,
  linkUrl: null,
  canUndo: false,
  canRedo: false,
};

function $readFormat(): Omit<DocumentFormat, "canUndo" | "canRedo"> | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const topLevel =
    anchor.getKey() === "root"
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let block: BlockType = "other";
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) {
    const type = list.getListType();
    block = type === "bullet" ? "bullet" : type === "number" ? "number" : "other";
  } else if ($isHeadingNode(topLevel)) {
    const tag = topLevel.getTag();
    block = tag === "h2" ? "h2" : tag === "h3" ? "h3" : "other";
  } else if ($isQuoteNode(topLevel)) {
    block = "quote";
  } else if (topLevel.getType() === "paragraph") {
    block = "paragraph";
  }
  const link = $findMatchingParent(anchor, $isLinkNode);
  return {
    block,
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    underline: selection.hasFormat("underline"),
    linkUrl: $isLinkNode(link) ? link.getURL() : null,
  };
}

function same(a: DocumentFormat, b: DocumentFormat): boolean {
  return (Object.keys(a) as (keyof DocumentFormat)[]).every((key) => a[key] === b[key]);
}

/**
 * The formatting at the caret, and whether undo and redo can do anything (the collaboration
 * plugin's Yjs UndoManager reports that through CAN_UNDO_COMMAND and CAN_REDO_COMMAND).
 */
export function useDocumentFormat(editor: LexicalEditor): DocumentFormat {
  const [format, setFormat] = useState<DocumentFormat>(initialFormat);
  useEffect(() => {
    const merge = (changes: Partial<DocumentFormat>) =>
      setFormat((previous) => {
        const next = { ...previous, ...changes };
        return same(previous, next) ? previous : next;
      });
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        const read = editorState.read($readFormat, { editor });
        if (read) merge(read);
      }),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          merge({ canUndo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          merge({ canRedo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return format;
}
