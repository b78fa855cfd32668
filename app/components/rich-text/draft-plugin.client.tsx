import { $generateHtmlFromNodes } from "@lexical/html";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect, useRef } from "react";
import { draftClearedEvent, removeRichTextDraft, saveRichTextDraft } from "./rich-text-draft";

/** Updates with this tag replace the content on purpose (discarding a draft): not saved. */
export const discardDraftTag = "verkko-discard-draft";

const saveDelayMs = 500;

/**
 * Saves the editor's HTML as a draft shortly after each change, and at once when the form is
 * submitted, the page is left or the editor unmounts. Content equal to what the editor started
 * with is no draft (unless it started from a restored draft, which stays until discarded).
 */
export function DraftPlugin(props: {
  draftKey: string;
  startedFromDraft: boolean;
  onCleared: () => void;
}) {
  const [editor] = useLexicalComposerContext();
  const { draftKey, startedFromDraft } = props;
  const onCleared = useRef(props.onCleared);
  onCleared.current = props.onCleared;

  useEffect(() => {
    const currentHtml = () => editor.read(() => $generateHtmlFromNodes(editor));
    const startHtml = currentHtml();
    let pending: ReturnType<typeof setTimeout> | undefined;

    const save = () => {
      pending = undefined;
      const html = currentHtml();
      if (html !== startHtml) saveRichTextDraft(draftKey, html);
      else if (!startedFromDraft) removeRichTextDraft(draftKey);
    };
    const cancel = () => {
      clearTimeout(pending);
      pending = undefined;
    };
    const flush = () => {
      if (pending !== undefined) {
        cancel();
        save();
      }
    };
    const onDraftCleared = (event: Event) => {
      if (event instanceof CustomEvent && event.detail === draftKey) {
        cancel();
        onCleared.current();
      }
    };

    const unregisterUpdates = editor.registerUpdateListener(
      ({ dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(discardDraftTag)) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        cancel();
        pending = setTimeout(save, saveDelayMs);
      },
    );
    const unregisterRoot = editor.registerRootListener((root) => {
      const form = root?.closest("form");
      if (!form) return;
      form.addEventListener("submit", flush);
      return () => form.removeEventListener("submit", flush);
    });
    window.addEventListener(draftClearedEvent, onDraftCleared);
    window.addEventListener("pagehide", flush);
    return () => {
      flush();
      unregisterUpdates();
      unregisterRoot();
      window.removeEventListener(draftClearedEvent, onDraftCleared);
      window.removeEventListener("pagehide", flush);
    };
  }, [editor, draftKey, startedFromDraft]);

  return null;
}
