import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import type { PublishingView } from "~/lib/publishing";

const linkClass = "font-medium text-blue-800 underline underline-offset-4";

/**
 * Where the document stands: its status, the latest published version with the way to it in the
 * library, and what editing means right now (the readers keep the published version; the board
 * reviews what was frozen at submission).
 */
export function PublishingState(props: { view: PublishingView }) {
  const { t } = useTranslation();
  const { view } = props;
  const published = view.publishedVersion !== null;
  return (
    <section aria-labelledby="publishing-state-heading" className="space-y-3">
      <h3 id="publishing-state-heading" className="text-xl font-semibold">
        {t("publishing.state.heading")}
      </h3>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("publishing.state.status")}</dt>
        <dd>{t(`documents.statuses.${view.status}`)}</dd>
        {published ? (
          <>
            <dt className="font-medium">{t("publishing.state.publishedVersion")}</dt>
            <dd>{t("publishing.state.versionNumber", { number: view.publishedVersion })}</dd>
          </>
        ) : null}
        {view.publishedAt ? (
          <>
            <dt className="font-medium">{t("publishing.state.publishedAt")}</dt>
            <dd>
              <time dateTime={view.publishedAt.iso}>{view.publishedAt.text}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {!published ? <p>{t("publishing.state.notPublished")}</p> : null}
      {published && view.slug ? (
        <p>
          <Link to={`/library/${view.slug}`} className={linkClass}>
            {t("publishing.state.openInLibrary")}
          </Link>
        </p>
      ) : null}
      {view.status === "archived" ? (
        <Notice tone="warning">{t("publishing.state.archived")}</Notice>
      ) : published ? (
        <Notice tone="info">{t("publishing.state.editingAfterPublish")}</Notice>
      ) : null}
      {view.status === "in_review" || view.status === "approved" ? (
        <Notice tone="info">
          <p className="font-semibold">{t("publishing.state.frozenForReview")}</p>
          <p>{t("publishing.state.frozenForReviewMore")}</p>
        </Notice>
      ) : null}
    </section>
  );
}

/** The board responsible for the document and its quorum, or how to get one. */
export function ResponsibleBoardPanel(props: { view: PublishingView }) {
  const { t } = useTranslation();
  const { board } = props.view;
  return (
    <section aria-labelledby="publishing-board-heading" className="space-y-3">
      <h3 id="publishing-board-heading" className="text-xl font-semibold">
        {t("publishing.board.heading")}
      </h3>
      {board ? (
        <>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("publishing.board.responsible")}</dt>
            <dd>
              <Link to={`/networks/${board.slug}`} className={linkClass}>
                {board.name}
              </Link>
            </dd>
            <dt className="font-medium">{t("publishing.board.quorum")}</dt>
            <dd>
              {t("publishing.board.approvals", { count: board.approvalsRequired })}{" "}
              {t("publishing.board.organisations", { count: board.organisationsRequired })}
            </dd>
          </dl>
          {board.isMember ? <p>{t("publishing.board.member")}</p> : null}
        </>
      ) : (
        <Notice tone="warning">
          <p className="font-semibold">{t("publishing.board.none")}</p>
          <p>{t("publishing.board.noneHelp")}</p>
        </Notice>
      )}
    </section>
  );
}
