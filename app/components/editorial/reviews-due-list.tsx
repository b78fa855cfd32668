import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReviewDueItem } from "~/lib/editorial.server";
import { StatusBadge } from "./status-badge";

/** Published documents whose review falls due; overdue ones first and marked in words. */
export function ReviewsDueListItems(props: { items: ReviewDueItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {props.items.map((item) => (
        <li
          key={item.documentId}
          className={`space-y-1 py-3 ${item.overdue ? "border-l-4 border-l-red-700 pl-3" : ""}`}
        >
          <p className="flex flex-wrap items-center gap-2">
            <Link
              to={item.slug ? `/library/${item.slug}` : `/documents/${item.documentId}/publishing`}
              className="font-semibold text-blue-800 underline underline-offset-4"
            >
              {item.title}
            </Link>
            <StatusBadge tone={item.overdue ? "danger" : "warning"}>
              {item.overdue ? t("editorial.dashboard.overdue") : t("editorial.dashboard.dueSoon")}
            </StatusBadge>
          </p>
          <p className="text-sm text-slate-700">
            <time dateTime={item.reviewDue.iso}>
              {t("editorial.dashboard.reviewDue", { date: item.reviewDue.text })}
            </time>
            {" · "}
            {t("editorial.dashboard.latestVersion", { number: item.latestVersion })}
            {" · "}
            {item.ownerName
              ? t("editorial.dashboard.owner", { name: item.ownerName })
              : t("editorial.dashboard.noOwner")}
          </p>
        </li>
      ))}
    </>
  );
}
