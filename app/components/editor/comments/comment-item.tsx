import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { DocumentComment } from "~/lib/document-comment-form";
import { CommentBodyField } from "./comment-body-field";
import { CommentFormErrors } from "./comment-form-errors";
import { useCommentAction } from "./use-comment-action";

/**
 * One comment: who wrote it and when, the text, whom it mentions, and for its author (or an
 * editor) editing and deleting in place, with a confirmation before deleting.
 */
export function CommentItem(props: {
  comment: DocumentComment;
  actionUrl: string;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { comment } = props;
  const [mode, setMode] = useState<"show" | "edit" | "confirmDelete">("show");
  const editButton = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const edit = useCommentAction(() => {
    setMode("show");
    props.onChanged(t("comments.edit.done"));
  });
  const remove = useCommentAction(() => props.onChanged(t("comments.delete.done")));

  useEffect(() => {
    if (mode === "confirmDelete") confirm.current?.focus();
  }, [mode]);

  const back = () => {
    setMode("show");
    // Return the focus to where the person was, not to the top of the page.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <div className="space-y-1">
      <p className="text-sm">
        <span className="font-semibold">{comment.author.name ?? t("comments.formerUser")}</span>
        {comment.author.organisation ? (
          <span className="text-slate-700"> – {comment.author.organisation}</span>
        ) : null}
        <br />
        <time dateTime={comment.created.iso} className="text-slate-700">
          {comment.created.text}
        </time>
        {comment.edited ? (
          <span className="text-slate-700">
            {" "}
            ({t("comments.edited", { date: comment.edited.text })})
          </span>
        ) : null}
      </p>
      {mode === "edit" ? (
        <edit.fetcher.Form
          method="post"
          action={props.actionUrl}
          className="space-y-2"
          onKeyDown={(event) => {
            if (event.key === "Escape") back();
          }}
        >
          <CommentFormErrors
            failure={edit.failure}
            fieldIds={{ body: `${id}-edit` }}
            formErrorId={`${id}-edit-error`}
          />
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="commentId" value={comment.id} />
          <CommentBodyField
            id={`${id}-edit`}
            label={t("comments.edit.body")}
            defaultValue={comment.body}
            error={edit.failure?.fieldErrors.body}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={edit.pending} className={buttonClass("primary")}>
              {edit.pending ? t("comments.edit.saving") : t("comments.edit.save")}
            </button>
            <button type="button" onClick={back} className={buttonClass("secondary")}>
              {t("comments.edit.cancel")}
            </button>
          </div>
        </edit.fetcher.Form>
      ) : (
        <p className="whitespace-pre-wrap break-words">{comment.body}</p>
      )}
      {comment.mentions.length > 0 ? (
        <ul aria-label={t("comments.mentioned")} className="flex flex-wrap gap-1 text-sm">
          {comment.mentions.map((mention) => (
            <li key={mention.userId} className="rounded bg-slate-100 px-1.5 text-slate-800">
              @{mention.name ?? t("comments.formerUser")}
            </li>
          ))}
        </ul>
      ) : null}
      {mode === "confirmDelete" ? (
        <div
          ref={confirm}
          tabIndex={-1}
          className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-red-950"
        >
          <p className="text-sm font-medium">{t("comments.delete.question")}</p>
          <CommentFormErrors
            failure={remove.failure}
            fieldIds={{}}
            formErrorId={`${id}-delete-error`}
          />
          <remove.fetcher.Form
            method="post"
            action={props.actionUrl}
            className="flex flex-wrap gap-2"
          >
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button
              type="submit"
              disabled={remove.pending}
              className="inline-flex items-center justify-center rounded-md bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900 disabled:opacity-70"
            >
              {remove.pending ? t("comments.delete.deleting") : t("comments.delete.confirm")}
            </button>
            <button type="button" onClick={back} className={buttonClass("secondary")}>
              {t("comments.delete.cancel")}
            </button>
          </remove.fetcher.Form>
        </div>
      ) : null}
      {mode === "show" && (comment.canEdit || comment.canDelete) ? (
        <div className="flex flex-wrap gap-1">
          {comment.canEdit ? (
            <button
              ref={editButton}
              type="button"
              onClick={() => setMode("edit")}
              className={buttonClass("quiet")}
            >
              {t("comments.edit.start")}
            </button>
          ) : null}
          {comment.canDelete ? (
            <button
              type="button"
              onClick={() => setMode("confirmDelete")}
              className={buttonClass("quiet")}
            >
              {t("comments.delete.start")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
