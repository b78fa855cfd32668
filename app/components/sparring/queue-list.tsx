import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/editorial/status-badge";
import { SectionReferences } from "~/components/legal/section-references";
import type { QueueItem } from "~/lib/sparring-admin.server";

/** Unanswered questions, oldest first; overdue ones marked in words as well as colour. */
export function QueueList(props: { items: QueueItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-slate-200">
      {props.items.map((item) => (
        <li
          key={item.id}
          className={`space-y-2 py-3 ${item.overdue ? "border-l-4 border-l-red-700 pl-3" : ""}`}
        >
          <p className="flex flex-wrap items-center gap-2">
            <Link
              to={item.link}
              className="font-semibold break-words text-blue-800 underline underline-offset-4"
            >
              {item.title}
            </Link>
            {item.overdue ? (
              <StatusBadge tone="danger">{t("sparringAdmin.queue.overdue")}</StatusBadge>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            <time dateTime={item.asked.iso} title={item.asked.text}>
              {t("sparringAdmin.queue.asked", { count: item.daysWaiting })}
            </time>
            {" · "}
            <time dateTime={item.due.iso}>
              {t("sparringAdmin.queue.due", { date: item.due.text })}
            </time>
          </p>
          <p className="text-sm text-slate-700">
            {t("sparringAdmin.queue.network")}{" "}
            <Link
              to={`/networks/${item.network.slug}/sparring`}
              className="text-blue-800 underline underline-offset-2"
            >
              {item.network.name}
            </Link>
            {" · "}
            {t("sparringAdmin.queue.askedBy", {
              name: item.author ?? t("sparringAdmin.queue.unknownAsker"),
            })}
            {item.organisation ? `, ${item.organisation}` : null}
          </p>
          {item.sections.length > 0 ? (
            <SectionReferences
              sections={item.sections}
              label={t("sparringAdmin.queue.sectionsLabel", { title: item.title })}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
