import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { Notice } from "~/components/forms/notice";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure, PublishingView } from "~/lib/publishing";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/**
 * Who owns the document and when its content is next checked; the owner, its managers and the
 * board change them (`canSteward` comes from the database's answers) and mark it reviewed.
 */
export function StewardshipPanel(props: {
  view: PublishingView;
  canSteward: boolean;
  failure: PublishingFailure | null;
  markFailure: PublishingFailure | null;
}) {
  const { t } = useTranslation();
  const { view, failure } = props;
  const saving = usePendingIntent("stewardship").pending;
  const marking = usePendingIntent("markReviewed").pending;
  const ownerError =
    failure?.fieldErrors.ownerId === "required"
      ? t("publishing.stewardship.ownerRequired")
      : failure?.fieldErrors.ownerId
        ? t(`forms.errors.${failure.fieldErrors.ownerId}`)
        : null;
  const dueError = failure?.fieldErrors.reviewDue ? t("publishing.stewardship.dueInvalid") : null;
  const problems = [
    ...(ownerError ? [{ field: "steward-owner", message: ownerError }] : []),
    ...(dueError ? [{ field: "steward-review-due", message: dueError }] : []),
  ];
  return (
    <section aria-labelledby="stewardship-heading" className="space-y-3">
      <h3 id="stewardship-heading" className="text-xl font-semibold">
        {t("publishing.stewardship.heading")}
      </h3>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("publishing.stewardship.owner")}</dt>
        <dd>{view.owner.name ?? t("publishing.stewardship.noOwner")}</dd>
        {view.owner.organisationName ? (
          <>
            <dt className="font-medium">{t("publishing.stewardship.ownerOrganisation")}</dt>
            <dd>{view.owner.organisationName}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("publishing.stewardship.reviewDue")}</dt>
        <dd>
          {view.reviewDue ? (
            <time dateTime={view.reviewDue.iso}>{view.reviewDue.text}</time>
          ) : (
            t("publishing.stewardship.noReviewDue")
          )}
        </dd>
      </dl>
      {view.reviewOverdue ? (
        <Notice tone="warning">{t("publishing.stewardship.overdue")}</Notice>
      ) : null}
      {view.publishedVersion === null ? (
        <p>{t("publishing.stewardship.defaultReviewDue", { date: view.defaultReviewDue.text })}</p>
      ) : null}

      {props.canSteward ? (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h4 className="text-lg font-semibold">{t("publishing.stewardship.formHeading")}</h4>
          <FailureSummary id="stewardship-error" failure={failure} problems={problems} />
          <Form
            // Start again from the saved values once they change.
            key={`${view.owner.id ?? ""}-${view.reviewDue?.iso ?? ""}`}
            method="post"
            className="grid gap-3 sm:grid-cols-2"
            noValidate
          >
            <input type="hidden" name="intent" value="stewardship" />
            <SelectField
              id="steward-owner"
              name="ownerId"
              label={t("publishing.stewardship.ownerLabel")}
              hint={t("publishing.stewardship.ownerHint")}
              error={ownerError}
              defaultValue={failure?.values.ownerId ?? view.owner.id ?? ""}
            >
              <option value="">{t("publishing.stewardship.keepOwner")}</option>
              {view.ownerCandidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="steward-review-due"
              name="reviewDue"
              type="date"
              label={t("publishing.stewardship.dueLabel")}
              hint={t("publishing.stewardship.dueHint")}
              error={dueError}
              min={view.reviewDueRange.min}
              max={view.reviewDueRange.max}
              defaultValue={failure?.values.reviewDue ?? view.reviewDue?.iso ?? ""}
            />
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass("primary")} disabled={saving}>
                {saving ? t("publishing.stewardship.saving") : t("publishing.stewardship.save")}
              </button>
            </div>
          </Form>
          {view.publishedVersion !== null ? (
            <div className="space-y-2 border-t border-slate-200 pt-3">
              <FailureSummary id="mark-reviewed-error" failure={props.markFailure} />
              <p id="mark-reviewed-hint" className="text-sm text-slate-700">
                {t("publishing.stewardship.markReviewedHint")}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="markReviewed" />
                <button
                  type="submit"
                  className={buttonClass("secondary")}
                  disabled={marking}
                  aria-describedby="mark-reviewed-hint"
                >
                  {marking
                    ? t("publishing.stewardship.marking")
                    : t("publishing.stewardship.markReviewed")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
