/**
 * Headless Lexical on the server: a first state the browser's CollaborationPlugin reads, derived
 * JSON/text/HTML for every kind of content a document holds, restores as ordinary updates, and
 * comment marks around quoted text.
 */
import { createHeadlessEditor } from "@lexical/headless";
import { $isMarkNode } from "@lexical/mark";
import { type Provider, createBinding, syncYjsChangesToLexical } from "@lexical/yjs";
import { $dfs } from "@lexical/utils";
import { $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentEditorNamespace, documentNodes } from "../../../app/components/editor/nodes";
import {
  deriveContent,
  initialStateFromHtml,
  replaceContent,
  wrapQuoteInMark,
} from "../../../server/collab/headless";
import { copyOf, textOf, typeParagraph } from "./store-fixture";

const guidance = [
  "<h1>Asiakkaan ohjaus</h1>",
  "<h2>Tausta</h2>",
  '<p>Katso <a href="https://www.kela.fi/">Kelan ohje</a> ja <b>toimi</b> näin.</p>',
  "<ul><li>ensin</li><li>sitten</li></ul>",
  "<ol><li>yksi</li><li>kaksi</li></ol>",
  "<blockquote>Laki sanoo näin.</blockquote>",
  "<table><tr><th>Etuus</th><th>Määrä</th></tr><tr><td>Työttömyysturva</td><td>37 €</td></tr></table>",
].join("");

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Reads a state as the browser does: createBinding (what CollaborationPlugin calls, default Yjs
 * root), the stock sync from Yjs into Lexical, the state arriving after binding as from a provider.
 */
function browserText(state: Uint8Array): string {
  const editor = createHeadlessEditor({
    namespace: documentEditorNamespace,
    nodes: documentNodes,
    onError: (error) => {
      throw error;
    },
  });
  const doc = new Y.Doc();
  const provider = { awareness: { getStates: () => new Map(), getLocalState: () => null } };
  const binding = createBinding(
    editor,
    provider as unknown as Provider,
    "document-id",
    doc,
    new Map([["document-id", doc]]),
  );
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(
        binding,
        provider as unknown as Provider,
        events as Y.YEvent<Y.Text>[],
        false,
        () => undefined,
      );
    }
  });
  Y.applyUpdate(doc, state);
  editor.update(() => undefined, { discrete: true });
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

describe("headless Lexical on the server", () => {
  it("builds a first state that the browser's binding reads", () => {
    const state = initialStateFromHtml("<h2>Otsikko</h2><p>Ensimmäinen kappale.</p>");
    expect(browserText(state)).toBe("Otsikko\n\nEnsimmäinen kappale.");
  });

  it("starts an empty document with one empty paragraph", () => {
    const doc = docOf(initialStateFromHtml(""));
    const { content, text, html } = deriveContent(doc);
    expect(content.root.children).toMatchObject([{ type: "paragraph", children: [] }]);
    expect(text).toBe("");
    expect(html).toBe("<p><br /></p>");
  });

  it("drops what the sanitiser does not allow from imported HTML", () => {
    const doc = docOf(
      initialStateFromHtml('<p onclick="x()">Teksti<script>alert(1)</script></p><img src="x">'),
    );
    expect(deriveContent(doc).html).toBe("<p><span>Teksti</span></p>");
  });

  it("derives JSON, text and HTML with headings, lists, links, quotes and tables", () => {
    const doc = docOf(initialStateFromHtml(guidance));
    const { content, text, html } = deriveContent(doc);
    expect(content.root.children.map((node) => node.type)).toEqual([
      "heading",
      "heading",
      "paragraph",
      "list",
      "list",
      "quote",
      "table",
    ]);
    expect(text).toContain("Asiakkaan ohjaus\n\nTausta\n\nKatso Kelan ohje ja toimi näin.");
    expect(text).toContain("Työttömyysturva");
    for (const fragment of [
      "<h1><span>Asiakkaan ohjaus</span></h1>",
      "<h2><span>Tausta</span></h2>",
      '<a href="https://www.kela.fi/" rel="noopener noreferrer nofollow" target="_blank"><span>Kelan ohje</span></a>',
      "<b><strong>toimi</strong></b>",
      "<ul><li><span>ensin</span></li><li><span>sitten</span></li></ul>",
      "<li><span>kaksi</span></li></ol>",
      "<blockquote><span>Laki sanoo näin.</span></blockquote>",
      "<th><p><span>Etuus</span></p></th>",
      "<td><p><span>37 €</span></p></td>",
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it("wraps a quote in a mark with the thread's id, nearest the offset it was quoted at", () => {
    const doc = docOf(initialStateFromHtml("<p>Ohje on tässä. Toinen ohje on tuolla.</p>"));
    const thread = "70000000-0000-4000-8000-0000000000aa";
    // "ohje on" occurs twice; the browser said the second one (offset 22).
    expect(wrapQuoteInMark(doc, thread, "ohje on", 22)).toBe(true);
    const { html, text } = deriveContent(doc);
    expect(text).toBe("Ohje on tässä. Toinen ohje on tuolla.");
    expect(html).toBe(
      `<p><span>Ohje on tässä. Toinen </span><mark data-thread-ids="${thread}"><span>ohje on</span></mark><span> tuolla.</span></p>`,
    );
    // Again: already there, nothing changes.
    const before = Y.encodeStateVector(doc);
    expect(wrapQuoteInMark(doc, thread, "ohje on", 22)).toBe(true);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("wraps a quote across formatting and blocks, and says so when the quote is gone", () => {
    const doc = docOf(
      initialStateFromHtml("<p>Alku <b>lihava</b> loppu.</p><p>Toinen kappale.</p>"),
    );
    expect(wrapQuoteInMark(doc, "thread-1", "lihava loppu.\n\nToinen", 0)).toBe(true);
    const marked = deriveContent(doc).content.root.children.flatMap((block) =>
      "children" in block ? (block.children as { type: string }[]) : [],
    );
    expect(marked.filter((node) => node.type === "mark")).toHaveLength(2);
    expect(wrapQuoteInMark(doc, "thread-2", "ei ole tekstissä", 0)).toBe(false);
  });

  it("keeps marks through the browser's binding", () => {
    const doc = docOf(initialStateFromHtml("<p>Merkitty kohta.</p>"));
    wrapQuoteInMark(doc, "thread-9", "kohta", 9);
    const editor = createHeadlessEditor({
      nodes: documentNodes,
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(editor.parseEditorState(deriveContent(doc).content));
    const ids = editor
      .getEditorState()
      .read(() => $dfs().flatMap(({ node }) => ($isMarkNode(node) ? node.getIDs() : [])));
    expect(ids).toEqual(["thread-9"]);
  });

  it("restores a version as an ordinary update another client receives", () => {
    const live = docOf(initialStateFromHtml("<p>Vanha sisältö.</p>"));
    const version = deriveContent(live).content;
    typeParagraph(live, "Uusi kappale.");
    const otherClient = copyOf(live);
    const otherBefore = Y.encodeStateVector(otherClient);

    const update = replaceContent(live, version);
    expect(update).not.toBeNull();
    expect(textOf(live)).toBe("Vanha sisältö.");
    // The other client lacks exactly that change, and it travels as a diff against its state.
    const diff = Y.encodeStateAsUpdate(live, otherBefore);
    Y.applyUpdate(otherClient, diff);
    expect(textOf(otherClient)).toBe("Vanha sisältö.");
    expect(deriveContent(otherClient).html).toBe(deriveContent(live).html);
    // History is kept: the live doc holds both states' items (the old text is deleted, not gone).
    expect(Y.decodeUpdate(Y.encodeStateAsUpdate(live)).ds.clients.size).toBeGreaterThan(0);
  });

  it("leaves no observers on the live doc", () => {
    const live = docOf(initialStateFromHtml("<p>Tarkkailu.</p>"));
    const root = live.get("root", Y.XmlText);
    const observersBefore = root._dEH.l.length;
    deriveContent(live);
    wrapQuoteInMark(live, "thread-3", "Tarkkailu", 0);
    replaceContent(live, deriveContent(docOf(initialStateFromHtml("<p>Muu.</p>"))).content);
    expect(root._dEH.l.length).toBe(observersBefore);
    expect(live._observers.get("update")?.size ?? 0).toBe(0);
  });
});
