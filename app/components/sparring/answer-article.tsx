import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionReferences } from "~/components/legal/section-references";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { buttonClass } from "~/components/ui/button";
import type { AnswerView } from "~/lib/sparring-question.server";
import { AcceptButton } from "./accept-button";
import { EndorseButton } from "./endorse-button";

/** Which controls to show on an answer; the database decides whether each is allowed. */
export interface AnswerControls {
  /** The reader is a lawyer of the network (sparring_question.is_lawyer). */
  isLawyer: boolean;
  /** The reader asked the question (sparring_question.is_author). */
  isAuthor: boolean;
  /** Where the promote form is. */
  promotePath: string;
}

/**
 * One answer: who wrote it (and whether they are a lawyer of the network), when, its text
 * (sanitised on the server in this request), what it cites, who endorsed it, and the actions the
 * reader may try.
 */
export function AnswerArticle(props: { answer: AnswerView; controls: AnswerControls }) {
  const { t } = useTranslation();
  const { answer, controls } = props;
  const name = answer.authorName ?? t("sparringQuestion.details.formerMember");
  const mayEndorse = controls.isLawyer && !answer.isMine;
  const mayAccept = controls.isAuthor && !answer.isAccepted;
  const mayPromote = controls.isLawyer && answer.isAccepted && !answer.promotedDocumentId;
  return (
    <article
      id={`answer-${answer.id}`}
      aria-label={t("sparringQuestion.answers.label", { name })}
      className={`scroll-mt-4 space-y-3 rounded-lg border bg-white p-4 ${
        answer.isAccepted ? "border-2 border-green-700" : "border-slate-200"
      }`}
    >
      {answer.isAccepted ? (
        <p className="inline-flex items-center gap-1 rounded-full bg-green-50 px-2 py-0.5 text-sm font-semibold text-green-900">
          <span aria-hidden="true">✓</span>
          {t("sparringQuestion.answers.accepted")}
        </p>
      ) : null}
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{name}</span>
        {answer.authorIsLawyer ? (
          <span className="rounded-full border border-indigo-700 px-2 text-xs font-semibold text-indigo-900">
            {t("sparringQuestion.answers.lawyer")}
          </span>
        ) : null}
        {answer.organisation ? <span>{answer.organisation}</span> : null}
        <span aria-hidden="true">·</span>
        <time dateTime={answer.created.iso}>{answer.created.text}</time>
      </p>
      <RichTextContent html={answer.bodyHtml} />

      {answer.sections.length > 0 ? (
        <div className="space-y-1">
          <p className="text-sm font-medium">{t("sparringQuestion.answers.sections")}</p>
          <SectionReferences
            sections={answer.sections}
            label={t("sparringQuestion.answers.sections")}
          />
        </div>
      ) : null}
      {answer.interpretations.length > 0 ? (
        <div className="space-y-1">
          <p className="text-sm font-medium">{t("sparringQuestion.answers.interpretations")}</p>
          <ul aria-label={t("sparringQuestion.answers.interpretations")} className="list-disc pl-5">
            {answer.interpretations.map((each) => (
              <li key={each.documentId}>
                <Link
                  to={`/library/${each.slug}/v/${each.version}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {t("sparringQuestion.answers.interpretationLink", {
                    title: each.title,
                    version: each.version,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {answer.endorsers.length > 0 ? (
        <p className="text-sm text-slate-800">
          {t("sparringQuestion.answers.endorsedBy", { names: answer.endorsers.join(", ") })}
        </p>
      ) : null}

      {mayEndorse || mayAccept || mayPromote || answer.promotedDocumentId ? (
        <div className="flex flex-wrap items-center gap-3">
          {mayEndorse ? (
            <EndorseButton answerId={answer.id} endorsed={answer.endorsedByMe} />
          ) : null}
          {mayAccept ? <AcceptButton answerId={answer.id} /> : null}
          {mayPromote ? (
            <Link to={controls.promotePath} className={buttonClass("primary")}>
              {t("sparringQuestion.answers.promote")}
            </Link>
          ) : null}
          {answer.promotedDocumentId ? (
            <Link
              to={`/documents/${answer.promotedDocumentId}`}
              className={buttonClass("secondary")}
            >
              {t("sparringQuestion.answers.openInterpretation")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
