import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

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
              className={({ isActive }) =>
                `block rounded-md px-3 py-1.5 font-medium ${
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
