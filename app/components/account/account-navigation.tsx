import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { navLinkClass } from "~/components/ui/nav-link-class";

const items: { to: string; label: ParseKeys }[] = [
  { to: "/account", label: "account.navigation.profile" },
  { to: "/account/mfa", label: "account.navigation.mfa" },
  { to: "/account/recovery-codes", label: "account.navigation.recoveryCodes" },
  { to: "/account/password", label: "account.navigation.password" },
];

/** The account pages' own navigation, under the page heading. */
export function AccountNavigation() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("account.navigation.label")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end
              className={({ isActive }) => navLinkClass(isActive, "px-3 py-1.5")}
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
