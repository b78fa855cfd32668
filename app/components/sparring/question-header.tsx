import { useTranslation } from "react-i18next";
import { SectionReferences } from "~/components/legal/section-references";
import { paragraphsOf } from "~/lib/paragraphs";
import type { QuestionView } from "~/lib/sparring-question.server";
import { OverdueBadge, QuestionStatus } from "./question-status";

/**
 * The question itself: its title, status, who asked and when, the response target, the text as
 * paragraphs (plain text, as it was asked), the sections it cites and its topics.
 */
export function QuestionHeader(props: { question: QuestionView }) {
  const { t } = useTranslation();
  const { question } = props;
  const asker = question.authorName ?? t("sparringQuestion.details.formerMember");
  return (
    <header className="space-y-4">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold break-words">{question.title}</h2>
        <p className="flex flex-wrap items-center gap-2">
          <span className="sr-only">{t("sparringQuestion.status.label")}: </span>
          <QuestionStatus status={question.status} />
          {question.overdue ? <OverdueBadge /> : null}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-700">{t("sparringQuestion.details.asked")}</dt>
        <dd>{question.organisation ? `${asker}, ${question.organisation}` : asker}</dd>
        <dt className="font-medium text-slate-700">{t("sparringQuestion.details.askedAt")}</dt>
        <dd>
          <time dateTime={question.created.iso}>{question.created.text}</time>
        </dd>
        {question.status === "open" ? (
          <>
            <dt className="font-medium text-slate-700">{t("sparringQuestion.details.due")}</dt>
            <dd>
              <time dateTime={question.due.iso}>{question.due.text}</time>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="space-y-3 break-words">
        {paragraphsOf(question.body).map((paragraph) => (
          <p key={paragraph.index} className="whitespace-pre-line">
            {paragraph.text}
          </p>
        ))}
      </div>
      <div className="space-y-1">
        <h3 className="text-base font-semibold">{t("sparringQuestion.details.sections")}</h3>
        {question.sections.length > 0 ? (
          <SectionReferences
            sections={question.sections}
            label={t("sparringQuestion.details.sections")}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("sparringQuestion.details.noSections")}</p>
        )}
      </div>
      {question.tags.length > 0 ? (
        <div className="space-y-1">
          <h3 className="text-base font-semibold">{t("sparringQuestion.details.tags")}</h3>
          <ul aria-label={t("sparringQuestion.details.tags")} className="flex flex-wrap gap-2">
            {question.tags.map((tag) => (
              <li
                key={tag}
                className="rounded-full bg-slate-100 px-2 py-0.5 text-sm text-slate-800"
              >
                {tag}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </header>
  );
}
