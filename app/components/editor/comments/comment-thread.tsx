import { forwardRef, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { CommentThread } from "~/lib/document-comment-form";
import { CommentBodyField } from "./comment-body-field";
import { CommentFormErrors } from "./comment-form-errors";
import { CommentItem } from "./comment-item";
import { CommentMentionPicker } from "./comment-mention-picker";
import { useCommentAction } from "./use-comment-action";

/** Where a thread stands against the text: marked in it, being marked, or lost from it. */
export type ThreadPlacement = "marked" | "anchoring" | "lost";

/**
 * A comment thread: the quoted passage (a button that shows it in the text), the first comment,
 * the replies, a reply form, and resolve or reopen for everyone who may comment.
 */
export const CommentThreadView = forwardRef<
  HTMLElement,
  {
    thread: CommentThread;
    placement: ThreadPlacement;
    active: boolean;
    mayComment: boolean;
    actionUrl: string;
    onShowInText(): void;
    onChanged(message: string): void;
  }
>(function CommentThreadView(props, ref) {
  const { t } = useTranslation();
  const id = useId();
  const { thread } = props;
  const replyForm = useRef<HTMLFormElement>(null);
  const reply = useCommentAction(() => {
    replyForm.current?.reset();
    props.onChanged(t("comments.reply.done"));
  });
  const resolve = useCommentAction((result) =>
    props.onChanged(t(result.intent === "resolve" ? "comments.resolved" : "comments.reopened")),
  );
  const resolving = resolve.fetcher.formData?.get("intent");

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-label={t("comments.thread", { quote: truncate(thread.quote, 80) })}
      data-thread-id={thread.id}
      aria-current={props.active ? "true" : undefined}
      className={`space-y-3 rounded-md border bg-white p-3 ${
        props.active ? "border-amber-700 ring-2 ring-amber-700" : "border-slate-300"
      }`}
    >
      <div className="space-y-1">
        {props.placement === "marked" ? (
          <button
            type="button"
            onClick={props.onShowInText}
            aria-describedby={`${id}-show`}
            className="block w-full rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1 text-left text-sm hover:bg-amber-100"
          >
            <span className="line-clamp-3 whitespace-pre-wrap">{thread.quote}</span>
            <span
              id={`${id}-show`}
              className="mt-1 block text-xs font-medium text-blue-800 underline"
            >
              {t("comments.showInText")}
            </span>
          </button>
        ) : (
          <>
            <blockquote
              aria-label={t("comments.quoteLabel")}
              className="line-clamp-3 border-l-4 border-slate-400 bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap"
            >
              {thread.quote}
            </blockquote>
            <p className="text-xs text-slate-700">
              {props.placement === "anchoring" ? t("comments.anchoring") : t("comments.unanchored")}
            </p>
          </>
        )}
      </div>
      <CommentItem comment={thread} actionUrl={props.actionUrl} onChanged={props.onChanged} />
      {thread.replies.length > 0 ? (
        <ol
          aria-label={t("comments.replies", { count: thread.replies.length })}
          className="space-y-3 border-l-2 border-slate-200 pl-3"
        >
          {thread.replies.map((comment) => (
            <li key={comment.id}>
              <CommentItem
                comment={comment}
                actionUrl={props.actionUrl}
                onChanged={props.onChanged}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {thread.resolved ? (
        <p className="text-sm text-slate-700">
          {thread.resolved.byName
            ? t("comments.resolvedBy", {
                name: thread.resolved.byName,
                date: thread.resolved.at.text,
              })
            : t("comments.resolvedAt", { date: thread.resolved.at.text })}
        </p>
      ) : null}
      {props.mayComment && !thread.resolved ? (
        <reply.fetcher.Form
          ref={replyForm}
          method="post"
          action={props.actionUrl}
          className="space-y-2"
        >
          <CommentFormErrors
            failure={reply.failure}
            fieldIds={{ body: `${id}-reply`, mentions: `${id}-reply-mentions` }}
            formErrorId={`${id}-reply-error`}
          />
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="threadId" value={thread.id} />
          <CommentBodyField
            id={`${id}-reply`}
            label={t("comments.reply.body")}
            rows={2}
            error={reply.failure?.fieldErrors.body}
          />
          <details>
            <summary className="cursor-pointer text-sm text-blue-800 underline">
              {t("comments.mentions.legend")}
            </summary>
            <CommentMentionPicker
              id={`${id}-reply-mentions`}
              peopleUrl={props.actionUrl}
              error={reply.failure?.fieldErrors.mentions}
            />
          </details>
          <button type="submit" disabled={reply.pending} className={buttonClass("secondary")}>
            {reply.pending ? t("comments.reply.submitting") : t("comments.reply.submit")}
          </button>
        </reply.fetcher.Form>
      ) : null}
      {props.mayComment ? (
        <resolve.fetcher.Form method="post" action={props.actionUrl}>
          <CommentFormErrors
            failure={resolve.failure}
            fieldIds={{}}
            formErrorId={`${id}-resolve-error`}
          />
          <input type="hidden" name="threadId" value={thread.id} />
          <button
            type="submit"
            name="intent"
            value={thread.resolved ? "reopen" : "resolve"}
            disabled={resolve.pending}
            className={buttonClass("quiet")}
          >
            {resolving === "resolve"
              ? t("comments.resolving")
              : resolving === "reopen"
                ? t("comments.reopening")
                : thread.resolved
                  ? t("comments.reopen")
                  : t("comments.resolve")}
          </button>
        </resolve.fetcher.Form>
      ) : null}
    </article>
  );
});

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
