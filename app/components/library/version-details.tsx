import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type PublishedVersion, type VersionListEntry, versionPath } from "~/lib/library";

/** Who approved the version and when, as captured when it was published. */
export function ApprovalList(props: { version: PublishedVersion }) {
  const { t } = useTranslation();
  const { approvals } = props.version;
  return (
    <section aria-labelledby="approvals-heading" className="space-y-2">
      <h2 id="approvals-heading" className="text-xl font-semibold">
        {t("library.document.approvals")}
      </h2>
      {approvals.length === 0 ? (
        <p className="text-slate-700">{t("library.document.noApprovals")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {approvals.map((approval) => (
            <li key={`${approval.name}-${approval.decided.iso}`}>
              {approval.organisation
                ? t("library.document.approval", {
                    name: approval.name,
                    organisation: approval.organisation,
                  })
                : approval.name}{" "}
              <span className="text-sm text-slate-700">
                ({t("library.document.approvedAt", { date: approval.decided.text })})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every published version, newest first, each at its permanent address. */
export function VersionList(props: {
  slug: string;
  versions: VersionListEntry[];
  current: number;
  latest: number;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="versions-heading" className="space-y-2">
      <h2 id="versions-heading" className="text-xl font-semibold">
        {t("library.document.versions")}
      </h2>
      <ol className="space-y-2">
        {props.versions.map((entry) => (
          <li key={entry.number} className="space-y-0.5">
            {entry.number === props.current ? (
              <span aria-current="page" className="font-semibold">
                {t("library.document.versionEntry", {
                  number: entry.number,
                  date: entry.published.text,
                })}{" "}
                ({t("library.document.viewing")})
              </span>
            ) : (
              <Link
                to={versionPath(props.slug, entry.number)}
                className="text-blue-800 underline underline-offset-2"
              >
                {t("library.document.versionEntry", {
                  number: entry.number,
                  date: entry.published.text,
                })}
              </Link>
            )}
            {entry.number === props.latest && entry.number !== props.current ? (
              <span className="text-sm text-slate-700"> ({t("library.document.current")})</span>
            ) : null}
            {entry.changeSummary ? (
              <p className="text-sm text-slate-700 whitespace-pre-wrap">{entry.changeSummary}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
