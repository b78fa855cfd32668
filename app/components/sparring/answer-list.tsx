import { useTranslation } from "react-i18next";
import type { AnswerView } from "~/lib/sparring-question.server";
import { AnswerArticle, type AnswerControls } from "./answer-article";

/** A question's answers in the order they were written, or a note that there are none yet. */
export function AnswerList(props: { answers: AnswerView[]; controls: AnswerControls }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="answers-heading" className="space-y-4">
      <h3 id="answers-heading" className="text-xl font-semibold">
        {t("sparringQuestion.answers.heading")}{" "}
        <span className="text-base font-normal text-slate-700">
          ({t("sparringQuestion.answers.count", { count: props.answers.length })})
        </span>
      </h3>
      {props.answers.length === 0 ? (
        <p className="text-slate-700">{t("sparringQuestion.answers.none")}</p>
      ) : (
        <ol className="space-y-4">
          {props.answers.map((answer) => (
            <li key={answer.id}>
              <AnswerArticle answer={answer} controls={props.controls} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
