import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { discardDraftTag } from "./draft-plugin.client";
import { $replaceContent } from "./editor-content.client";
import { clearRichTextDraft } from "./rich-text-draft";

/**
 * Says that the editor shows a draft from this browser instead of the saved text, and offers to
 * go back to the saved text. Undo brings the draft back.
 */
export function DraftNotice(props: { draftKey: string; savedHtml: string; id: string }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const discard = () => {
    editor.update(() => $replaceContent(editor, { kind: "html", html: props.savedHtml }), {
      discrete: true,
      tag: discardDraftTag,
    });
    // The draft plugin hears this and hides the notice; the focus then goes back to the text.
    clearRichTextDraft(props.draftKey);
    editor.focus();
  };
  return (
    <div
      id={props.id}
      role="status"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border-l-4 border-blue-700 bg-blue-50 px-3 py-2 text-sm text-blue-950"
    >
      <p>{t("richText.draftRestored")}</p>
      <button type="button" className={buttonClass("quiet")} onClick={discard}>
        {t("richText.discardDraft")}
      </button>
    </div>
  );
}
