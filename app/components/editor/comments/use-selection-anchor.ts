/**
 * The passage a person has selected in the editor, as a quote and its offset in the document's
 * text; null while nothing (or only a caret) is selected. Lexical tracks the selection in
 * read-only editors too, so commenters, who cannot edit, can still select what they comment on.
 */
import { $getSelection, type LexicalEditor } from "lexical";
import { useEffect, useState } from "react";
import { $selectionAnchor, type SelectionAnchor } from "./selection-anchor";

export function useSelectionAnchor(editor: LexicalEditor): SelectionAnchor | null {
  const [anchor, setAnchor] = useState<SelectionAnchor | null>(null);
  useEffect(() => {
    // Selection changes are updates too (in read-only editors as well), and remote changes
    // move the offsets of a local selection, so every committed update is read again.
    return editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read(
        () => {
          const selection = $getSelection();
          // A selection that goes away because the focus moved to the panel is kept.
          return selection === null ? undefined : $selectionAnchor(selection);
        },
        { editor },
      );
      if (next === undefined) return;
      setAnchor((current) =>
        current?.quote === next?.quote && current?.offset === next?.offset ? current : next,
      );
    });
  }, [editor]);
  return anchor;
}
