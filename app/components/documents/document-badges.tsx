import { useTranslation } from "react-i18next";
import type { DocumentAccess, DocumentKind, documentStatuses } from "~/lib/document";

type DocumentStatus = (typeof documentStatuses)[number];

const badgeClass =
  "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap";

/** The document's kind, status and (when known) the reader's access, in words. */
export function DocumentBadges(props: {
  kind: DocumentKind;
  status: DocumentStatus;
  access?: DocumentAccess | null;
}) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("documents.list.badgesLabel")}>
      <li className={`${badgeClass} border-slate-500 bg-slate-50 text-slate-800`}>
        {t(`documents.kinds.${props.kind}`)}
      </li>
      <li
        className={`${badgeClass} ${
          props.status === "published"
            ? "border-green-700 bg-green-50 text-green-900"
            : props.status === "archived"
              ? "border-amber-700 bg-amber-50 text-amber-950"
              : "border-blue-700 bg-blue-50 text-blue-950"
        }`}
      >
        {t(`documents.statuses.${props.status}`)}
      </li>
      {props.access ? (
        <li className={`${badgeClass} border-violet-700 bg-violet-50 text-violet-900`}>
          {t(`documents.access.${props.access}`)}
        </li>
      ) : null}
    </ul>
  );
}
