import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CommentRoundItem } from "~/lib/publishing";

const linkClass = "font-medium text-blue-800 underline underline-offset-4";

/** The document's comment rounds, newest first, and the way to open a new one (editors). */
export function CommentRoundsPanel(props: {
  documentId: string;
  rounds: CommentRoundItem[];
  canOpen: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rounds-heading" className="space-y-3">
      <h3 id="rounds-heading" className="text-xl font-semibold">
        {t("publishing.rounds.heading")}
      </h3>
      {props.rounds.length === 0 ? (
        <p>{t("publishing.rounds.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {props.rounds.map((round) => (
            <li key={round.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link to={`/rounds/${round.id}`} className={linkClass}>
                {round.title}
              </Link>
              <p className="text-sm text-slate-800">
                {round.open ? t("publishing.rounds.isOpen") : t("publishing.rounds.isClosed")}
                {" · "}
                {t("publishing.rounds.deadline", { date: round.deadline.text })}
                {" · "}
                {t("publishing.rounds.responses", { count: round.responses })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.canOpen ? (
        <p>
          <Link to={`/documents/${props.documentId}/rounds/new`} className={linkClass}>
            {t("publishing.rounds.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
