import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

const tabs: { path: string; label: ParseKeys }[] = [
  { path: "", label: "editor.tabs.document" },
  { path: "/history", label: "editor.tabs.history" },
  { path: "/publishing", label: "publishing.tab" },
  { path: "/legal", label: "interpretations.tab" },
  { path: "/sharing", label: "editor.tabs.sharing" },
];

/** The document's sections; NavLink marks the current one with aria-current="page". */
export function DocumentTabs(props: { documentId: string }) {
  const { t } = useTranslation();
  const base = `/documents/${props.documentId}`;
  return (
    <nav aria-label={t("editor.tabs.label")} className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.path}>
            <NavLink
              to={`${base}${tab.path}`}
              end={tab.path === ""}
              prefetch="intent"
              className={({ isActive }) =>
                `block border-b-4 px-3 py-2 font-medium ${
                  isActive
                    ? "border-blue-800 text-blue-900 underline decoration-2 underline-offset-4"
                    : "border-transparent text-slate-800 hover:border-slate-400 hover:bg-slate-100"
                }`
              }
            >
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
