import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/** Whether the person gets the morning e-mail digest of their unread notifications. */
export function DailyDigestForm({ enabled, busy }: { enabled: boolean; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="digest-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="digest-heading" className="text-xl font-semibold">
        {t("notifications.digestTitle")}
      </h2>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="saveDigest" />
        <div className="flex items-start gap-2">
          {/* Keyed by the saved value: after saving, the box shows what the database now says. */}
          <input
            key={String(enabled)}
            id="dailyDigest"
            name="dailyDigest"
            type="checkbox"
            defaultChecked={enabled}
            aria-describedby="dailyDigest-hint"
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="dailyDigest">{t("notifications.digestLabel")}</label>
        </div>
        <p id="dailyDigest-hint" className="text-sm text-slate-700">
          {t("notifications.digestHint")}
        </p>
        <button type="submit" className={buttonClass("primary")} disabled={busy}>
          {t("notifications.digestSave")}
        </button>
      </Form>
    </section>
  );
}
