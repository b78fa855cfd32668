/**
 * The co-editing editor for one document at one access level. Lexical's CollaborationPlugin binds
 * it to the Y.Doc that CollabConnection keeps in sync with the collab server; the document's
 * first state is always made by the server (shouldBootstrap false), never by racing browsers.
 * Changing the access level builds a new editor (the caller changes its React key).
 */
import { LexicalCollaboration } from "@lexical/react/LexicalCollaborationContext";
import { CollaborationPlugin } from "@lexical/react/LexicalCollaborationPlugin";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { TablePlugin } from "@lexical/react/LexicalTablePlugin";
import type { Provider } from "@lexical/yjs";
import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useTranslation } from "react-i18next";
import type { Doc } from "yjs";
import { isAllowedLinkUrl, linkAttributes } from "~/components/rich-text/link-url";
import type { CollabSession } from "~/lib/collab-session";
import { CollabConnection, type ConnectionEvents } from "./collab-connection.client";
import { ConnectionStatusLine } from "./connection-status.client";
import { documentEditorTheme } from "./document-editor-theme";
import { EditorToolbar } from "./editor-toolbar.client";
import { documentEditorNamespace, documentNodes } from "./nodes";
import { PresenceList } from "./presence-list.client";
import type { SessionAnswer } from "./request-collab-session.client";

export interface DocumentEditorProps {
  documentId: string;
  session: CollabSession;
  /** The document's title: the editable area's name. */
  label: string;
  language: string;
  /** Keep the editor out of sight until it has content (the server's HTML shows meanwhile). */
  hidden: boolean;
  onReady(): void;
  requestSession(): Promise<SessionAnswer>;
  events: ConnectionEvents;
  /** Rendered in the sidebar, inside the composer (the comments panel). */
  sidebar?: ReactNode;
}

/** Keeps Lexical's editable flag in step with the access level (viewers and commenters read). */
function EditablePlugin(props: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(props.editable);
  }, [editor, props.editable]);
  return null;
}

export function DocumentEditor(props: DocumentEditorProps) {
  const { documentId, session, requestSession, events } = props;
  const [connection, setConnection] = useState<CollabConnection | null>(null);
  // The latest callbacks, so a re-render of the page does not rebuild the connection.
  const latest = useRef({ requestSession, events });
  latest.current = { requestSession, events };

  useEffect(() => {
    const created = new CollabConnection(
      documentId,
      session,
      () => latest.current.requestSession(),
      {
        onAccessChanged: (next) => latest.current.events.onAccessChanged(next),
        onAccessLost: () => latest.current.events.onAccessLost(),
        onSignedOut: () => latest.current.events.onSignedOut(),
      },
    );
    setConnection(created);
    return () => created.destroy();
  }, [documentId, session]);

  if (!connection) return null;
  return <ConnectedEditor {...props} connection={connection} />;
}

function ConnectedEditor(props: DocumentEditorProps & { connection: CollabConnection }) {
  const { connection, session, documentId, onReady } = props;
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(
    connection.subscribe,
    connection.getSnapshot,
    connection.getSnapshot,
  );
  const canEdit = session.access === "edit";
  const cursorsContainer = useRef<HTMLDivElement>(null);
  const editorId = `document-${documentId}`;

  useEffect(() => {
    if (snapshot.ready) onReady();
  }, [snapshot.ready, onReady]);

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Doc>) => {
      yjsDocMap.set(id, connection.doc);
      // y-websocket's provider is what Lexical's Provider interface describes, but its event
      // map is typed more narrowly than Lexical's.
      return connection.provider as unknown as Provider;
    },
    [connection],
  );
  const awarenessData = useMemo(() => ({ userId: session.user.id }), [session.user.id]);
  const initialConfig = useMemo(
    () => ({
      namespace: documentEditorNamespace,
      nodes: documentNodes,
      theme: documentEditorTheme,
      // The content comes from Yjs, never from an initial state of the browser's own.
      editorState: null,
      editable: canEdit,
      onError(error: Error) {
        throw error;
      },
    }),
    [canEdit],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <LexicalCollaboration>
        <div className={props.hidden ? "hidden" : "space-y-3"} data-editor-ready={snapshot.ready}>
          <div className="flex min-h-10 flex-wrap items-center justify-between gap-3">
            <PresenceList participants={snapshot.participants} />
            <ConnectionStatusLine
              status={snapshot.status}
              problem={snapshot.problem}
              canEdit={canEdit}
            />
          </div>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="min-w-0 rounded-md border border-slate-400 bg-white">
              {canEdit ? <EditorToolbar editorId={editorId} label={props.label} /> : null}
              <div className="relative">
                <RichTextPlugin
                  contentEditable={
                    <ContentEditable
                      id={editorId}
                      lang={props.language}
                      aria-label={t("editor.body.label", { title: props.label })}
                      aria-multiline
                      aria-readonly={canEdit ? undefined : true}
                      className="min-h-64 px-4 py-3 focus-visible:[outline-offset:-3px]"
                    />
                  }
                  ErrorBoundary={LexicalErrorBoundary}
                />
                {/* Remote cursors and selections, with each person's name, are drawn here. */}
                <div ref={cursorsContainer} data-remote-cursors="" />
              </div>
            </div>
            <div className="min-w-0">{props.sidebar}</div>
          </div>
        </div>
        <CollaborationPlugin
          id={documentId}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={session.user.name}
          cursorColor={session.user.colour}
          cursorsContainerRef={cursorsContainer}
          awarenessData={awarenessData}
        />
        <EditablePlugin editable={canEdit} />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={linkAttributes} />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
      </LexicalCollaboration>
    </LexicalComposer>
  );
}
