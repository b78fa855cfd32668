/**
 * The comment marks in the editor: which thread ids have a mark in the text (so the panel can
 * refetch when a new one arrives through Yjs, and tell anchored threads from lost ones), the
 * thread whose mark a person clicks, and the highlight of the thread being looked at.
 */
import { $isMarkNode, MarkNode } from "@lexical/mark";
import type { LexicalEditor, NodeKey } from "lexical";
import { $findMatchingParent, $getNearestNodeFromDOMNode, $getNodeByKey } from "lexical";
import { useCallback, useEffect, useRef, useState } from "react";
import { activeMarkClasses } from "./mark-theme";

export interface CommentMarks {
  /** Thread ids with at least one mark in the text, sorted (a stable signature). */
  markedIds: string[];
  /** Scrolls the thread's first mark into view and highlights its marks; false if it has none. */
  reveal(threadId: string): boolean;
}

export function useCommentMarks(
  editor: LexicalEditor,
  activeThreadId: string | null,
  onMarkClick: (threadIds: string[]) => void,
): CommentMarks {
  // NodeKey → the ids on that mark node; rebuilt from the mutation listener only.
  const idsByKey = useRef(new Map<NodeKey, string[]>());
  const [markedIds, setMarkedIds] = useState<string[]>([]);
  const clickHandler = useRef(onMarkClick);
  clickHandler.current = onMarkClick;

  useEffect(() => {
    const publish = () => {
      const ids = [...new Set([...idsByKey.current.values()].flat())].sort();
      setMarkedIds((current) => (current.join() === ids.join() ? current : ids));
    };
    const removeMutationListener = editor.registerMutationListener(MarkNode, (mutations) => {
      // Mutation listeners run while the update commits: read the new state without flushing.
      editor.getEditorState().read(
        () => {
          for (const [key, mutation] of mutations) {
            const node = mutation === "destroyed" ? null : $getNodeByKey(key);
            if ($isMarkNode(node)) idsByKey.current.set(key, node.getIDs());
            else idsByKey.current.delete(key);
          }
        },
        { editor },
      );
      publish();
    });
    return () => {
      removeMutationListener();
      idsByKey.current.clear();
    };
  }, [editor]);

  // A click on marked text opens its thread (works in read-only editors too).
  useEffect(
    () =>
      editor.registerRootListener((root, previousRoot) => {
        const onClick = (event: MouseEvent) => {
          if (!(event.target instanceof Node)) return;
          const ids = editor.read(() => {
            const node = $getNearestNodeFromDOMNode(event.target as Node);
            const mark = node ? $findMatchingParent(node, $isMarkNode) : null;
            return $isMarkNode(mark) ? mark.getIDs() : [];
          });
          if (ids.length > 0) clickHandler.current(ids);
        };
        previousRoot?.removeEventListener("click", onClick);
        root?.addEventListener("click", onClick);
        return () => root?.removeEventListener("click", onClick);
      }),
    [editor],
  );

  const elementsOf = useCallback(
    (threadId: string): HTMLElement[] =>
      [...idsByKey.current]
        .filter(([, ids]) => ids.includes(threadId))
        .map(([key]) => editor.getElementByKey(key))
        .filter((element): element is HTMLElement => element !== null),
    [editor],
  );

  // The active thread's marks stand out; the classes come off when another is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-apply when marks come and go
  useEffect(() => {
    if (!activeThreadId) return;
    const elements = elementsOf(activeThreadId);
    for (const element of elements) element.classList.add(...activeMarkClasses);
    return () => {
      for (const element of elements) element.classList.remove(...activeMarkClasses);
    };
  }, [activeThreadId, elementsOf, markedIds]);

  const reveal = useCallback(
    (threadId: string) => {
      const [first] = elementsOf(threadId);
      if (!first) return false;
      const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      first.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      return true;
    },
    [elementsOf],
  );

  return { markedIds, reveal };
}
