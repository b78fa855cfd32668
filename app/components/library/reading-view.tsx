import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { documentProseClass } from "~/components/editor/document-editor-theme";
import { CitableAddress } from "~/components/interpretations/citable-address";
import {
  InterpretationRecord,
  SupersededNotice,
} from "~/components/interpretations/interpretation-record";
import { VersionLegalReferences } from "~/components/interpretations/version-legal-references";
import type { VersionLegalDetails } from "~/lib/interpretations";
import type {
  LibraryDocument,
  ParagraphOption,
  PublishedVersion,
  VersionListEntry,
} from "~/lib/library";
import { versionPath } from "~/lib/library";
import type { TextDiff } from "~/lib/text-diff";
import { DocumentHeader } from "./document-header";
import { type FeedbackFailure, FeedbackForm } from "./feedback-form";
import { ApprovalList, VersionList } from "./version-details";
import { WhatChanged } from "./what-changed";

export interface ReadingViewProps {
  document: LibraryDocument;
  version: PublishedVersion;
  versions: VersionListEntry[];
  isLatest: boolean;
  changes: { previousNumber: number; diff: TextDiff } | null;
  paragraphs: ParagraphOption[];
  sentId: string | null;
  failure: FeedbackFailure | null;
  /** The citable address, legal references and interpretation record of this version. */
  legal?: VersionLegalDetails | null;
}

/** One published version: its header, the text, what changed, who approved it, and feedback. */
export function ReadingView(props: ReadingViewProps) {
  const { t } = useTranslation();
  const { document, version, legal } = props;
  const permanent = versionPath(document.slug, version.number);
  return (
    <article className="space-y-8">
      <DocumentHeader document={document} version={version} isLatest={props.isLatest} />
      {legal?.interpretation ? (
        <>
          <SupersededNotice interpretation={legal.interpretation} />
          <InterpretationRecord interpretation={legal.interpretation} />
        </>
      ) : null}
      <section aria-label={t("library.document.body")} lang={version.language}>
        <div
          className={`${documentProseClass} max-w-3xl rounded-lg border border-slate-200 bg-white p-6`}
          // Sanitised when stored and again in this response (sanitizeDocumentHtml).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server
          dangerouslySetInnerHTML={{ __html: version.html }}
        />
      </section>
      {legal?.interpretation ? null : <VersionLegalReferences sections={legal?.sections ?? []} />}
      {legal ? (
        <CitableAddress url={legal.citableUrl} />
      ) : (
        <p className="text-sm text-slate-800">
          {t("library.document.permanentAddress")}:{" "}
          <Link to={permanent} className="text-blue-800 underline underline-offset-2">
            {permanent}
          </Link>
        </p>
      )}
      {document.canHandle ? (
        <p>
          <Link to="/editorial/feedback" className="text-blue-800 underline underline-offset-2">
            {t("library.document.handleFeedback")}
          </Link>
        </p>
      ) : null}
      <WhatChanged version={version} changes={props.changes} />
      <ApprovalList version={version} />
      {/* With one version there is nothing to choose between. */}
      {props.versions.length > 1 ? (
        <VersionList
          slug={document.slug}
          versions={props.versions}
          current={version.number}
          latest={document.latestVersion}
        />
      ) : null}
      {/* The database refuses feedback on archived documents; the header says why. */}
      {document.archived ? null : (
        <FeedbackForm
          slug={document.slug}
          versionNumber={version.number}
          paragraphs={props.paragraphs}
          sentId={props.sentId}
          failure={props.failure}
        />
      )}
    </article>
  );
}
