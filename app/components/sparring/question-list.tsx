import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLocale } from "~/lib/i18n";
import { sectionLabel } from "~/lib/legal-acts";
import type { ListedQuestion } from "~/lib/sparring.server";
import { OverdueBadge, QuestionStatus } from "./question-status";

/** A network's questions: title, state, cited sections, tags, who asked and when. */
export function QuestionList(props: { slug: string; questions: ListedQuestion[] }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "fi";
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {props.questions.map((question) => (
        <li key={question.id} className="space-y-2 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <QuestionStatus status={question.status} />
            {question.overdue ? <OverdueBadge /> : null}
          </div>
          <h3 className="text-lg font-semibold break-words">
            <Link
              to={`/networks/${props.slug}/sparring/${question.id}`}
              className="text-blue-800 underline-offset-2 hover:underline"
            >
              {question.title}
            </Link>
          </h3>
          {question.sections.length > 0 ? (
            <p className="text-sm">
              <span className="font-medium">{t("sparring.list.sections")}</span>{" "}
              {question.sections.map((section) => sectionLabel(section, locale)).join(", ")}
            </p>
          ) : null}
          {question.tags.length > 0 ? (
            <p className="text-sm">
              <span className="font-medium">{t("sparring.list.tags")}</span>{" "}
              {question.tags.join(", ")}
            </p>
          ) : null}
          <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
            <span>
              {question.organisation
                ? t("sparring.list.askedByIn", {
                    name: question.authorName ?? t("sparring.list.formerMember"),
                    organisation: question.organisation,
                  })
                : t("sparring.list.askedBy", {
                    name: question.authorName ?? t("sparring.list.formerMember"),
                  })}
            </span>
            <span>
              <time dateTime={question.asked.iso}>{question.asked.text}</time>
            </span>
            <span>{t("sparring.list.answers", { count: question.answerCount })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
