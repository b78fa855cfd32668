import { NavLink } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveUnreadCount } from "./use-live-unread-count";

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      className="h-6 w-6"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header's link to /notifications with the unread count, kept current live. The count is
 * in the link's name for screen readers, and a change is announced politely.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { t } = useTranslation();
  const unread = useLiveUnreadCount(initialUnread);
  const label =
    unread > 0 ? t("notifications.bell", { count: unread }) : t("notifications.bellNone");
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(unread);

  useEffect(() => {
    if (announced.current === unread) return;
    announced.current = unread;
    setAnnouncement(label);
  }, [unread, label]);

  return (
    <>
      <NavLink
        to="/notifications"
        end
        className={({ isActive }) =>
          `relative inline-flex items-center rounded-md p-2 text-slate-800 hover:bg-slate-100 ${
            isActive ? "bg-blue-50 text-blue-900 ring-2 ring-blue-800" : ""
          }`
        }
      >
        <BellIcon />
        <span className="sr-only">{label}</span>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-bold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </NavLink>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
