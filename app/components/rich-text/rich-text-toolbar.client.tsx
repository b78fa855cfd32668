import { HistoryExtension } from "@lexical/history";
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useExtensionSignalValue } from "@lexical/react/useExtensionSignalValue";
import { useLexicalFocusManagerRef } from "@lexical/react/useLexicalFocusManagerRef";
import { useLexicalRovingTabIndexRef } from "@lexical/react/useLexicalRovingTabIndexRef";
import {
  $createTextNode,
  $findMatchingParent,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from "lexical";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkForm } from "./link-form";
import { linkAttributes } from "./link-url";
import { ToolbarButton } from "./toolbar-button";
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  RedoIcon,
  UndoIcon,
} from "./toolbar-icons";
import { useSelectionFormat } from "./use-selection-format.client";

function Separator() {
  return <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />;
}

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys, Home and End
 * move between the buttons; Alt+F10 in the text jumps here and Escape goes back. Ctrl+K opens
 * the link field.
 */
export function RichTextToolbar(props: { label: string; editorId: string }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const format = useSelectionFormat(editor);
  const canUndo = useExtensionSignalValue(HistoryExtension, "canUndo");
  const canRedo = useExtensionSignalValue(HistoryExtension, "canRedo");
  const rovingRef = useLexicalRovingTabIndexRef();
  const focusManagerRef = useLexicalFocusManagerRef();
  const toolbarRef = useCallback(
    (element: HTMLDivElement | null) => {
      rovingRef(element);
      focusManagerRef(element);
    },
    [rovingRef, focusManagerRef],
  );
  const linkButton = useRef<HTMLButtonElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const linkFormId = `${props.editorId}-link`;

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "k") return false;
          event.preventDefault();
          setLinkOpen(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  const applyLink = (url: string) => {
    editor.update(() => {
      let selection = $getSelection();
      if (!$isRangeSelection(selection)) {
        // Never been in the text: the link goes at the end.
        $getRoot().selectEnd();
        selection = $getSelection();
      }
      if (!$isRangeSelection(selection)) return;
      const insideLink = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
      if (selection.isCollapsed() && !insideLink) {
        // Nothing selected to turn into a link: the address becomes the link's text.
        selection.insertNodes([$createLinkNode(url, linkAttributes).append($createTextNode(url))]);
      } else {
        editor.dispatchCommand(TOGGLE_LINK_COMMAND, { url, ...linkAttributes });
      }
    });
    setLinkOpen(false);
    editor.focus();
  };

  const removeLink = () => {
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    setLinkOpen(false);
    editor.focus();
  };

  const cancelLink = () => {
    setLinkOpen(false);
    linkButton.current?.focus();
  };

  const toggleList = (type: "bullet" | "number") => {
    if (format.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (type === "bullet") editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  return (
    <>
      <div
        ref={toolbarRef}
        role="toolbar"
        aria-label={t("richText.toolbar", { label: props.label })}
        aria-controls={props.editorId}
        className="flex flex-wrap items-center gap-1 rounded-t-md border-b border-slate-300 bg-slate-50 p-1"
      >
        <ToolbarButton
          label={t("richText.bold")}
          shortcuts="Control+B Meta+B"
          pressed={format.bold}
          onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold")}
        >
          <BoldIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("richText.italic")}
          shortcuts="Control+I Meta+I"
          pressed={format.italic}
          onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic")}
        >
          <ItalicIcon />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label={t("richText.bulletList")}
          pressed={format.list === "bullet"}
          onPress={() => toggleList("bullet")}
        >
          <BulletListIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("richText.numberedList")}
          pressed={format.list === "number"}
          onPress={() => toggleList("number")}
        >
          <NumberedListIcon />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          buttonRef={linkButton}
          label={t("richText.link")}
          shortcuts="Control+K Meta+K"
          pressed={format.linkUrl !== null}
          expanded={linkOpen}
          controls={linkOpen ? linkFormId : undefined}
          onPress={() => setLinkOpen((open) => !open)}
        >
          <LinkIcon />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label={t("richText.undo")}
          shortcuts="Control+Z Meta+Z"
          unavailable={!canUndo}
          onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          <UndoIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("richText.redo")}
          shortcuts="Control+Y Meta+Shift+Z"
          unavailable={!canRedo}
          onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          <RedoIcon />
        </ToolbarButton>
      </div>
      {linkOpen ? (
        <LinkForm
          id={linkFormId}
          initialUrl={format.linkUrl ?? ""}
          editing={format.linkUrl !== null}
          onApply={applyLink}
          onRemove={removeLink}
          onCancel={cancelLink}
        />
      ) : null}
    </>
  );
}
