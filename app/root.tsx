import {
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
} from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { AppShell } from "~/components/layout/app-shell";
import { ErrorPage, errorStatus } from "~/components/layout/error-page";
import { navigationAccess } from "~/lib/access";
import { getAccess } from "~/lib/access.server";
import { resolveLocale } from "~/lib/i18n";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { unreadNotificationCount } from "~/lib/notifications.server";
import { pageTitle } from "~/lib/page-title";
import { displayName, getSupabase } from "~/lib/supabase.server";
import styles from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const supabase = getSupabase(request, context);
  const accessOfCaller = getAccess(request, context);
  const [locale, user, access, unreadNotifications] = await Promise.all([
    getLocale(request),
    supabase.getUser(),
    accessOfCaller,
    accessOfCaller.then((access) =>
      access?.status === "active" ? unreadNotificationCount(supabase) : null,
    ),
  ]);
  const t = await i18nServer.getFixedT(locale);
  return data(
    {
      locale,
      user: user ? { name: displayName(user), email: user.email ?? "" } : null,
      // Which links the navigation shows, as the database's my_access() answered.
      navigation: navigationAccess(access),
      // The header's bell, for active members; it keeps itself current after this.
      unreadNotifications,
      // Titles for the error boundary, whose meta cannot translate on its own.
      errorTitles: { notFound: t("errors.notFoundTitle"), error: t("errors.errorTitle") },
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error || !data) return [{ title: "Verkko" }];
  const title = errorStatus(error) === 404 ? data.errorTitles.notFound : data.errorTitles.error;
  return [{ title: pageTitle(title) }];
};

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  // Without root data (its loader failed) keep the language the page was rendered in.
  const locale = rootData?.locale ?? resolveLocale(i18n.language);
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppShell
          locale={locale}
          user={rootData?.user ?? null}
          navigation={rootData?.navigation ?? navigationAccess(null)}
          unreadNotifications={rootData?.unreadNotifications ?? null}
        >
          {children}
        </AppShell>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/** Marks the page interactive, for tests that must not click before React has hydrated. */
function useMarkHydrated() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
}

export default function App() {
  useMarkHydrated();
  return <Outlet />;
}

export function ErrorBoundary() {
  useMarkHydrated();
  return <ErrorPage error={useRouteError()} />;
}
