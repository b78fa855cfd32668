import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FeedbackItem } from "~/lib/editorial.server";
import { excerpt } from "~/lib/feedback-answer-form";
import { FeedbackStatusBadge } from "./feedback-status";

/**
 * Feedback items: the link starts with the problem's first words, then the document and version,
 * the paragraph, the reader and when, and the status.
 */
export function FeedbackListItems(props: { items: FeedbackItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      {props.items.map((item) => (
        <li key={item.id} className="space-y-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <Link
              to={`/editorial/feedback/${item.id}`}
              className="font-semibold text-blue-800 underline underline-offset-4"
            >
              {excerpt(item.problem)}
            </Link>
            <FeedbackStatusBadge status={item.status} />
          </p>
          <p className="text-sm text-slate-800">
            {t("editorial.queue.document", { title: item.title, number: item.versionNumber })}
            {" · "}
            {item.paragraphIndex === null
              ? t("editorial.queue.wholeDocument")
              : item.paragraphText
                ? t("editorial.queue.paragraph", {
                    number: item.paragraphIndex + 1,
                    text: excerpt(item.paragraphText, 60),
                  })
                : t("editorial.queue.paragraphNumber", { number: item.paragraphIndex + 1 })}
          </p>
          <p className="text-sm text-slate-700">
            {item.readerName ?? t("editorial.queue.unknownReader")}
            {", "}
            <time dateTime={item.createdAt.iso}>{item.createdAt.text}</time>
          </p>
        </li>
      ))}
    </>
  );
}
