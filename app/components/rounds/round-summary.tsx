import { useTranslation } from "react-i18next";
import type { RoundDetail, RoundItem } from "~/lib/comment-rounds.server";
import { HandlingForm } from "./handling-form";

function Item(props: { item: RoundItem; number: number; runs: boolean; error: string | null }) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <li className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <p className="text-sm font-medium text-slate-700">
        {t("rounds.summary.commentBy", {
          number: props.number,
          party: item.partyName ?? t("rounds.page.unknownParty"),
        })}
      </p>
      <p className="whitespace-pre-line">{item.comment}</p>
      {props.runs ? (
        <HandlingForm item={item} error={props.error} number={props.number} />
      ) : (
        <p className="text-sm">
          <span className="font-medium">{t("rounds.summary.handlingShown")}: </span>
          {t(`rounds.handlings.${item.handling}`)}
          {item.handlingNote ? ` – ${item.handlingNote}` : null}
        </p>
      )}
    </li>
  );
}

/**
 * Every invited party with whether it responded, then every comment grouped by paragraph (general
 * comments first) with what was done about it; the round's organisers record that here.
 */
export function RoundSummary(props: {
  round: RoundDetail;
  handleError: { itemId: string; message: string } | null;
}) {
  const { t } = useTranslation();
  const { round } = props;
  const responded = round.invitees.filter((invitee) => invitee.response).length;
  const groups = new Map<number | null, RoundItem[]>();
  for (const item of round.items) {
    const group = groups.get(item.paragraphIndex) ?? [];
    group.push(item);
    groups.set(item.paragraphIndex, group);
  }
  const order = [...groups.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
  const numberOf = new Map(round.items.map((item, index) => [item.id, index + 1]));
  return (
    <section aria-labelledby="summary-heading" className="space-y-6">
      <h2 id="summary-heading" className="text-2xl font-semibold">
        {t("rounds.summary.heading")}
      </h2>
      <section aria-labelledby="parties-heading" className="space-y-3">
        <h3 id="parties-heading" className="text-xl font-semibold">
          {t("rounds.summary.parties", { responded, invited: round.invitees.length })}
        </h3>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                {t("rounds.summary.party")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("rounds.summary.responseColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {round.invitees.map((invitee) => (
              <tr key={invitee.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  {invitee.name ?? t("rounds.page.unknownParty")}{" "}
                  <span className="text-sm text-slate-700">
                    ({t(`rounds.kinds.${invitee.kind}`)})
                  </span>
                </td>
                <td className="py-2 pr-4">
                  {invitee.response ? (
                    <>
                      {t("rounds.summary.responded")}{" "}
                      <time dateTime={invitee.response.submittedAt.iso}>
                        {invitee.response.submittedAt.text}
                      </time>
                      {invitee.response.responderName
                        ? ` (${invitee.response.responderName})`
                        : null}
                    </>
                  ) : (
                    t("rounds.summary.notResponded")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="comments-heading" className="space-y-4">
        <h3 id="comments-heading" className="text-xl font-semibold">
          {t("rounds.summary.comments")}
        </h3>
        {round.items.length === 0 ? <p>{t("rounds.summary.noComments")}</p> : null}
        {order.map((paragraphIndex) => {
          const items = groups.get(paragraphIndex) ?? [];
          const headingId = `comments-${paragraphIndex ?? "general"}`;
          const quoted = items[0]?.paragraphText;
          return (
            <section key={headingId} aria-labelledby={headingId} className="space-y-2">
              <h4 id={headingId} className="text-lg font-semibold">
                {paragraphIndex === null
                  ? t("rounds.summary.generalComments")
                  : t("rounds.summary.paragraph", { number: paragraphIndex + 1 })}
              </h4>
              {paragraphIndex !== null && quoted ? (
                <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">
                  {quoted}
                </blockquote>
              ) : null}
              <ul className="space-y-3">
                {items.map((item) => (
                  <Item
                    key={item.id}
                    item={item}
                    number={numberOf.get(item.id) ?? 0}
                    runs={round.runs}
                    error={props.handleError?.itemId === item.id ? props.handleError.message : null}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </section>
    </section>
  );
}
