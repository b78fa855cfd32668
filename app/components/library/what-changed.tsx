import { useTranslation } from "react-i18next";
import { TextDiffView } from "~/components/history/text-diff-view";
import type { PublishedVersion } from "~/lib/library";
import type { TextDiff } from "~/lib/text-diff";

/** The publisher's summary, then a readable diff against the version before (none for the first). */
export function WhatChanged(props: {
  version: PublishedVersion;
  changes: { previousNumber: number; diff: TextDiff } | null;
}) {
  const { t } = useTranslation();
  const { version, changes } = props;
  return (
    <section aria-labelledby="what-changed-heading" className="space-y-4">
      <h2 id="what-changed-heading" className="text-2xl font-semibold">
        {t("library.changes.heading")}
      </h2>
      <div className="space-y-1">
        <h3 className="text-lg font-semibold">{t("library.document.changeSummary")}</h3>
        {version.changeSummary ? (
          <p className="whitespace-pre-wrap break-words">{version.changeSummary}</p>
        ) : (
          <p className="text-slate-700">{t("library.document.noChangeSummary")}</p>
        )}
      </div>
      {changes ? (
        <>
          <p>
            {t("library.changes.against", {
              number: version.number,
              previous: changes.previousNumber,
            })}
          </p>
          <TextDiffView diff={changes.diff} nested />
        </>
      ) : (
        <p className="text-slate-700">{t("library.changes.first")}</p>
      )}
    </section>
  );
}
