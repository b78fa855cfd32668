import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextareaField } from "~/components/forms/textarea-field";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure } from "~/lib/publishing";
import { archiveReasonMaxLength } from "~/lib/publishing-form";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/** Archives the document (a reason and a deliberate tick), or reopens an archived one. */
export function ArchivePanel(props: {
  archived: boolean;
  failure: PublishingFailure | null;
  reopenFailure: PublishingFailure | null;
}) {
  const { t } = useTranslation();
  const archiving = usePendingIntent("archive").pending;
  const reopening = usePendingIntent("reopen").pending;
  const confirmError = props.failure?.fieldErrors.confirm
    ? t("publishing.archive.confirmRequired")
    : null;
  const reasonError = props.failure?.fieldErrors.reason
    ? t(`forms.errors.${props.failure.fieldErrors.reason}`)
    : null;
  return (
    <section aria-labelledby="archive-heading" className="space-y-3">
      <h3 id="archive-heading" className="text-xl font-semibold">
        {t("publishing.archive.heading")}
      </h3>
      {props.archived ? (
        <>
          <p>{t("publishing.archive.reopenIntro")}</p>
          <FailureSummary id="reopen-error" failure={props.reopenFailure} />
          <Form method="post">
            <input type="hidden" name="intent" value="reopen" />
            <button type="submit" className={buttonClass("secondary")} disabled={reopening}>
              {reopening ? t("publishing.archive.reopening") : t("publishing.archive.reopen")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("publishing.archive.intro")}</p>
          <FailureSummary
            id="archive-error"
            failure={props.failure}
            problems={[
              ...(reasonError ? [{ field: "archive-reason", message: reasonError }] : []),
              ...(confirmError ? [{ field: "archive-confirm", message: confirmError }] : []),
            ]}
          />
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="archive" />
            <TextareaField
              id="archive-reason"
              name="reason"
              label={t("publishing.archive.reasonLabel")}
              hint={t("publishing.archive.reasonHint")}
              error={reasonError}
              defaultValue={props.failure?.values.reason ?? ""}
              maxLength={archiveReasonMaxLength}
              rows={3}
            />
            <div className="space-y-1">
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id="archive-confirm"
                  name="confirm"
                  value="yes"
                  className="h-5 w-5 accent-blue-800"
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? "archive-confirm-error" : undefined}
                />
                <label htmlFor="archive-confirm">{t("publishing.archive.confirm")}</label>
              </div>
              {confirmError ? (
                <p id="archive-confirm-error" className="text-sm font-medium text-red-800">
                  {confirmError}
                </p>
              ) : null}
            </div>
            <button type="submit" className={buttonClass("secondary")} disabled={archiving}>
              {archiving ? t("publishing.archive.pending") : t("publishing.archive.button")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
