import { NavLink } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

const tabs: {
  path: string;
  label: ParseKeys;
  coordinatorsOnly?: boolean;
  boardsOnly?: boolean;
  sparringOnly?: boolean;
}[] = [
  { path: "", label: "networks.tabs.overview" },
  { path: "/discussions", label: "networks.tabs.discussions" },
  { path: "/sparring", label: "sparring.tab", sparringOnly: true },
  { path: "/documents", label: "documents.title" },
  { path: "/meetings", label: "networks.tabs.meetings" },
  { path: "/tasks", label: "networks.tabs.tasks" },
  { path: "/members", label: "networks.tabs.members" },
  { path: "/board", label: "editorial.board.tab", boardsOnly: true },
  { path: "/settings", label: "networks.tabs.settings", coordinatorsOnly: true },
];

/** The workspace's sections; NavLink marks the current one with aria-current="page". */
export function WorkspaceTabs(props: {
  slug: string;
  isCoordinator: boolean;
  /** An editorial board network, which has the board's settings tab. */
  isBoard?: boolean;
  /** A legal sparring network, which has the questions tab. */
  isSparring?: boolean;
}) {
  const { t } = useTranslation();
  const base = `/networks/${props.slug}`;
  return (
    <nav aria-label={t("networks.tabs.label")} className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs
          .filter((tab) => !tab.coordinatorsOnly || props.isCoordinator)
          .filter((tab) => !tab.boardsOnly || props.isBoard)
          .filter((tab) => !tab.sparringOnly || props.isSparring)
          .map((tab) => (
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
