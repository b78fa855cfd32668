import { forwardRef } from "react";
import { inputClass } from "~/components/forms/text-field";
import { commentBodyMaxLength } from "~/lib/document-comment-form";

/** The text of a comment: a labelled textarea with its error wired to it. */
export const CommentBodyField = forwardRef<
  HTMLTextAreaElement,
  { id: string; label: string; error?: string | null; defaultValue?: string; rows?: number }
>(function CommentBodyField(props, ref) {
  const errorId = `${props.id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={props.id}
        name="body"
        rows={props.rows ?? 3}
        required
        maxLength={commentBodyMaxLength}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        className={inputClass}
      />
    </div>
  );
});
