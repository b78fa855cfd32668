import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BoardSummary } from "~/lib/editorial.server";

/** Editorial boards with their quorum, the person's role, and a link to each board's page. */
export function BoardList(props: { boards: BoardSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-slate-200">
      {props.boards.map((board) => (
        <li key={board.id} className="space-y-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link
              to={`/networks/${board.slug}/board`}
              className="font-semibold text-blue-800 underline underline-offset-4"
            >
              {board.name}
            </Link>
            {board.role ? (
              <span className="text-sm text-slate-700">
                ({t(`editorial.dashboard.roles.${board.role}`)})
              </span>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            {t("editorial.dashboard.quorum", {
              count: board.approvalsRequired,
              organisations: board.organisationsRequired,
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
