import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import type { LibraryDocument, PublishedVersion } from "~/lib/library";
import { TranslationLinks } from "./translation-links";

function Fact(props: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-1">
      <dt className="font-medium">{props.term}:</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/**
 * What a reader needs before the text: what it is, which version, when it was published, who
 * owns it and when it is next reviewed, and whether it still holds (archived, outdated
 * translation, an earlier version).
 */
export function DocumentHeader(props: {
  document: LibraryDocument;
  version: PublishedVersion;
  isLatest: boolean;
}) {
  const { t } = useTranslation();
  const { document, version } = props;
  const owner = document.ownerName
    ? document.ownerOrganisation
      ? t("library.document.ownerWithOrganisation", {
          name: document.ownerName,
          organisation: document.ownerOrganisation,
        })
      : document.ownerName
    : (document.ownerOrganisation ?? t("library.document.noOwner"));
  return (
    <header className="space-y-4">
      <nav aria-label={t("library.document.breadcrumb")}>
        <Link to="/library" className="text-blue-800 underline underline-offset-2">
          {t("library.title")}
        </Link>
      </nav>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">
          {t(`documents.kinds.${document.kind}`)}
        </p>
        <h1 className="text-3xl font-bold break-words" lang={version.language}>
          {version.title}
        </h1>
        <p className="text-lg font-semibold" data-testid="library-version">
          {t("library.document.version", { number: version.number })}
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
        <Fact term={t("library.document.published")}>
          <time dateTime={version.published.iso}>{version.published.text}</time>
        </Fact>
        <Fact term={t("library.document.owner")}>{owner}</Fact>
        <Fact term={t("library.document.nextReview")}>
          {document.reviewDue ? (
            <time dateTime={document.reviewDue.iso}>{document.reviewDue.text}</time>
          ) : (
            t("library.document.noReview")
          )}
        </Fact>
        {version.language === "fi" || version.language === "sv" ? (
          <Fact term={t("library.document.language")}>
            {t(`documents.languages.${version.language}`)}
          </Fact>
        ) : null}
      </dl>
      {document.archived ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("library.document.archived")}</p>
          <p>{t("library.document.archivedText")}</p>
        </Notice>
      ) : null}
      {document.outdated ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("library.document.outdated")}</p>
        </Notice>
      ) : null}
      {props.isLatest ? null : (
        <Notice tone="info">
          <p>
            {t("library.document.notLatest", {
              number: version.number,
              latest: document.latestVersion,
            })}{" "}
            <Link
              to={`/library/${document.slug}`}
              className="font-medium text-blue-800 underline underline-offset-2"
            >
              {t("library.document.openLatest")}
            </Link>
          </p>
        </Notice>
      )}
      <TranslationLinks translations={document.translations} />
    </header>
  );
}
