import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface NotificationListItem {
  id: string;
  text: string;
  /** The start of the post it is about, when there is one. */
  excerpt: string | null;
  href: string;
  read: boolean;
  at: string;
  atIso: string;
}

/** Newest first; an unread one says so in words (and in weight and a dot, not colour alone). */
export function NotificationList({ items }: { items: NotificationListItem[] }) {
  const { t } = useTranslation();
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.id} className={`flex gap-3 p-4 ${item.read ? "" : "bg-blue-50"}`}>
          <span
            aria-hidden="true"
            className={`mt-2 h-2.5 w-2.5 shrink-0 rounded-full ${item.read ? "" : "bg-blue-800"}`}
          />
          <div className="space-y-1">
            <Link
              to={item.href}
              className={`text-blue-900 underline underline-offset-4 ${
                item.read ? "font-normal" : "font-semibold"
              }`}
            >
              {item.read ? null : (
                <span className="mr-2 inline-block rounded bg-blue-800 px-1.5 py-0.5 text-xs font-bold text-white uppercase">
                  {t("notifications.unreadTag")}
                </span>
              )}
              {item.text}
            </Link>
            {item.excerpt ? (
              <p className="line-clamp-2 text-sm text-slate-800">{item.excerpt}</p>
            ) : null}
            <p className="text-sm text-slate-700">
              <time dateTime={item.atIso}>{item.at}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
