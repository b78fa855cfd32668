import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import {
  type FeedbackStatus,
  feedbackReplyMaxLength,
  feedbackStatuses,
} from "~/lib/feedback-answer-form";
import type { FieldErrors } from "~/lib/form-errors";

/**
 * The owner's or the board's answer: the feedback's status and a reply to the reader. After a
 * refusal the posted values come back (`values`), so nothing typed is lost.
 */
export function FeedbackAnswerForm(props: {
  status: FeedbackStatus;
  reply: string;
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  const statusError = props.fieldErrors.status ? t("forms.errors.invalid") : null;
  const replyError = props.fieldErrors.reply ? t(`forms.errors.${props.fieldErrors.reply}`) : null;
  const problems = [
    ...(statusError ? [{ field: "feedback-status", message: statusError }] : []),
    ...(replyError ? [{ field: "feedback-reply", message: replyError }] : []),
  ];
  return (
    <section
      aria-labelledby="answer-heading"
      className="max-w-3xl space-y-4 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="answer-heading" className="text-xl font-semibold">
        {t("editorial.detail.answerHeading")}
      </h2>
      <ErrorSummary
        title={t("editorial.detail.failed")}
        formError={
          props.formError ? { id: "answer-error", message: t(`dbErrors.${props.formError}`) } : null
        }
        problems={problems}
      />
      <Form method="post" className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="feedback-status" className="block font-medium">
            {t("editorial.detail.statusLabel")}
          </label>
          <select
            id="feedback-status"
            name="status"
            defaultValue={props.status}
            aria-invalid={statusError ? true : undefined}
            aria-describedby={statusError ? "feedback-status-error" : undefined}
            className={`${inputClass} max-w-xs`}
          >
            {feedbackStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`editorial.feedbackStatus.${status}`)}
              </option>
            ))}
          </select>
          {statusError ? (
            <p id="feedback-status-error" className="text-sm font-medium text-red-800">
              {statusError}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="feedback-reply" className="block font-medium">
            {t("editorial.detail.replyLabel")}
          </label>
          <p id="feedback-reply-hint" className="text-sm text-slate-700">
            {t("editorial.detail.replyHint")}
          </p>
          <textarea
            id="feedback-reply"
            name="reply"
            rows={6}
            maxLength={feedbackReplyMaxLength}
            defaultValue={props.reply}
            aria-invalid={replyError ? true : undefined}
            aria-describedby={
              replyError ? "feedback-reply-hint feedback-reply-error" : "feedback-reply-hint"
            }
            className={inputClass}
          />
          {replyError ? (
            <p id="feedback-reply-error" className="text-sm font-medium text-red-800">
              {replyError}
            </p>
          ) : null}
        </div>
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("editorial.detail.saving") : t("editorial.detail.save")}
        </button>
      </Form>
    </section>
  );
}
