/**
 * The Lexical nodes a co-edited document may contain. The browser editor and the server's
 * headless editor must register the same list, or content one side writes is lost on the other.
 */
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { MarkNode } from "@lexical/mark";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { TableCellNode, TableNode, TableRowNode } from "@lexical/table";
import type { Klass, LexicalNode } from "lexical";

export const documentNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  MarkNode,
];

/** The Lexical namespace of document editors (the Yjs root keeps Lexical's default name, "root"). */
export const documentEditorNamespace = "verkko-document";
