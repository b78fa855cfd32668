import { useTranslation } from "react-i18next";
import type { FeedbackStatus } from "~/lib/feedback-answer-form";
import { type BadgeTone, StatusBadge } from "./status-badge";

const toneOf: Record<FeedbackStatus, BadgeTone> = {
  new: "info",
  in_progress: "warning",
  accepted: "success",
  rejected: "neutral",
  done: "success",
};

/** A feedback's status in words. */
export function FeedbackStatusBadge(props: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={toneOf[props.status]}>
      {t(`editorial.feedbackStatus.${props.status}`)}
    </StatusBadge>
  );
}
