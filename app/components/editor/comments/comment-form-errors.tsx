import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import type { CommentField } from "~/lib/document-comment-form";
import type { CommentActionFailure } from "./use-comment-action";

/**
 * A refused comment form's problems at its top (the ErrorSummary takes the focus), linking to
 * the fields, which show the same messages inline.
 */
export function CommentFormErrors(props: {
  failure: CommentActionFailure | null;
  /** The id of each field of this form, for the summary's links. */
  fieldIds: Partial<Record<CommentField, string>>;
  formErrorId: string;
}) {
  const { t } = useTranslation();
  if (!props.failure) return null;
  const problems: FieldProblem[] = [];
  let formError = props.failure.formError;
  for (const [field, message] of Object.entries(props.failure.fieldErrors)) {
    const id = props.fieldIds[field as CommentField];
    if (id && message) problems.push({ field: id, message });
    else if (message) formError ??= message;
  }
  return (
    <ErrorSummary
      title={t("comments.errors.title")}
      formError={formError ? { id: props.formErrorId, message: formError } : null}
      problems={problems}
    />
  );
}
