import { useTranslation } from "react-i18next";
import type { ThreadKind } from "~/lib/discussion-form";

const badgeClass =
  "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold";

/** "Question" or "Discussion", in words (never colour alone). */
export function ThreadKindBadge(props: { kind: ThreadKind }) {
  const { t } = useTranslation();
  return (
    <span
      className={`${badgeClass} ${
        props.kind === "question"
          ? "border-violet-700 bg-violet-50 text-violet-900"
          : "border-slate-500 bg-slate-50 text-slate-800"
      }`}
    >
      {t(`discussions.kind.${props.kind}`)}
    </span>
  );
}

export function AnsweredBadge() {
  const { t } = useTranslation();
  return (
    <span className={`${badgeClass} border-green-700 bg-green-50 text-green-900`}>
      <span aria-hidden="true">✓</span>
      {t("discussions.answered")}
    </span>
  );
}
