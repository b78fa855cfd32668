import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DocumentListItem } from "~/lib/documents.server";
import { DocumentBadges } from "./document-badges";

/**
 * Documents as a list of links with what people scan for: kind, status, where it lives, when it
 * was last written and by whom. `showNetwork` is off inside a network's own tab.
 */
export function DocumentList(props: {
  documents: DocumentListItem[];
  showNetwork?: boolean;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const Heading = props.headingLevel === 4 ? "h4" : "h3";
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {props.documents.map((document) => (
        <li key={document.id} className="space-y-1 p-4">
          <Heading className="text-lg font-semibold">
            <Link
              to={`/documents/${document.id}`}
              className="text-blue-800 underline-offset-2 hover:underline"
            >
              {document.title}
            </Link>
          </Heading>
          <DocumentBadges kind={document.kind} status={document.status} access={document.access} />
          <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
            <span>
              {document.edited
                ? document.lastEditor
                  ? t("documents.list.editedBy", {
                      date: document.lastEdited.text,
                      name: document.lastEditor,
                    })
                  : t("documents.list.edited", { date: document.lastEdited.text })
                : document.lastEditor
                  ? t("documents.list.createdBy", {
                      date: document.lastEdited.text,
                      name: document.lastEditor,
                    })
                  : t("documents.list.created", { date: document.lastEdited.text })}
            </span>
            {document.language === "fi" || document.language === "sv" ? (
              <span>
                {t("documents.list.language", {
                  language: t(`documents.languages.${document.language}`),
                })}
              </span>
            ) : null}
            {props.showNetwork && document.network ? (
              <span>
                {t("documents.list.inNetwork")}{" "}
                <Link
                  to={`/networks/${document.network.slug}/documents`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {document.network.name}
                </Link>
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
