import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublishedVersion } from "~/lib/publishing";

/** Every published version, newest first, each with its stable, citable address. */
export function PublishedVersions(props: { slug: string | null; versions: PublishedVersion[] }) {
  const { t } = useTranslation();
  const cell = "px-3 py-2 align-top";
  return (
    <section aria-labelledby="versions-heading" className="space-y-3">
      <h3 id="versions-heading" className="text-xl font-semibold">
        {t("publishing.versions.heading")}
      </h3>
      {props.versions.length === 0 ? (
        <p>{t("publishing.versions.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("publishing.versions.caption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-sm">
              <tr>
                <th scope="col" className={cell}>
                  {t("publishing.versions.number")}
                </th>
                <th scope="col" className={cell}>
                  {t("publishing.versions.date")}
                </th>
                <th scope="col" className={cell}>
                  {t("publishing.versions.summary")}
                </th>
                <th scope="col" className={cell}>
                  {t("publishing.versions.approvers")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {props.versions.map((version) => (
                <tr key={version.number}>
                  <th scope="row" className={`${cell} font-medium`}>
                    {props.slug ? (
                      <Link
                        to={`/library/${props.slug}/v/${version.number}`}
                        className="text-blue-800 underline underline-offset-4"
                      >
                        {t("publishing.versions.link", { number: version.number })}
                      </Link>
                    ) : (
                      t("publishing.versions.link", { number: version.number })
                    )}
                  </th>
                  <td className={cell}>
                    <time dateTime={version.publishedAt.iso}>{version.publishedAt.text}</time>
                  </td>
                  <td className={`${cell} whitespace-pre-line break-words`}>
                    {version.changeSummary || t("publishing.versions.noSummary")}
                  </td>
                  <td className={cell}>
                    {version.approvers.length === 0 ? (
                      t("publishing.versions.noApprovers")
                    ) : (
                      <ul>
                        {version.approvers.map((approver, index) => (
                          // Approvers are a frozen list; the same name may appear once per org.
                          // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list, never reordered
                          <li key={index}>
                            {approver.name}
                            {approver.organisation ? ` (${approver.organisation})` : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
