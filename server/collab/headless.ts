/**
 * Headless Lexical on the server, bound to a document's Yjs state exactly as the browser's
 * CollaborationPlugin binds it (same nodes, same namespace, same Yjs root). It derives the stored
 * JSON, text and HTML, builds a new document's first state, and makes the server's own edits
 * (restores, comment anchors).
 *
 * Every operation binds a throwaway editor to a throwaway Y.Doc holding a copy of the live state,
 * so nothing ever observes the live Y.Doc; an edit comes back as one ordinary Yjs update that the
 * caller applies to the live doc, where it travels to clients like anybody's typing.
 */
import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateHtmlFromNodes, $generateNodesFromDOM } from "@lexical/html";
import { $isMarkNode, $wrapSelectionInMarkNode, MarkNode } from "@lexical/mark";
import { $dfs } from "@lexical/utils";
import {
  type Binding,
  type Provider,
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from "@lexical/yjs";
import {
  $createParagraphNode,
  $createRangeSelection,
  DEFAULT_EDITOR_DOM_CONFIG,
  type EditorDOMRenderConfig,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isTextNode,
  $parseSerializedNode,
  $setSelection,
  type DOMExportOutput,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  SKIP_COLLAB_TAG,
  type SerializedEditorState,
  type SerializedLexicalNode,
  type TextNode,
} from "lexical";
import * as Y from "yjs";
import { documentEditorNamespace, documentNodes } from "../../app/components/editor/nodes";
import { sanitizeDocumentHtml } from "../../app/lib/rich-text.server";

/** The derived forms of a document written next to its Yjs state. */
export interface DerivedContent {
  /** Lexical's serialised editor state. */
  content: SerializedEditorState;
  /** Plain text, blocks separated by blank lines (Lexical's own text content). */
  text: string;
  /** Sanitised HTML for read-only rendering and search snippets. */
  html: string;
}

/**
 * The Yjs root the browser binds to: Lexical's default ("root"), which CollaborationPlugin uses
 * when it is given no `rootName` — as document-editor.client.tsx renders it. Both sides must agree,
 * or the server reads an empty document and bootstraps content the browser never sees.
 */
export const documentRootName = "root";

/**
 * Marks keep their thread ids in the HTML (`data-thread-ids`), so the server-rendered read-only
 * view can still point at comment threads. Lexical's own export writes a bare <mark>.
 */
function exportMark(_editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const element = document.createElement("mark");
  if ($isMarkNode(node)) element.setAttribute("data-thread-ids", node.getIDs().join(" "));
  return { element };
}

/**
 * How the headless editor writes HTML: marks are kept (Lexical leaves them out of copies, but
 * here they anchor comments), and an export's `after` hook that hands back the element it was
 * given is treated as "no replacement" — happy-dom's replaceWith(itself) drops the element
 * (browsers keep it), which would lose every table.
 */
const exportConfig: Partial<EditorDOMRenderConfig> = {
  $shouldExclude: (node) =>
    !$isMarkNode(node) && $isElementNode(node) && node.excludeFromCopy("html"),
  $exportDOM: (node, editor) => {
    const output = DEFAULT_EDITOR_DOM_CONFIG.$exportDOM(node, editor);
    const { after } = output;
    if (!after) return output;
    return {
      ...output,
      after(element) {
        const replacement = after.call(this, element);
        return replacement === element ? null : replacement;
      },
    };
  },
};

/** The awareness half of a provider: the server has no cursor, so it is always empty. */
const silentProvider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
} as unknown as Provider;

const noCursors = () => undefined;

interface BoundEditor {
  editor: LexicalEditor;
  doc: Y.Doc;
  /** Commits pending Lexical updates (the Yjs → Lexical sync queues them). */
  settle(): void;
  destroy(): void;
}

/** A headless editor bound to a fresh Y.Doc that holds `state` (applied after binding). */
function bindEditor(state: Uint8Array | null): BoundEditor {
  const editor = createHeadlessEditor({
    namespace: documentEditorNamespace,
    nodes: documentNodes,
    html: { export: new Map([[MarkNode, exportMark]]) },
    dom: exportConfig,
    onError: (error) => {
      throw error;
    },
  });
  const doc = new Y.Doc();
  const binding: Binding = createYjsBinding({
    editor,
    id: documentEditorNamespace,
    doc,
    docMap: new Map([[documentEditorNamespace, doc]]),
    rootName: documentRootName,
  });
  const sharedRoot = binding.root.getSharedType();
  const onYjsChanges = (events: Y.YEvent<Y.Text>[], transaction: Y.Transaction) => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, silentProvider, events, false, noCursors);
    }
  };
  sharedRoot.observeDeep(
    onYjsChanges as (
      events: Y.YEvent<Y.AbstractType<unknown>>[],
      transaction: Y.Transaction,
    ) => void,
  );
  const removeUpdateListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(
          binding,
          silentProvider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      }
    },
  );
  const settle = () => editor.update(() => undefined, { discrete: true });
  if (state) {
    Y.applyUpdate(doc, state);
    settle();
  }
  return {
    editor,
    doc,
    settle,
    destroy() {
      sharedRoot.unobserveDeep(
        onYjsChanges as (
          events: Y.YEvent<Y.AbstractType<unknown>>[],
          transaction: Y.Transaction,
        ) => void,
      );
      removeUpdateListener();
      binding.root.destroy(binding);
      doc.destroy();
    },
  };
}

function withBoundEditor<T>(state: Uint8Array | null, fn: (bound: BoundEditor) => T): T {
  const bound = bindEditor(state);
  try {
    return fn(bound);
  } finally {
    bound.destroy();
  }
}

/**
 * Runs `edit` on an editor holding a copy of `doc` and returns the Yjs update it produced (null
 * when it changed nothing), without touching `doc`.
 */
function editCopy<T>(
  doc: Y.Doc,
  edit: (editor: LexicalEditor) => T,
): { result: T; update: Uint8Array | null } {
  return withBoundEditor(Y.encodeStateAsUpdate(doc), (bound) => {
    const before = Y.encodeStateVector(bound.doc);
    const result = edit(bound.editor);
    bound.settle();
    const update = Y.encodeStateAsUpdate(bound.doc, before);
    // An update that carries nothing is 2 bytes of empty struct and delete sets.
    const changed = !sameBytes(Y.encodeStateVector(bound.doc), before) || hasDeletions(update);
    return { result, update: changed ? update : null };
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function hasDeletions(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).ds.clients.size > 0;
}

/**
 * Runs `$edit` (inside a Lexical update) on an editor holding a copy of `doc` and applies the
 * Yjs update it produced to `doc` with `origin`. Returns that update, or null if nothing changed.
 */
export function applyLexicalEdit(
  doc: Y.Doc,
  $edit: () => void,
  origin: unknown = null,
): Uint8Array | null {
  const { update } = editCopy(doc, (editor) => {
    editor.update($edit, { discrete: true });
  });
  if (update) Y.applyUpdate(doc, update, origin);
  return update;
}

/** JSON, text and sanitised HTML of the document's current state. */
export function deriveContent(doc: Y.Doc): DerivedContent {
  return withBoundEditor(Y.encodeStateAsUpdate(doc), ({ editor }) => {
    const state = editor.getEditorState();
    const text = state.read(() => $getRoot().getTextContent());
    const html = withDOM(() => state.read(() => $generateHtmlFromNodes(editor, null), { editor }));
    return { content: state.toJSON(), text, html: sanitizeDocumentHtml(html) };
  });
}

/** Replaces the editor's whole content with `nodes`, keeping at least one paragraph. */
function $replaceRoot(nodes: LexicalNode[]): void {
  const root = $getRoot();
  root.clear();
  const blocks: LexicalNode[] = [];
  let paragraph: ElementNode | null = null;
  // Text and inline nodes outside a block (imported from loose HTML) go into paragraphs.
  for (const node of nodes) {
    if (($isElementNode(node) && !node.isInline()) || $isDecoratorNode(node)) {
      paragraph = null;
      blocks.push(node);
    } else {
      if (!paragraph) {
        paragraph = $createParagraphNode();
        blocks.push(paragraph);
      }
      paragraph.append(node);
    }
  }
  if (blocks.length === 0) blocks.push($createParagraphNode());
  root.append(...blocks);
  $setSelection(null);
}

/**
 * The first Yjs state of a document from its (imported or seeded) HTML, as one update: the same
 * root and nodes the browser binds to. Empty HTML gives one empty paragraph.
 */
export function initialStateFromHtml(html: string): Uint8Array {
  const clean = sanitizeDocumentHtml(html);
  return withBoundEditor(null, (bound) => {
    bound.editor.update(
      () => {
        const nodes = withDOM((window) => {
          const dom = new window.DOMParser().parseFromString(clean, "text/html");
          return $generateNodesFromDOM(bound.editor, dom as unknown as Document);
        });
        $replaceRoot(nodes);
      },
      { discrete: true },
    );
    return Y.encodeStateAsUpdate(bound.doc);
  });
}

/**
 * Sets the document's content to a saved version's Lexical JSON as one new change (a restore):
 * applied to `doc` as an ordinary update, so history keeps both states. Returns the update, or
 * null when the content was already the same.
 */
export function replaceContent(
  doc: Y.Doc,
  lexicalJson: SerializedEditorState,
  origin: unknown = null,
): Uint8Array | null {
  const children = (lexicalJson.root?.children ?? []) as SerializedLexicalNode[];
  return applyLexicalEdit(
    doc,
    () => $replaceRoot(children.map((child) => $parseSerializedNode(child))),
    origin,
  );
}

interface TextSegment {
  node: TextNode;
  start: number;
}

/**
 * The document's text laid out exactly as ElementNode.getTextContent does (blank lines between
 * blocks), with where each text node starts, so an offset the browser measured in that text maps
 * back to a node.
 */
function $layoutText(): { text: string; segments: TextSegment[] } {
  const segments: TextSegment[] = [];
  let text = "";
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node)) {
      segments.push({ node, start: text.length });
      text += node.getTextContent();
    } else if ($isElementNode(node)) {
      const children = node.getChildren();
      children.forEach((child, index) => {
        visit(child);
        if ($isElementNode(child) && index !== children.length - 1 && !child.isInline()) {
          text += "\n\n";
        }
      });
    } else {
      text += node.getTextContent();
    }
  };
  visit($getRoot());
  return { text, segments };
}

function nearestOccurrence(text: string, quote: string, hint: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  return best;
}

/** The text node and offset at `position`; `end` prefers the node a range ends in. */
function pointAt(
  segments: TextSegment[],
  position: number,
  end: boolean,
): TextSegment & { offset: number } {
  const found = segments.find(({ node, start }) => {
    const length = node.getTextContentSize();
    return end
      ? position > start && position <= start + length
      : position >= start && position < start + length;
  });
  if (!found) throw new Error(`no text at offset ${position}`);
  return { ...found, offset: position - found.start };
}

function $hasMark(markId: string): boolean {
  return $dfs().some(({ node }) => $isMarkNode(node) && node.hasID(markId));
}

/**
 * Wraps the occurrence of `quote` nearest to `offsetHint` (an offset in the document's text) in a
 * MarkNode with id `markId`, as one update applied to `doc`. True when the mark is there
 * afterwards (also when it already was); false when the quote is no longer in the document.
 */
export function wrapQuoteInMark(
  doc: Y.Doc,
  markId: string,
  quote: string,
  offsetHint: number,
  origin: unknown = null,
): boolean {
  if (quote === "") return false;
  const { result, update } = editCopy(doc, (editor) => {
    let wrapped = false;
    editor.update(
      () => {
        if ($hasMark(markId)) {
          wrapped = true;
          return;
        }
        const { text, segments } = $layoutText();
        const at = nearestOccurrence(text, quote, offsetHint);
        if (at === -1) return;
        const anchor = pointAt(segments, at, false);
        const focus = pointAt(segments, at + quote.length, true);
        const selection = $createRangeSelection();
        selection.anchor.set(anchor.node.getKey(), anchor.offset, "text");
        selection.focus.set(focus.node.getKey(), focus.offset, "text");
        $wrapSelectionInMarkNode(selection, false, markId);
        $setSelection(null);
        wrapped = true;
      },
      { discrete: true },
    );
    return wrapped;
  });
  if (update) Y.applyUpdate(doc, update, origin);
  return result;
}

/** The plain text of a Yjs state, read the way the browser would (for tests and checks). */
export function textOfState(state: Uint8Array): string {
  return withBoundEditor(state, ({ editor }) =>
    editor.getEditorState().read(() => $getRoot().getTextContent()),
  );
}
