/**
 * The live part of the document page, loaded lazily after hydration: asks for a collab session,
 * shows the editor once it has content, and follows changes of access (a new editor at the new
 * level, or nothing at all when the access is gone). Reports its phase to DocumentBody, which
 * keeps the server's HTML on screen until then.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CollabSession } from "~/lib/collab-session";
import type { DocumentAccess } from "~/lib/document";
import type { ConnectionEvents } from "./collab-connection.client";
import { CommentsPlugin } from "./comments/CommentsPlugin";
import { DocumentEditor } from "./document-editor.client";
import { requestCollabSession, type SessionAnswer } from "./request-collab-session.client";

/** What the page shows around the editor. */
export type LivePhase =
  | { kind: "starting" }
  | { kind: "shown"; access: DocumentAccess }
  | { kind: "unavailable" }
  | { kind: "accessLost" }
  | { kind: "signedOut" };

export interface CollaborativeDocumentProps {
  documentId: string;
  title: string;
  /** The document's language (fi or sv), for the editable area's lang. */
  language: string;
  onPhase(phase: LivePhase): void;
}

type State =
  | { kind: "authorising" }
  | { kind: "live"; session: CollabSession; generation: number; ready: boolean }
  | { kind: "ended" };

const retryDelaysMs = [500, 1_000, 2_000, 5_000, 10_000];

export default function CollaborativeDocument(props: CollaborativeDocumentProps) {
  const { documentId, onPhase } = props;
  const [state, setState] = useState<State>({ kind: "authorising" });
  const request = useCallback(() => requestCollabSession(documentId), [documentId]);

  const handleAnswer = useCallback(
    (answer: SessionAnswer, attempt: number): void => {
      switch (answer.kind) {
        case "issued":
          setState((previous) => ({
            kind: "live",
            session: answer.session,
            generation: previous.kind === "live" ? previous.generation + 1 : 0,
            ready: false,
          }));
          return;
        case "notFound":
          setState({ kind: "ended" });
          onPhase({ kind: "accessLost" });
          return;
        case "signedOut":
          setState({ kind: "ended" });
          onPhase({ kind: "signedOut" });
          return;
        case "unavailable":
          // No collab server: the page stays as the server rendered it, read-only.
          setState({ kind: "ended" });
          onPhase({ kind: "unavailable" });
          return;
        case "failed": {
          const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)];
          setTimeout(() => void request().then((next) => handleAnswer(next, attempt + 1)), delay);
          return;
        }
      }
    },
    [onPhase, request],
  );

  // The first session, once: StrictMode's second run of the effect finds it under way.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void request().then((answer) => handleAnswer(answer, 0));
  }, [request, handleAnswer]);

  const events = useMemo<ConnectionEvents>(
    () => ({
      onAccessChanged: (session) => {
        setState((previous) => ({
          kind: "live",
          session,
          generation: previous.kind === "live" ? previous.generation + 1 : 0,
          ready: false,
        }));
        onPhase({ kind: "starting" });
      },
      onAccessLost: () => {
        setState({ kind: "ended" });
        onPhase({ kind: "accessLost" });
      },
      onSignedOut: () => {
        setState({ kind: "ended" });
        onPhase({ kind: "signedOut" });
      },
    }),
    [onPhase],
  );

  const live = state.kind === "live" ? state : null;
  const onReady = useCallback(() => {
    setState((previous) =>
      previous.kind === "live" && !previous.ready ? { ...previous, ready: true } : previous,
    );
    if (live) onPhase({ kind: "shown", access: live.session.access });
  }, [live, onPhase]);

  if (!live) return null;
  return (
    <DocumentEditor
      key={`${live.session.access}:${live.generation}`}
      documentId={documentId}
      session={live.session}
      label={props.title}
      language={props.language}
      hidden={!live.ready}
      onReady={onReady}
      requestSession={request}
      events={events}
      sidebar={
        <CommentsPlugin
          documentId={documentId}
          access={live.session.access}
          userId={live.session.user.id}
        />
      }
    />
  );
}
