import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure } from "~/lib/publishing";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/** Publishes an approved submission: its frozen content becomes the next version. */
export function PublishForm(props: { submissionId: string; failure: PublishingFailure | null }) {
  const { t } = useTranslation();
  const { pending } = usePendingIntent("publish");
  return (
    <section aria-labelledby="publish-heading" className="space-y-3">
      <h4 id="publish-heading" className="text-lg font-semibold">
        {t("publishing.publish.heading")}
      </h4>
      <p>{t("publishing.publish.intro")}</p>
      <FailureSummary id="publish-error" failure={props.failure} />
      <Form method="post">
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="submissionId" value={props.submissionId} />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("publishing.publish.pending") : t("publishing.publish.button")}
        </button>
      </Form>
    </section>
  );
}

/** Takes a submission back; the document is a draft (or stays published) again. */
export function WithdrawForm(props: { submissionId: string; failure: PublishingFailure | null }) {
  const { t } = useTranslation();
  const { pending } = usePendingIntent("withdraw");
  return (
    <div className="space-y-2">
      <FailureSummary id="withdraw-error" failure={props.failure} />
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="submissionId" value={props.submissionId} />
        <button
          type="submit"
          className={buttonClass("secondary")}
          disabled={pending}
          aria-describedby="withdraw-hint"
        >
          {pending ? t("publishing.withdraw.pending") : t("publishing.withdraw.button")}
        </button>
        <p id="withdraw-hint" className="text-sm text-slate-700">
          {t("publishing.withdraw.hint")}
        </p>
      </Form>
    </div>
  );
}
