import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextareaField } from "~/components/forms/textarea-field";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure } from "~/lib/publishing";
import { reviewCommentMaxLength } from "~/lib/publishing-form";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/** A board member approves the submission or asks for changes, with a comment. */
export function ReviewForm(props: { submissionId: string; failure: PublishingFailure | null }) {
  const { t } = useTranslation();
  const { pending, value } = usePendingIntent("review");
  const failure = props.failure;
  const commentError = failure?.fieldErrors.comment
    ? failure.fieldErrors.comment === "required"
      ? t("publishing.review.commentRequired")
      : t(`forms.errors.${failure.fieldErrors.comment}`)
    : null;
  return (
    <section aria-labelledby="review-heading" className="space-y-3">
      <h4 id="review-heading" className="text-lg font-semibold">
        {t("publishing.review.heading")}
      </h4>
      <FailureSummary
        id="review-error"
        failure={failure}
        problems={commentError ? [{ field: "review-comment", message: commentError }] : []}
      />
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="submissionId" value={props.submissionId} />
        <TextareaField
          id="review-comment"
          name="comment"
          label={t("publishing.review.label")}
          hint={t("publishing.review.hint")}
          error={commentError}
          describedBy={failure?.formError ? "review-error" : null}
          defaultValue={failure?.values.comment ?? ""}
          maxLength={reviewCommentMaxLength}
        />
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="decision"
            value="approve"
            className={buttonClass("primary")}
            disabled={pending}
          >
            {pending && value === "approve"
              ? t("publishing.review.pending")
              : t("publishing.review.approve")}
          </button>
          <button
            type="submit"
            name="decision"
            value="request_changes"
            className={buttonClass("secondary")}
            disabled={pending}
          >
            {pending && value === "request_changes"
              ? t("publishing.review.pending")
              : t("publishing.review.requestChanges")}
          </button>
        </div>
      </Form>
    </section>
  );
}
