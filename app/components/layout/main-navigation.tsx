import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

interface NavigationItem {
  to: string;
  label: ParseKeys;
  /** Match only this exact path (the home page would otherwise match everything). */
  end?: boolean;
}

/** Only pages that exist; each part of the product adds its link here when it ships. */
const navigationItems: NavigationItem[] = [{ to: "/", label: "navigation.home", end: true }];

export function MainNavigation() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("layout.mainNavigation")}>
      <ul className="flex flex-wrap gap-1">
        {navigationItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `block rounded-md px-3 py-2 font-medium ${
                  isActive
                    ? "bg-blue-50 text-blue-900 underline decoration-2 underline-offset-4"
                    : "text-slate-800 hover:bg-slate-100"
                }`
              }
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
