import { useTranslation } from "react-i18next";
import type { QuestionStatus as Status } from "~/lib/sparring-question-form";

const badgeClass =
  "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold";

const tones: Record<Status, string> = {
  open: "border-blue-700 bg-blue-50 text-blue-900",
  answered: "border-violet-700 bg-violet-50 text-violet-900",
  resolved: "border-green-700 bg-green-50 text-green-900",
};

/** "Avoin", "Vastattu" or "Ratkaistu", in words (never colour alone). */
export function QuestionStatus(props: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} ${tones[props.status]}`}>
      {t(`sparring.status.${props.status}`)}
    </span>
  );
}

/** The first answer is later than the network's response target. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} border-red-700 bg-red-50 text-red-900`}>
      <span aria-hidden="true">!</span>
      {t("sparring.overdue")}
    </span>
  );
}
