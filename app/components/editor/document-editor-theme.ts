import type { EditorThemeClasses } from "lexical";
import { commentMarkTheme } from "./comments/mark-theme";

/**
 * Class names Lexical puts on a document's nodes. They match `documentProseClass`, which shows
 * the server's HTML before the editor is ready, so the swap from one to the other does not move
 * the text. Comment marks look as the comments panel defines them (background and underline).
 */
export const documentEditorTheme: EditorThemeClasses = {
  paragraph: "my-3 first:mt-0 last:mb-0",
  heading: {
    h2: "mt-6 mb-2 text-xl font-semibold first:mt-0",
    h3: "mt-4 mb-2 text-lg font-semibold first:mt-0",
  },
  quote: "my-3 border-l-4 border-slate-300 pl-4 text-slate-700",
  list: {
    ul: "my-3 list-disc pl-6",
    ol: "my-3 list-decimal pl-6",
    listitem: "my-1",
    nested: { listitem: "list-none" },
  },
  link: "text-blue-800 underline underline-offset-2",
  text: {
    bold: "font-bold",
    italic: "italic",
    underline: "underline",
    strikethrough: "line-through",
    underlineStrikethrough: "underline line-through",
    code: "rounded bg-slate-100 px-1 font-mono text-sm",
  },
  table: "my-3 w-full border-collapse",
  tableRow: "",
  tableCell: "min-w-24 border border-slate-400 px-2 py-1 align-top",
  tableCellHeader: "bg-slate-100 font-semibold",
  tableSelection: "bg-blue-50",
  tableCellSelected: "bg-blue-100",
  tableScrollableWrapper: "overflow-x-auto",
  ...commentMarkTheme,
};

/** The same typography for the server's HTML of a document (p, h2, h3, lists, quotes, tables). */
export const documentProseClass = [
  "break-words text-slate-900",
  "[&_p]:my-3 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0",
  "[&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-semibold [&_h2:first-child]:mt-0",
  "[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold [&_h3:first-child]:mt-0",
  "[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_h1]:mt-6 [&_h1]:mb-2 [&_h1]:text-2xl [&_h1]:font-semibold [&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:font-semibold",
  "[&_li]:my-1",
  "[&_a]:text-blue-800 [&_a]:underline [&_a]:underline-offset-2",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-700",
  "[&_table]:my-3 [&_table]:w-full [&_table]:border-collapse",
  "[&_td]:border [&_td]:border-slate-400 [&_td]:px-2 [&_td]:py-1 [&_td]:align-top",
  "[&_th]:border [&_th]:border-slate-400 [&_th]:bg-slate-100 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_th]:font-semibold",
  "[&_mark]:bg-amber-100 [&_mark]:underline [&_mark]:decoration-amber-700 [&_mark]:decoration-2",
  "[&_strong]:font-bold [&_b]:font-bold",
].join(" ");
