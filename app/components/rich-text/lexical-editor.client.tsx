/**
 * The Lexical editor itself. Browser only: the Remix compiler replaces this module with an empty
 * one in the server build, and RichTextEditor renders it only after hydration.
 */
import { FocusManagerExtension, RovingTabIndexExtension } from "@lexical/a11y";
import { AutoFocusExtension } from "@lexical/extension";
import { HistoryExtension } from "@lexical/history";
import { LinkExtension } from "@lexical/link";
import { ListExtension } from "@lexical/list";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalExtensionComposer } from "@lexical/react/LexicalExtensionComposer";
import { RichTextExtension } from "@lexical/rich-text";
import { configExtension, defineExtension } from "lexical";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DraftNotice } from "./draft-notice.client";
import { DraftPlugin } from "./draft-plugin.client";
import { $replaceContent, type EditorContent } from "./editor-content.client";
import { editorTheme } from "./editor-theme";
import { FormFieldsPlugin } from "./form-fields-plugin.client";
import { isAllowedLinkUrl, linkAttributes } from "./link-url";
import { draftMatchesSaved, readRichTextDraft } from "./rich-text-draft";
import { RichTextToolbar } from "./rich-text-toolbar.client";

export interface LexicalEditorProps {
  id: string;
  name: string;
  label: string;
  labelId: string;
  /** Ids of the description and error, for aria-describedby. */
  describedBy?: string;
  invalid: boolean;
  required: boolean;
  initialHtml: string;
  /** Text typed into the stand-in textarea before the editor loaded; wins over everything. */
  typedText: string | null;
  draftKey?: string;
  /** The reader was in the stand-in textarea: carry the focus over. */
  autoFocus: boolean;
}

function startingContent(props: LexicalEditorProps): {
  content: EditorContent;
  fromDraft: boolean;
} {
  if (props.typedText !== null)
    return { content: { kind: "text", text: props.typedText }, fromDraft: false };
  const draft = props.draftKey ? readRichTextDraft(props.draftKey) : null;
  if (draft !== null && !draftMatchesSaved(draft, props.initialHtml)) {
    return { content: { kind: "html", html: draft }, fromDraft: true };
  }
  return { content: { kind: "html", html: props.initialHtml }, fromDraft: false };
}

export function LexicalEditor(props: LexicalEditorProps) {
  const { t } = useTranslation();
  // Decided once: the editor reads its initial state only when it is created.
  const [start] = useState(() => startingContent(props));
  const [showDraftNotice, setShowDraftNotice] = useState(start.fromDraft);
  const autoFocus = props.autoFocus;
  const extension = useMemo(
    () =>
      defineExtension({
        name: "verkko/rich-text",
        namespace: "verkko-rich-text",
        theme: editorTheme,
        dependencies: [
          RichTextExtension,
          HistoryExtension,
          ListExtension,
          configExtension(LinkExtension, {
            validateUrl: isAllowedLinkUrl,
            attributes: linkAttributes,
          }),
          RovingTabIndexExtension,
          FocusManagerExtension,
          configExtension(AutoFocusExtension, { disabled: !autoFocus }),
        ],
        $initialEditorState: (editor) => $replaceContent(editor, start.content),
      }),
    [start, autoFocus],
  );
  const noticeId = `${props.id}-draft`;
  const describedBy = [props.describedBy, showDraftNotice ? noticeId : null]
    .filter(Boolean)
    .join(" ");
  const placeholder = t("richText.placeholder");

  return (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <div
        className={`rounded-md border bg-white ${props.invalid ? "border-red-700" : "border-slate-500"}`}
      >
        <RichTextToolbar label={props.label} editorId={props.id} />
        <div className="relative">
          <ContentEditable
            id={props.id}
            aria-labelledby={props.labelId}
            aria-describedby={describedBy || undefined}
            aria-invalid={props.invalid ? true : undefined}
            aria-required={props.required ? true : undefined}
            aria-multiline
            className="min-h-40 px-3 py-2 break-words focus-visible:[outline-offset:-3px]"
            aria-placeholder={placeholder}
            placeholder={
              <div
                aria-hidden="true"
                className="pointer-events-none absolute top-2 left-3 text-slate-600 select-none"
              >
                {placeholder}
              </div>
            }
          />
        </div>
      </div>
      {showDraftNotice && props.draftKey ? (
        <DraftNotice id={noticeId} draftKey={props.draftKey} savedHtml={props.initialHtml} />
      ) : null}
      <FormFieldsPlugin name={props.name} />
      {props.draftKey ? (
        <DraftPlugin
          draftKey={props.draftKey}
          startedFromDraft={showDraftNotice}
          onCleared={() => setShowDraftNotice(false)}
        />
      ) : null}
    </LexicalExtensionComposer>
  );
}
