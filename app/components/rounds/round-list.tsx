import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RoundListItem } from "~/lib/comment-rounds.server";

/** Rounds as a list: title, document, deadline, whether the person still has to respond. */
export function RoundList(props: {
  rounds: RoundListItem[];
  empty: string;
  showAwaiting: boolean;
}) {
  const { t } = useTranslation();
  if (props.rounds.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6">{props.empty}</p>;
  }
  return (
    <ul className="space-y-3">
      {props.rounds.map((round) => (
        <li key={round.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-lg font-semibold">
            <Link to={`/rounds/${round.id}`} className="text-blue-800 underline underline-offset-2">
              {round.title}
            </Link>
          </p>
          {round.documentTitle ? (
            <p className="text-slate-800">
              {t("rounds.list.document", { title: round.documentTitle })}
            </p>
          ) : null}
          <p className="text-sm text-slate-800">
            <time dateTime={round.deadline.iso}>
              {round.open
                ? t("rounds.page.closes", { when: round.deadline.text })
                : t("rounds.page.closed", { when: round.deadline.text })}
            </time>
            {" · "}
            {t("rounds.list.responses", { count: round.responses, invited: round.invitees })}
          </p>
          {props.showAwaiting && round.open && round.awaitingMyResponse > 0 ? (
            <p className="font-medium text-amber-900">{t("rounds.list.awaiting")}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
