import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextareaField } from "~/components/forms/textarea-field";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure } from "~/lib/publishing";
import { changeSummaryMaxLength } from "~/lib/publishing-form";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/** Freezes the document's current content and sends it to the board. */
export function SubmitForm(props: { boardName: string; failure: PublishingFailure | null }) {
  const { t } = useTranslation();
  const { pending } = usePendingIntent("submit");
  const failure = props.failure;
  const summaryError = failure?.fieldErrors.changeSummary
    ? t(`forms.errors.${failure.fieldErrors.changeSummary}`)
    : null;
  return (
    <section
      aria-labelledby="submit-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="submit-heading" className="text-xl font-semibold">
        {t("publishing.submit.heading")}
      </h3>
      <p>{t("publishing.submit.intro", { board: props.boardName })}</p>
      <FailureSummary
        id="submit-error"
        failure={failure}
        problems={summaryError ? [{ field: "change-summary", message: summaryError }] : []}
      />
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="submit" />
        <TextareaField
          id="change-summary"
          name="changeSummary"
          label={t("publishing.submit.label")}
          hint={t("publishing.submit.hint")}
          error={summaryError}
          describedBy={failure?.formError ? "submit-error" : null}
          defaultValue={failure?.values.changeSummary ?? ""}
          maxLength={changeSummaryMaxLength}
        />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("publishing.submit.pending") : t("publishing.submit.button")}
        </button>
      </Form>
    </section>
  );
}
