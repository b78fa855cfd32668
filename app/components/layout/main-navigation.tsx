import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { navLinkClass } from "~/components/ui/nav-link-class";
import type { NavigationAccess } from "~/lib/access";

interface NavigationItem {
  to: string;
  label: ParseKeys;
  /** Match only this exact path (the home page would otherwise match everything). */
  end?: boolean;
  /** Shown only to people `my_access()` says can use the page (the page checks again). */
  visible?: (access: NavigationAccess) => boolean;
}

/** Only pages that exist; each part of the product adds its link here when it ships. */
const allItems: NavigationItem[] = [
  { to: "/", label: "navigation.home", end: true },
  { to: "/networks", label: "navigation.networks", visible: (access) => access.active },
  { to: "/documents", label: "documents.title", visible: (access) => access.active },
  { to: "/library", label: "library.title", visible: (access) => access.active },
  { to: "/editorial", label: "editorial.title", visible: (access) => access.active },
  { to: "/rounds", label: "rounds.title", visible: (access) => access.active },
  { to: "/sparring", label: "sparring.nav", visible: (access) => access.active },
  { to: "/legal", label: "legal.title", visible: (access) => access.active },
  { to: "/news", label: "news.title", visible: (access) => access.active },
  { to: "/trainings", label: "trainings.title", visible: (access) => access.active },
  { to: "/practices", label: "practices.title", visible: (access) => access.active },
  { to: "/changes", label: "changes.title", visible: (access) => access.active },
  { to: "/contact", label: "contact.title", visible: (access) => access.active },
  {
    to: "/admin/organisation",
    label: "navigation.organisationAdmin",
    visible: (access) => access.organisationAdmin,
  },
  {
    to: "/admin/platform",
    label: "navigation.platformAdmin",
    visible: (access) => access.platformAdmin,
  },
];

export function MainNavigation({ access }: { access: NavigationAccess }) {
  const { t } = useTranslation();
  const navigationItems = allItems.filter((item) => item.visible?.(access) ?? true);
  return (
    <nav aria-label={t("layout.mainNavigation")}>
      <ul className="flex flex-wrap gap-1">
        {navigationItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) => navLinkClass(isActive)}
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
