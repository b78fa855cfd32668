import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import type { PublishingFailure, PublishingView, Submission } from "~/lib/publishing";
import { ReviewForm } from "./review-form";
import { PublishForm, WithdrawForm } from "./submission-actions";

function failureOf(failure: PublishingFailure | null, intent: PublishingFailure["intent"]) {
  return failure?.intent === intent ? failure : null;
}

function Progress(props: { submission: Submission }) {
  const { t } = useTranslation();
  const { submission } = props;
  const approvals = Math.max(0, submission.approvalsRequired - submission.approvals);
  const organisations = Math.max(0, submission.organisationsRequired - submission.organisations);
  return (
    <p>
      {t("publishing.submission.progress", {
        approvals: submission.approvals,
        approvalsRequired: submission.approvalsRequired,
        organisations: submission.organisations,
        organisationsRequired: submission.organisationsRequired,
      })}{" "}
      {approvals === 0 && organisations === 0
        ? t("publishing.submission.quorumMet")
        : t("publishing.submission.remaining", { approvals, organisations })}
    </p>
  );
}

/**
 * The submission under way (or sent back): what was submitted, by whom, each review, how far it
 * is from the quorum, and the actions the database's answers say the caller could take.
 */
export function SubmissionPanel(props: {
  view: PublishingView;
  submission: Submission;
  failure: PublishingFailure | null;
}) {
  const { t } = useTranslation();
  const { view, submission, failure } = props;
  const mine = submission.submittedBy === view.userId;
  const isMember = view.board?.isMember === true;
  const inReview = submission.status === "in_review";
  const underWay = inReview || submission.status === "approved";
  const myReview = submission.reviews.find((review) => review.reviewerId === view.userId);
  const unknown = t("publishing.submission.unknownPerson");
  return (
    <section
      aria-labelledby="submission-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="submission-heading" className="text-xl font-semibold">
        {t("publishing.submission.heading")}
      </h3>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("publishing.submission.status")}</dt>
        <dd>{t(`publishing.submission.statuses.${submission.status}`)}</dd>
        <dt className="font-medium">{t("publishing.submission.submittedBy")}</dt>
        <dd>{submission.submitterName ?? unknown}</dd>
        <dt className="font-medium">{t("publishing.submission.submittedAt")}</dt>
        <dd>
          <time dateTime={submission.submittedAt.iso}>{submission.submittedAt.text}</time>
        </dd>
        <dt className="font-medium">{t("publishing.submission.changeSummary")}</dt>
        <dd className="whitespace-pre-line break-words">
          {submission.changeSummary || t("publishing.submission.noSummary")}
        </dd>
      </dl>
      {underWay ? <Progress submission={submission} /> : null}
      {submission.status === "changes_requested" ? (
        <Notice tone="warning">{t("publishing.submission.changesRequestedHelp")}</Notice>
      ) : null}
      <p>
        <Link
          to={`/documents/${view.documentId}/history/compare?from=${submission.versionId}&to=current`}
          className="text-blue-800 underline underline-offset-4"
        >
          {t("publishing.submission.compare")}
        </Link>
      </p>

      <section aria-labelledby="reviews-heading" className="space-y-2">
        <h4 id="reviews-heading" className="text-lg font-semibold">
          {t("publishing.submission.reviewsHeading")}
        </h4>
        {submission.reviews.length === 0 ? (
          <p>{t("publishing.submission.noReviews")}</p>
        ) : (
          <ul className="space-y-2">
            {submission.reviews.map((review) => (
              <li key={review.reviewerId} className="rounded-md border border-slate-200 p-3">
                <p>
                  <span className="font-medium">{review.reviewerName ?? unknown}</span>
                  {review.organisationName ? ` (${review.organisationName})` : null}
                  {" – "}
                  <span className="font-medium">
                    {t(`publishing.submission.decisions.${review.decision}`)}
                  </span>
                  {", "}
                  <time dateTime={review.decidedAt.iso}>{review.decidedAt.text}</time>
                </p>
                {review.comment ? (
                  <p className="mt-1 whitespace-pre-line break-words">{review.comment}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {inReview && isMember && mine ? (
        <Notice tone="info">{t("publishing.review.ownSubmission")}</Notice>
      ) : null}
      {inReview && isMember && !mine ? (
        <>
          {myReview ? (
            <p>
              {t("publishing.review.yourDecision", {
                decision: t(`publishing.submission.decisions.${myReview.decision}`),
              })}
            </p>
          ) : null}
          <ReviewForm
            key={myReview ? `${myReview.decision}-${myReview.decidedAt.iso}` : "new"}
            submissionId={submission.id}
            failure={failureOf(failure, "review")}
          />
        </>
      ) : null}
      {submission.status === "approved" && (mine || view.access === "edit" || isMember) ? (
        <PublishForm submissionId={submission.id} failure={failureOf(failure, "publish")} />
      ) : null}
      {underWay && (mine || view.access === "edit") ? (
        <WithdrawForm submissionId={submission.id} failure={failureOf(failure, "withdraw")} />
      ) : null}
    </section>
  );
}
