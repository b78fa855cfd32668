import { useTranslation } from "react-i18next";
import type { Paragraph } from "~/lib/paragraphs";

/** The round's frozen text, paragraph by paragraph, numbered as the comments refer to them. */
export function FrozenText(props: { paragraphs: Paragraph[]; lang?: string }) {
  const { t } = useTranslation();
  if (props.paragraphs.length === 0) return <p>{t("rounds.page.emptyText")}</p>;
  return (
    <ol className="space-y-3" lang={props.lang}>
      {props.paragraphs.map((paragraph) => (
        <li key={paragraph.index} className="flex gap-3">
          <span className="min-w-8 font-medium text-slate-700" aria-hidden="true">
            {paragraph.index + 1}.
          </span>
          <p className="whitespace-pre-line">{paragraph.text}</p>
        </li>
      ))}
    </ol>
  );
}
