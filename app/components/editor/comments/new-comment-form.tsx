import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { CommentBodyField } from "./comment-body-field";
import { CommentFormErrors } from "./comment-form-errors";
import { CommentMentionPicker } from "./comment-mention-picker";
import type { SelectionAnchor } from "./selection-anchor";
import { useCommentAction } from "./use-comment-action";

/**
 * A new thread on the selected passage: the quote as it will be anchored, the comment and whom
 * it mentions. Takes the focus when it opens; what was typed stays when the route refuses it.
 */
export function NewCommentForm(props: {
  actionUrl: string;
  anchor: SelectionAnchor;
  onCancel(): void;
  onCreated(threadId: string | null): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const body = useRef<HTMLTextAreaElement>(null);
  const { fetcher, failure, pending } = useCommentAction((result) => props.onCreated(result.id));
  useEffect(() => {
    body.current?.focus();
  }, []);
  const fieldIds = { body: `${id}-body`, quote: `${id}-quote`, mentions: `${id}-mentions` };

  return (
    <fetcher.Form
      method="post"
      action={props.actionUrl}
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-md border border-slate-300 bg-slate-50 p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onCancel();
      }}
    >
      <h3 id={`${id}-heading`} className="font-semibold">
        {t("comments.new.heading")}
      </h3>
      <CommentFormErrors failure={failure} fieldIds={fieldIds} formErrorId={`${id}-error`} />
      <input type="hidden" name="intent" value="createThread" />
      <input type="hidden" name="quote" value={props.anchor.quote} />
      <input type="hidden" name="quoteOffset" value={props.anchor.offset} />
      <figure id={fieldIds.quote} tabIndex={-1} className="space-y-1">
        <figcaption className="text-sm font-medium">{t("comments.new.quote")}</figcaption>
        <blockquote className="line-clamp-4 border-l-4 border-amber-600 bg-white px-2 py-1 text-sm whitespace-pre-wrap">
          {props.anchor.quote}
        </blockquote>
        {failure?.fieldErrors.quote ? (
          <p className="text-sm font-medium text-red-800">{failure.fieldErrors.quote}</p>
        ) : null}
      </figure>
      <CommentBodyField
        ref={body}
        id={fieldIds.body}
        label={t("comments.new.body")}
        error={failure?.fieldErrors.body}
      />
      <CommentMentionPicker
        id={fieldIds.mentions}
        peopleUrl={props.actionUrl}
        error={failure?.fieldErrors.mentions}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("comments.new.submitting") : t("comments.new.submit")}
        </button>
        <button type="button" onClick={props.onCancel} className={buttonClass("secondary")}>
          {t("comments.new.cancel")}
        </button>
      </div>
    </fetcher.Form>
  );
}
