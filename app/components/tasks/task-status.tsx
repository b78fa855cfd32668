import { useTranslation } from "react-i18next";
import type { TaskStatus } from "~/lib/task-form";

const statusSymbols: Record<TaskStatus, string> = {
  not_started: "○",
  in_progress: "◐",
  done: "●",
};

/** The task's status in words, with a symbol beside it (never colour alone). */
export function TaskStatusLabel(props: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true">{statusSymbols[props.status]}</span>
      {t(`tasks.statuses.${props.status}`)}
    </span>
  );
}

/** "Myöhässä" with a warning sign: told by the word and the symbol, the colour only adds to it. */
export function OverdueMarker() {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-800 bg-red-50 px-1.5 py-0.5 text-sm font-semibold text-red-900">
      <span aria-hidden="true">⚠</span>
      {t("tasks.overdue")}
    </span>
  );
}
