import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { FieldErrors } from "~/lib/form-errors";
import type { ReviewState } from "~/lib/network-settings-form";

const stateStyles: Record<ReviewState, string> = {
  overdue: "border-red-700 bg-red-50 text-red-950",
  dueSoon: "border-amber-700 bg-amber-50 text-amber-950",
  later: "border-slate-300 bg-white text-slate-900",
};

/**
 * The yearly review: when it falls due (marked in words, not colour alone, when it is overdue or
 * due within 30 days) and "reviewed — next review on …".
 */
export function SettingsReview(props: {
  review: {
    due: string;
    dueLabel: string;
    state: ReviewState;
    defaultNext: string;
    min: string;
    max: string;
  };
  posted: { fieldErrors: FieldErrors; values: Record<string, string> } | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "markReviewed";
  const { review } = props;
  const dateError = props.posted?.fieldErrors.next_review
    ? t("networks.settings.reviewDateInvalid")
    : null;
  return (
    <section aria-labelledby="settings-review-heading" className="space-y-4">
      <h3 id="settings-review-heading" className="text-xl font-semibold">
        {t("networks.settings.reviewTitle")}
      </h3>
      <p className="max-w-2xl">{t("networks.settings.reviewIntro")}</p>
      <div className={`max-w-2xl rounded-md border-l-4 p-4 ${stateStyles[review.state]}`}>
        <p>
          {review.state === "later" ? null : (
            <strong className="mr-2">{t(`networks.settings.reviewStates.${review.state}`)}</strong>
          )}
          {t("networks.settings.reviewDue")}{" "}
          <time dateTime={review.due} className="font-semibold">
            {review.dueLabel}
          </time>
        </p>
      </div>
      <Form
        method="post"
        noValidate
        className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="settings-next-review"
          name="next_review"
          type="date"
          label={t("networks.settings.nextReview")}
          hint={t("networks.settings.nextReviewHint")}
          defaultValue={props.posted?.values.next_review ?? review.defaultNext}
          min={review.min}
          max={review.max}
          error={dateError}
          required
        />
        <button
          type="submit"
          name="intent"
          value="markReviewed"
          disabled={saving}
          className={buttonClass("primary")}
        >
          {t("networks.settings.markReviewed")}
        </button>
      </Form>
    </section>
  );
}
