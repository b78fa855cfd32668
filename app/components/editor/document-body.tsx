/**
 * The body of the document page. The server renders the stored HTML (all that a reader without
 * JavaScript, or without a collab server, gets); after hydration the co-editing editor loads
 * lazily, out of sight, and takes the HTML's place once it has synced. The static frame has the
 * editor's proportions (status row, toolbar for editors, padding, sidebar column), so the swap
 * does not move the text.
 */
import { Link } from "@remix-run/react";
import { lazy, Suspense, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { useHydrated } from "~/components/rich-text/use-hydrated";
import type { DocumentAccess } from "~/lib/document";
import type { LivePhase } from "./collaborative-document.client";
import { documentProseClass } from "./document-editor-theme";

const CollaborativeDocument = lazy(() => import("./collaborative-document.client"));

export interface DocumentBodyProps {
  documentId: string;
  title: string;
  language: string;
  /** Sanitised on the server in this request (sanitizeDocumentHtml). */
  html: string;
  /** The access the page was rendered with; the live session may report a newer one. */
  access: DocumentAccess;
  /** Whether the server runs a collab server at all. */
  collabAvailable: boolean;
}

function samePhase(a: LivePhase, b: LivePhase): boolean {
  return a.kind === b.kind && (a.kind !== "shown" || b.kind !== "shown" || a.access === b.access);
}

export function DocumentBody(props: DocumentBodyProps) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [phase, setPhase] = useState<LivePhase>(
    props.collabAvailable ? { kind: "starting" } : { kind: "unavailable" },
  );
  const onPhase = useCallback(
    (next: LivePhase) => setPhase((previous) => (samePhase(previous, next) ? previous : next)),
    [],
  );
  const access = phase.kind === "shown" ? phase.access : props.access;
  const ended =
    phase.kind === "unavailable" || phase.kind === "accessLost" || phase.kind === "signedOut";

  return (
    <section aria-label={t("editor.body.section")} className="space-y-4">
      {phase.kind === "accessLost" ? (
        <Notice tone="warning">{t("editor.notices.accessLost")}</Notice>
      ) : access === "view" ? (
        <Notice>{t("editor.notices.viewOnly")}</Notice>
      ) : access === "comment" ? (
        <Notice>{t("editor.notices.commentOnly")}</Notice>
      ) : null}
      {phase.kind === "unavailable" ? (
        <Notice>{t("editor.notices.collabUnavailable")}</Notice>
      ) : null}
      {phase.kind === "signedOut" ? (
        <Notice tone="warning">
          {t("editor.notices.signedOut")}{" "}
          <Link
            to={`/login?${new URLSearchParams({ redirectTo: `/documents/${props.documentId}` })}`}
            className="font-medium underline underline-offset-2"
          >
            {t("editor.notices.signIn")}
          </Link>
        </Notice>
      ) : null}

      {phase.kind === "shown" || phase.kind === "accessLost" ? null : (
        <div className="space-y-3">
          <div className="flex min-h-10 items-center justify-end text-sm text-slate-800">
            {hydrated && !ended ? <span>{t("editor.status.connecting")}</span> : null}
          </div>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="min-w-0 rounded-md border border-slate-400 bg-white">
              {access === "edit" && !ended ? (
                <div
                  aria-hidden="true"
                  className="min-h-11 rounded-t-md border-b border-slate-300 bg-slate-50"
                />
              ) : null}
              <div
                lang={props.language}
                className={`min-h-64 px-4 py-3 ${documentProseClass}`}
                // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server in this request (sanitizeDocumentHtml)
                dangerouslySetInnerHTML={{ __html: props.html }}
              />
            </div>
            <div className="min-w-0" />
          </div>
        </div>
      )}

      {hydrated && props.collabAvailable && phase.kind !== "accessLost" && !ended ? (
        <Suspense fallback={null}>
          <CollaborativeDocument
            documentId={props.documentId}
            title={props.title}
            language={props.language}
            onPhase={onPhase}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
