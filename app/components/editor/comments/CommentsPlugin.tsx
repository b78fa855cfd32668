import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { CommentAccess, CommentsPayload, CommentThread } from "~/lib/document-comment-form";
import { CommentThreadView, type ThreadPlacement } from "./comment-thread";
import { NewCommentForm } from "./new-comment-form";
import type { SelectionAnchor } from "./selection-anchor";
import { useCommentMarks } from "./use-comment-marks";
import { useSelectionAnchor } from "./use-selection-anchor";

/** How often the list is refreshed while the page is visible (others' replies have no mark). */
const refreshEveryMs = 10_000;
/** A new thread without a mark after this long is shown as lost from the text. */
const anchoringGraceMs = 30_000;

function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.shiftKey && event.code === "KeyM";
}

/**
 * The comments of a co-edited document, rendered inside its LexicalComposer (the page puts it in
 * a sidebar column). Commenters and editors select a passage and comment on it (the button, or
 * Ctrl+Alt+M); the collab server then wraps the passage in a mark with the thread's id, which
 * reaches everyone through Yjs. Clicking a mark opens its thread, and a thread's quote shows its
 * passage in the text. The list follows the marks, each own action, and a 10-second refresh.
 */
export function CommentsPlugin(props: {
  documentId: string;
  access: CommentAccess;
  userId: string;
}) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const id = useId();
  const url = `/documents/${props.documentId}/comments`;
  const mayComment = props.access === "comment" || props.access === "edit";

  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [composing, setComposing] = useState<SelectionAnchor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const threadElements = useRef(new Map<string, HTMLElement>());
  const commentButton = useRef<HTMLButtonElement>(null);

  const selection = useSelectionAnchor(editor);
  const latestSelection = useRef(selection);
  latestSelection.current = selection;

  // Plain fetch, not a Remix fetcher: a fetcher's load that cannot reach the server (offline, or
  // the server restarting) throws to the route's error boundary, which would replace the page and
  // the editor someone is typing into. A failed refresh keeps the last good list; the 10-second
  // tick asks again.
  const refresh = useCallback(async () => {
    if (!navigator.onLine) return;
    try {
      const response = await fetch(url, { headers: { accept: "application/json" } });
      const payload = (await response.json()) as CommentsPayload;
      if (response.ok && Array.isArray(payload.threads)) {
        setThreads(payload.threads);
        setLoadFailed(false);
      } else {
        setLoadFailed(true);
      }
    } catch {
      setLoadFailed(true);
    }
  }, [url]);

  const openThread = useCallback(
    (threadIds: string[]) => {
      const known = threads?.find((thread) => threadIds.includes(thread.id));
      if (!known) return;
      if (known.resolved) setShowResolved(true);
      setActiveThreadId(known.id);
      // The thread comes into view, but the focus stays in the text: an editor who clicks
      // marked text to type there must not be taken to the panel.
      requestAnimationFrame(() =>
        threadElements.current.get(known.id)?.scrollIntoView({ block: "nearest" }),
      );
    },
    [threads],
  );
  const marks = useCommentMarks(editor, activeThreadId, openThread);
  const markSignature = marks.markedIds.join(",");

  // A mark appearing or going away means a thread was anchored, added by someone or deleted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch whenever the marks change
  useEffect(() => {
    void refresh();
  }, [refresh, markSignature]);

  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = window.setInterval(tick, refreshEveryMs);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [refresh]);

  const startComment = useCallback(() => {
    const anchor = latestSelection.current;
    if (!anchor) {
      setAnnouncement(t("comments.selectFirst"));
      return;
    }
    setComposing(anchor);
    setAnnouncement(t("comments.new.opened", { quote: anchor.quote.slice(0, 200) }));
  }, [t]);

  // Ctrl+Alt+M anywhere on the page while a passage is selected in this editor.
  useEffect(() => {
    if (!mayComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      startComment();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [mayComment, startComment]);

  const changed = useCallback(
    (message: string) => {
      setAnnouncement(message);
      void refresh();
    },
    [refresh],
  );

  const created = useCallback(
    (threadId: string | null) => {
      setComposing(null);
      if (threadId) setActiveThreadId(threadId);
      changed(t("comments.new.done"));
      requestAnimationFrame(() => commentButton.current?.focus());
    },
    [changed, t],
  );

  const placement = (thread: CommentThread): ThreadPlacement => {
    if (marks.markedIds.includes(thread.id)) return "marked";
    const age = Date.now() - new Date(thread.created.iso).getTime();
    return thread.anchoredAt === null && age < anchoringGraceMs ? "anchoring" : "lost";
  };

  const renderThread = (thread: CommentThread) => (
    <li key={thread.id}>
      <CommentThreadView
        ref={(element) => {
          if (element) threadElements.current.set(thread.id, element);
          else threadElements.current.delete(thread.id);
        }}
        thread={thread}
        placement={placement(thread)}
        active={activeThreadId === thread.id}
        mayComment={mayComment}
        actionUrl={url}
        onShowInText={() => {
          setActiveThreadId(thread.id);
          marks.reveal(thread.id);
        }}
        onChanged={changed}
      />
    </li>
  );

  const open = threads?.filter((thread) => !thread.resolved) ?? [];
  const resolved = threads?.filter((thread) => thread.resolved) ?? [];

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("comments.title")}
      </h2>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {mayComment ? (
        <div className="space-y-1">
          <button
            ref={commentButton}
            type="button"
            onClick={startComment}
            // Pressing the button must not take the selection out of the editor first.
            onMouseDown={(event) => event.preventDefault()}
            aria-keyshortcuts="Control+Alt+M"
            aria-describedby={`${id}-hint`}
            className={buttonClass("secondary")}
          >
            {t("comments.comment")}
          </button>
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {selection ? t("comments.commentHint") : t("comments.selectFirst")}
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("comments.readOnlyNote")}</p>
      )}
      {composing ? (
        <NewCommentForm
          key={`${composing.offset}:${composing.quote}`}
          actionUrl={url}
          anchor={composing}
          onCancel={() => {
            setComposing(null);
            requestAnimationFrame(() => commentButton.current?.focus());
          }}
          onCreated={created}
        />
      ) : null}
      {threads === null ? (
        <p className="text-sm text-slate-700">
          {loadFailed ? t("comments.loadFailed") : t("comments.loading")}
        </p>
      ) : (
        <>
          {loadFailed ? <p className="text-sm text-red-800">{t("comments.loadFailed")}</p> : null}
          {open.length === 0 && resolved.length === 0 ? (
            <p className="text-sm text-slate-700">
              {mayComment ? t("comments.emptyCanComment") : t("comments.empty")}
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                {t("comments.openCount", { count: open.length })}
              </p>
              {open.length > 0 ? <ol className="space-y-3">{open.map(renderThread)}</ol> : null}
            </>
          )}
          {resolved.length > 0 ? (
            <details
              open={showResolved}
              onToggle={(event) => setShowResolved(event.currentTarget.open)}
            >
              <summary className="cursor-pointer font-medium">
                {t("comments.resolvedHeading", { count: resolved.length })}
              </summary>
              <ol className="mt-2 space-y-3">{resolved.map(renderThread)}</ol>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
