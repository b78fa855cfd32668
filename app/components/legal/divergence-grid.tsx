import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { versionPath } from "~/lib/library";
import type { DivergenceColumn } from "~/lib/legal-divergence.server";

const badgeClass =
  "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap";

/**
 * What each organisation has published about one section, one column per organisation, so
 * differing local readings of the same section can be read side by side.
 */
export function DivergenceGrid(props: { columns: DivergenceColumn[] }) {
  const { t } = useTranslation();
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {props.columns.map((column) => {
        const headingId = `organisation-${column.organisationId ?? "none"}`;
        return (
          <li
            key={column.organisationId ?? "none"}
            className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
          >
            <h3 id={headingId} className="text-lg font-semibold">
              {column.organisationName ?? t("legal.divergence.noOrganisation")}
            </h3>
            <ul aria-labelledby={headingId} className="space-y-4">
              {column.entries.map((entry) => (
                <li key={entry.documentId} className="space-y-1 border-t border-slate-200 pt-3">
                  <p className="flex flex-wrap gap-2">
                    <span className={`${badgeClass} border-slate-500 bg-slate-50 text-slate-800`}>
                      {t(`documents.kinds.${entry.kind}`)}
                    </span>
                    {entry.supersededBySlug ? (
                      <span className={`${badgeClass} border-amber-700 bg-amber-50 text-amber-950`}>
                        {t("legal.divergence.superseded")}
                      </span>
                    ) : null}
                  </p>
                  <h4 className="font-semibold">
                    <Link
                      to={versionPath(entry.slug, entry.version)}
                      lang={entry.language}
                      className="text-blue-800 underline-offset-2 hover:underline"
                    >
                      {entry.title}
                    </Link>
                  </h4>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                    {entry.issuingBody ? (
                      <>
                        <dt className="font-medium">{t("legal.divergence.issuingBody")}</dt>
                        <dd>{entry.issuingBody}</dd>
                      </>
                    ) : null}
                    <dt className="font-medium">{t("legal.divergence.published")}</dt>
                    <dd>
                      <time dateTime={entry.published.iso}>{entry.published.text}</time>
                      {` (${t("legal.divergence.version", { number: entry.version })})`}
                    </dd>
                    {entry.validFrom || entry.validTo ? (
                      <>
                        <dt className="font-medium">{t("legal.divergence.validity")}</dt>
                        <dd>
                          {entry.validFrom ? (
                            <time dateTime={entry.validFrom.iso}>{entry.validFrom.text}</time>
                          ) : null}
                          {" – "}
                          {entry.validTo ? (
                            <time dateTime={entry.validTo.iso}>{entry.validTo.text}</time>
                          ) : (
                            t("legal.divergence.untilFurtherNotice")
                          )}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {entry.excerpt ? (
                    <p lang={entry.language} className="text-sm">
                      {entry.excerpt}
                    </p>
                  ) : null}
                  {entry.supersededBySlug ? (
                    <p className="text-sm">
                      <Link
                        to={`/library/${entry.supersededBySlug}`}
                        className="font-medium text-blue-800 underline underline-offset-2"
                      >
                        {t("legal.divergence.openNewer")}
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
