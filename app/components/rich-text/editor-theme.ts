import type { EditorThemeClasses } from "lexical";

/**
 * Class names Lexical puts on what it renders inside the editor, matching how RichTextContent
 * shows the saved post. The exported HTML carries them too; the sanitiser removes them.
 */
export const editorTheme: EditorThemeClasses = {
  paragraph: "my-2 first:mt-0 last:mb-0",
  heading: {
    h2: "mt-4 mb-2 text-xl font-semibold",
    h3: "mt-3 mb-2 text-lg font-semibold",
  },
  quote: "my-2 border-l-4 border-slate-300 pl-4 text-slate-700",
  list: {
    ul: "my-2 list-disc pl-6",
    ol: "my-2 list-decimal pl-6",
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
  code: "my-2 block overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm",
};
