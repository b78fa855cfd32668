import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BoardConfiguration } from "~/lib/editorial.server";

/** The board's quorum, review interval and scopes, as everyone who reads the network sees them. */
export function BoardSettingsSummary(props: { board: BoardConfiguration }) {
  const { t } = useTranslation();
  const { board } = props;
  return (
    <section
      aria-labelledby="board-current-heading"
      className="max-w-3xl space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h3 id="board-current-heading" className="text-xl font-semibold">
        {t("editorial.board.currentHeading")}
      </h3>
      <dl className="space-y-3">
        <div>
          <dt className="font-semibold">{t("editorial.board.quorum")}</dt>
          <dd>
            {t("editorial.board.quorumValue", {
              count: board.approvalsRequired,
              organisations: board.organisationsRequired,
            })}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("editorial.board.interval")}</dt>
          <dd>{t("editorial.board.intervalValue", { count: board.reviewIntervalDays })}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("editorial.board.kinds")}</dt>
          <dd>
            {board.documentKinds.length === 0 ? (
              t("editorial.board.noKinds")
            ) : (
              <ul className="list-disc pl-5">
                {board.documentKinds.map((kind) => (
                  <li key={kind}>{t(`documents.kinds.${kind}`)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("editorial.board.networks")}</dt>
          <dd>
            {board.networks.length === 0 ? (
              t("editorial.board.noNetworks")
            ) : (
              <ul className="list-disc pl-5">
                {board.networks.map((network) => (
                  <li key={network.id}>
                    {network.slug && network.name ? (
                      <Link
                        to={`/networks/${network.slug}`}
                        className="text-blue-800 underline underline-offset-4"
                      >
                        {network.name}
                      </Link>
                    ) : (
                      t("editorial.board.hiddenNetwork")
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
