import { useTranslation } from "react-i18next";
import type { ConnectionProblem, ConnectionStatus } from "./collab-connection.client";

const dotClass: Record<ConnectionStatus, string> = {
  connecting: "bg-slate-500",
  saving: "bg-amber-600",
  saved: "bg-green-700",
  live: "bg-green-700",
  offline: "bg-red-700",
};

/**
 * Whether what the person typed is safe: saved, on its way, or kept on this device while there
 * is no connection. Announced politely; the dot is decoration, the words carry the meaning.
 */
export function ConnectionStatusLine(props: {
  status: ConnectionStatus;
  problem: ConnectionProblem;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const text =
    props.status === "offline"
      ? props.canEdit
        ? t("editor.status.offlineEditor")
        : t("editor.status.offlineReader")
      : t(`editor.status.${props.status}`);
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-center gap-2 text-sm text-slate-800"
    >
      <span
        aria-hidden="true"
        className={`inline-block h-2.5 w-2.5 rounded-full ${dotClass[props.status]}`}
      />
      <span data-connection-status={props.status}>{text}</span>
      {props.problem ? (
        <span className="font-medium text-red-800">{t(`editor.problems.${props.problem}`)}</span>
      ) : null}
    </div>
  );
}
