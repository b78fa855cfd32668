/**
 * The editorial board's dashboard: what waits for the person's approval, what their boards have
 * in review, which published documents fall due for review, and the latest feedback. Someone in
 * no board sees what boards there are instead.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BoardList } from "~/components/editorial/board-list";
import { DashboardSection } from "~/components/editorial/dashboard-section";
import { FeedbackListItems } from "~/components/editorial/feedback-list";
import { ReviewsDueListItems } from "~/components/editorial/reviews-due-list";
import { SubmissionListItems } from "~/components/editorial/submission-list";
import { requireActiveUser } from "~/lib/access.server";
import { editorialDashboard } from "~/lib/editorial.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const dashboard = await editorialDashboard(client, user.id, locale);
  return data({ title: pageTitle(t("editorial.title")), ...dashboard }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const moreLinkClass = "font-medium text-blue-800 underline underline-offset-4";

export default function EditorialDashboard() {
  const { boards, myBoards, awaiting, inReview, reviewsDue, feedback } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const feedbackSection = (
    <DashboardSection
      id="feedback"
      title={t("editorial.dashboard.feedbackHeading")}
      empty={feedback.length === 0 ? t("editorial.dashboard.feedbackEmpty") : null}
      footer={
        <p>
          <Link to="/editorial/feedback" className={moreLinkClass}>
            {t("editorial.dashboard.allFeedback")}
          </Link>
        </p>
      }
    >
      <FeedbackListItems items={feedback} />
    </DashboardSection>
  );

  if (myBoards.length === 0) {
    return (
      <div className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{t("editorial.title")}</h1>
          <p className="max-w-3xl text-slate-800">{t("editorial.dashboard.intro")}</p>
        </header>
        <section
          aria-labelledby="not-member-heading"
          className="max-w-3xl space-y-2 rounded-lg border border-blue-700 bg-blue-50 p-4"
        >
          <h2 id="not-member-heading" className="text-xl font-semibold">
            {t("editorial.dashboard.notMemberHeading")}
          </h2>
          <p>{t("editorial.dashboard.notMemberText")}</p>
        </section>
        <section aria-labelledby="boards-heading" className="space-y-3">
          <h2 id="boards-heading" className="text-2xl font-semibold">
            {t("editorial.dashboard.boardsHeading")}
          </h2>
          {boards.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-400 p-4">
              {t("editorial.dashboard.boardsEmpty")}
            </p>
          ) : (
            <BoardList boards={boards} />
          )}
        </section>
        {/* Owners and editors handle their documents' feedback without being on a board. */}
        {feedback.length > 0 ? feedbackSection : null}
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("editorial.title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("editorial.dashboard.intro")}</p>
      </header>

      <DashboardSection
        id="awaiting"
        title={t("editorial.dashboard.awaitingHeading")}
        intro={t("editorial.dashboard.awaitingIntro")}
        empty={awaiting.length === 0 ? t("editorial.dashboard.awaitingEmpty") : null}
      >
        <SubmissionListItems submissions={awaiting} />
      </DashboardSection>

      <DashboardSection
        id="in-review"
        title={t("editorial.dashboard.inReviewHeading")}
        empty={inReview.length === 0 ? t("editorial.dashboard.inReviewEmpty") : null}
      >
        <SubmissionListItems submissions={inReview} />
      </DashboardSection>

      <DashboardSection
        id="reviews-due"
        title={t("editorial.dashboard.dueHeading")}
        intro={t("editorial.dashboard.dueIntro")}
        empty={reviewsDue.length === 0 ? t("editorial.dashboard.dueEmpty") : null}
      >
        <ReviewsDueListItems items={reviewsDue} />
      </DashboardSection>

      {feedbackSection}

      <section aria-labelledby="my-boards-heading" className="space-y-3">
        <h2 id="my-boards-heading" className="text-2xl font-semibold">
          {t("editorial.dashboard.myBoardsHeading")}
        </h2>
        <BoardList boards={myBoards} />
      </section>
    </div>
  );
}
