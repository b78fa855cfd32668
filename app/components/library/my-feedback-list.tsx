import { useTranslation } from "react-i18next";
import type { MyFeedback } from "~/lib/library";
import { paragraphExcerpt } from "~/lib/paragraphs";

const statusClass: Record<MyFeedback["status"], string> = {
  new: "border-blue-700 bg-blue-50 text-blue-950",
  in_progress: "border-violet-700 bg-violet-50 text-violet-950",
  accepted: "border-green-700 bg-green-50 text-green-950",
  rejected: "border-slate-600 bg-slate-100 text-slate-900",
  done: "border-green-800 bg-green-100 text-green-950",
};

/** The reader's feedback, each with what it was about, where it stands and the reply. */
export function MyFeedbackList(props: { items: MyFeedback[] }) {
  const { t } = useTranslation();
  return (
    <ol className="space-y-4">
      {props.items.map((item) => (
        <li key={item.id}>
          <article
            aria-labelledby={`feedback-${item.id}`}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id={`feedback-${item.id}`} className="text-lg font-semibold">
                {t("library.myFeedback.item", { date: item.created.text })}
              </h2>
              <p>
                <span className="sr-only">{t("library.myFeedback.status")}: </span>
                <span
                  className={`inline-flex rounded-full border px-2 py-0.5 text-sm font-semibold ${statusClass[item.status]}`}
                >
                  {t(`library.feedbackStatuses.${item.status}`)}
                </span>
              </p>
            </div>
            <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">{t("library.myFeedback.version")}</dt>
              <dd>{item.versionNumber}</dd>
              <dt className="font-medium">{t("library.myFeedback.paragraph")}</dt>
              <dd>
                {item.paragraphIndex === null
                  ? t("library.myFeedback.wholeDocument")
                  : `${t("library.myFeedback.paragraphNumber", {
                      number: item.paragraphIndex + 1,
                    })}${item.paragraphText ? `: ${paragraphExcerpt(item.paragraphText, 160)}` : ""}`}
              </dd>
              <dt className="font-medium">{t("library.myFeedback.problem")}</dt>
              <dd className="whitespace-pre-wrap break-words">{item.problem}</dd>
              {item.suggestion ? (
                <>
                  <dt className="font-medium">{t("library.myFeedback.suggestion")}</dt>
                  <dd className="whitespace-pre-wrap break-words">{item.suggestion}</dd>
                </>
              ) : null}
            </dl>
            {item.reply ? (
              <div className="space-y-1 rounded-md border-l-4 border-blue-700 bg-blue-50 p-3">
                <h3 className="font-semibold">{t("library.myFeedback.reply")}</h3>
                <p className="whitespace-pre-wrap break-words">{item.reply.text}</p>
                {item.reply.at ? (
                  <p className="text-sm text-slate-800">
                    {item.reply.byName
                      ? t("library.myFeedback.replyBy", {
                          name: item.reply.byName,
                          date: item.reply.at.text,
                        })
                      : t("library.myFeedback.replyAt", { date: item.reply.at.text })}
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="text-slate-700">{t("library.myFeedback.noReply")}</p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
