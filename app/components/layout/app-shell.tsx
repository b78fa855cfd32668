import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "~/components/notifications/notification-bell";
import type { NavigationAccess } from "~/lib/access";
import type { Locale } from "~/lib/i18n";
import { AccountMenu, type SignedInUser } from "./account-menu";
import { LanguageSwitch } from "./language-switch";
import { MainNavigation } from "./main-navigation";
import { mainContentId, SkipLink } from "./skip-link";

/** The frame of every page: skip link, header, main content, footer. */
export function AppShell(props: {
  locale: Locale;
  user: SignedInUser | null;
  navigation: NavigationAccess;
  /** Unread notifications of a signed-in active member; null hides the bell. */
  unreadNotifications: number | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="relative flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link to="/" className="rounded-md text-2xl font-bold tracking-tight text-blue-900">
            {t("app.name")}
          </Link>
          <MainNavigation access={props.navigation} />
          <div className="ml-auto flex flex-wrap items-center gap-4">
            <LanguageSwitch locale={props.locale} />
            {props.unreadNotifications !== null ? (
              <NotificationBell initialUnread={props.unreadNotifications} />
            ) : null}
            <AccountMenu user={props.user} />
          </div>
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {props.children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
          <p>{t("layout.footerText")}</p>
        </div>
      </footer>
    </div>
  );
}
