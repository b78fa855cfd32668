import { useTranslation } from "react-i18next";
import type { ParagraphDiff, TextDiff, WordPart } from "~/lib/text-diff";

/** Runs of unchanged paragraphs fold into one block; every other paragraph is its own block. */
type Block =
  | { id: string; kind: "unchanged"; texts: string[] }
  | { id: string; kind: "change"; paragraph: Exclude<ParagraphDiff, { kind: "unchanged" }> };

function blocksOf(paragraphs: ParagraphDiff[]): Block[] {
  const blocks: Block[] = [];
  paragraphs.forEach((paragraph, index) => {
    const last = blocks.at(-1);
    if (paragraph.kind === "unchanged") {
      if (last?.kind === "unchanged") last.texts.push(paragraph.text);
      else blocks.push({ id: `u${index}`, kind: "unchanged", texts: [paragraph.text] });
    } else {
      blocks.push({ id: `c${index}`, kind: "change", paragraph });
    }
  });
  return blocks;
}

// Changes are told apart by text (visually hidden labels), underline and strike-through, not by
// colour alone; screen readers rarely announce <ins> and <del> by themselves.
const insClass = "bg-green-100 text-green-950 underline decoration-2 underline-offset-2";
const delClass = "bg-red-100 text-red-950 line-through decoration-2";

function Inserted(props: { text: string }) {
  const { t } = useTranslation();
  return (
    <ins className={insClass}>
      <span className="sr-only">{t("history.diff.added")} </span>
      {props.text}
    </ins>
  );
}

function Deleted(props: { text: string }) {
  const { t } = useTranslation();
  return (
    <del className={delClass}>
      <span className="sr-only">{t("history.diff.removed")} </span>
      {props.text}
    </del>
  );
}

function Words(props: { parts: (WordPart & { id: string })[] }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {props.parts.map((part) =>
        part.kind === "added" ? (
          <Inserted key={part.id} text={part.text} />
        ) : part.kind === "removed" ? (
          <Deleted key={part.id} text={part.text} />
        ) : (
          <span key={part.id}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function ChangedParagraph(props: { paragraph: Exclude<ParagraphDiff, { kind: "unchanged" }> }) {
  const { t } = useTranslation();
  const { paragraph } = props;
  if (paragraph.kind === "changed") {
    return (
      <div className="rounded-md border-l-4 border-slate-600 bg-white p-3">
        <p className="text-sm font-semibold text-slate-800">{t("history.diff.changedParagraph")}</p>
        <Words parts={paragraph.parts.map((part, index) => ({ ...part, id: String(index) }))} />
      </div>
    );
  }
  const added = paragraph.kind === "added";
  const label = paragraph.moved
    ? t(added ? "history.diff.movedHere" : "history.diff.movedAway")
    : t(added ? "history.diff.addedParagraph" : "history.diff.removedParagraph");
  return (
    <div
      className={`rounded-md border-l-4 p-3 ${
        added ? "border-green-800 bg-green-50" : "border-red-800 bg-red-50"
      }`}
    >
      <p className="text-sm font-semibold text-slate-800">{label}</p>
      <p className="whitespace-pre-wrap break-words">
        {added ? <Inserted text={paragraph.text} /> : <Deleted text={paragraph.text} />}
      </p>
    </div>
  );
}

function UnchangedParagraphs(props: { texts: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <summary className="cursor-pointer text-slate-800">
        {t("history.diff.unchanged", { count: props.texts.length })} –{" "}
        <span className="text-blue-800 underline underline-offset-2">
          {t("history.diff.showUnchanged")}
        </span>
      </summary>
      <div className="mt-2 space-y-2 text-slate-800">
        {props.texts.map((text, index) => (
          // The same paragraph can occur twice in a run; its place is its identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <p key={index} className="whitespace-pre-wrap break-words">
            {text}
          </p>
        ))}
      </div>
    </details>
  );
}

/**
 * Summary counts, then the text paragraph by paragraph with the changes marked. `nested` puts it
 * inside another page's section: h3 headings, and no regions of its own to crowd the landmarks.
 */
export function TextDiffView(props: { diff: TextDiff; nested?: boolean }) {
  const { t } = useTranslation();
  const { diff } = props;
  const Heading = props.nested ? "h3" : "h2";
  const Section = props.nested ? "div" : "section";
  const { summary } = diff;
  return (
    <div className="space-y-6">
      <Section
        aria-labelledby={props.nested ? undefined : "diff-summary-heading"}
        className="space-y-2"
      >
        <Heading id="diff-summary-heading" className="text-xl font-semibold">
          {t("history.diff.summaryHeading")}
        </Heading>
        {diff.identical ? (
          <p data-testid="diff-summary">{t("history.diff.identical")}</p>
        ) : (
          <p data-testid="diff-summary" className="font-medium">
            {[
              t("history.diff.paragraphs", { count: summary.paragraphsChanged }),
              t("history.diff.wordsAdded", { count: summary.wordsAdded }),
              t("history.diff.wordsRemoved", { count: summary.wordsRemoved }),
            ].join(", ")}
          </p>
        )}
        <p className="text-sm text-slate-700">{t("history.diff.legend")}</p>
      </Section>
      <Section
        aria-labelledby={props.nested ? undefined : "diff-changes-heading"}
        className="space-y-3"
      >
        <Heading id="diff-changes-heading" className="text-xl font-semibold">
          {t("history.diff.changesHeading")}
        </Heading>
        {diff.paragraphs.length === 0 ? (
          <p className="text-slate-700">{t("history.diff.empty")}</p>
        ) : (
          blocksOf(diff.paragraphs).map((block) =>
            block.kind === "unchanged" ? (
              <UnchangedParagraphs key={block.id} texts={block.texts} />
            ) : (
              <ChangedParagraph key={block.id} paragraph={block.paragraph} />
            ),
          )
        )}
      </Section>
    </div>
  );
}
