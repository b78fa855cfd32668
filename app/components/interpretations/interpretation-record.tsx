import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { SectionReferences } from "~/components/legal/section-references";
import type { PublishedInterpretation } from "~/lib/interpretations";

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/**
 * Shown at the top of a superseded interpretation, before its text, so nobody applies it without
 * seeing that a newer one replaces it.
 */
export function SupersededNotice(props: { interpretation: PublishedInterpretation }) {
  const { t } = useTranslation();
  const newer = props.interpretation.supersededBy;
  if (!newer) return null;
  return (
    <Notice tone="warning">
      <p className="font-semibold">{t("interpretations.record.superseded")}</p>
      <p>{t("interpretations.record.supersededText")}</p>
      <p>
        <Link to={`/library/${newer.slug}`} className={linkClass}>
          {t("interpretations.record.openNewer", { title: newer.title })}
        </Link>
      </p>
    </Notice>
  );
}

/**
 * The interpretation as this version published it: a non-binding recommendation, its legal basis,
 * who issued it, how long it holds, why, and what it replaces.
 */
export function InterpretationRecord(props: { interpretation: PublishedInterpretation }) {
  const { t } = useTranslation();
  const record = props.interpretation;
  const validity = record.validTo
    ? t("interpretations.record.validRange", {
        from: record.validFrom.text,
        to: record.validTo.text,
      })
    : t("interpretations.record.validOpen", { from: record.validFrom.text });
  return (
    <section
      aria-labelledby="interpretation-record-heading"
      className="max-w-3xl space-y-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-5 text-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="interpretation-record-heading" className="text-xl font-semibold">
          {t("interpretations.record.label")}
        </h2>
        <span className="rounded-full border border-amber-800 bg-white px-3 py-0.5 text-sm font-semibold text-amber-950">
          {t("interpretations.record.nature")}
        </span>
      </div>
      <p className="text-sm">{t("interpretations.record.natureText")}</p>
      <div className="space-y-1">
        <h3 className="font-semibold">{t("interpretations.record.legalBasis")}</h3>
        <SectionReferences
          sections={record.sections}
          label={t("interpretations.record.legalBasis")}
        />
      </div>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("interpretations.record.issuingBody")}</dt>
        <dd>{record.issuingBody}</dd>
        <dt className="font-medium">{t("interpretations.record.validity")}</dt>
        <dd>{validity}</dd>
        {record.supersedes ? (
          <>
            <dt className="font-medium">{t("interpretations.record.supersedes")}</dt>
            <dd>
              <Link to={`/library/${record.supersedes.slug}`} className={linkClass}>
                {record.supersedes.title}
              </Link>
            </dd>
          </>
        ) : null}
        {record.questionLink ? (
          <>
            <dt className="font-medium">{t("interpretations.record.question")}</dt>
            <dd>
              <Link to={record.questionLink} className={linkClass}>
                {t("interpretations.fields.openQuestion")}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {record.justification ? (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("interpretations.record.justification")}</h3>
          <p className="whitespace-pre-line">{record.justification}</p>
        </div>
      ) : null}
    </section>
  );
}
