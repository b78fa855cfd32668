import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SubmissionItem } from "~/lib/editorial.server";
import { StatusBadge } from "./status-badge";

/** Submissions as the dashboard lists them: each links to its document's publishing tab. */
export function SubmissionListItems(props: { submissions: SubmissionItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {props.submissions.map((submission) => (
        <li key={submission.id} className="space-y-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link
              to={`/documents/${submission.documentId}/publishing`}
              className="font-semibold text-blue-800 underline underline-offset-4"
            >
              {submission.title ?? t("editorial.dashboard.hiddenDocument")}
            </Link>
            <StatusBadge tone={submission.status === "approved" ? "success" : "info"}>
              {t(`editorial.dashboard.status.${submission.status}`)}
            </StatusBadge>
            {submission.kind ? (
              <StatusBadge tone="neutral">{t(`documents.kinds.${submission.kind}`)}</StatusBadge>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            {submission.submitterName
              ? t("editorial.dashboard.submittedBy", {
                  name: submission.submitterName,
                  date: submission.submittedAt.text,
                })
              : t("editorial.dashboard.submitted", { date: submission.submittedAt.text })}
            {" · "}
            {t("editorial.dashboard.board", { name: submission.boardName })}
          </p>
          <p className="text-sm">
            {t("editorial.dashboard.approvals", {
              approvals: submission.approvals,
              approvalsRequired: submission.approvalsRequired,
              organisations: submission.organisations,
              organisationsRequired: submission.organisationsRequired,
            })}
          </p>
          {submission.changeSummary ? (
            <p className="max-w-3xl text-sm whitespace-pre-line text-slate-800">
              <span className="font-medium">{t("editorial.dashboard.changeSummary")}</span>{" "}
              {submission.changeSummary}
            </p>
          ) : null}
        </li>
      ))}
    </>
  );
}
