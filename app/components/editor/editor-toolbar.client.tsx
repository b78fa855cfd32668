import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { INSERT_TABLE_COMMAND } from "@lexical/table";
import {
  $createParagraphNode,
  $createTextNode,
  $findMatchingParent,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  mergeRegister,
  REDO_COMMAND,
  UNDO_COMMAND,
} from "lexical";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkForm } from "~/components/rich-text/link-form";
import { linkAttributes } from "~/components/rich-text/link-url";
import { ToolbarButton } from "~/components/rich-text/toolbar-button";
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  RedoIcon,
  UndoIcon,
} from "~/components/rich-text/toolbar-icons";
import { type BlockType, useDocumentFormat } from "./use-document-format.client";

function Separator() {
  return <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />;
}

function TextIcon(props: { text: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`min-w-5 text-center font-semibold ${props.className ?? ""}`}
    >
      {props.text}
    </span>
  );
}

function QuoteIcon() {
  return <TextIcon text="”" className="font-serif text-2xl leading-none" />;
}

function TableIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-5 w-5" fill="none">
      <rect x="2.5" y="3.5" width="15" height="13" rx="1" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M2.5 8h15M2.5 12.5h15M7.5 3.5v13M12.5 3.5v13"
        stroke="currentColor"
        strokeWidth="1.3"
      />
    </svg>
  );
}

/** The height the toolbar takes, reserved before the editor loads so nothing moves. */
export const toolbarHeightClass = "min-h-11";

/**
 * The document's formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys, Home
 * and End move between buttons; Alt+F10 in the text comes here and Escape goes back. Ctrl+K opens
 * the link field. Undo and redo go through the collaboration's Yjs UndoManager, so they undo
 * only this person's changes.
 */
export function EditorToolbar(props: { editorId: string; label: string }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const format = useDocumentFormat(editor);
  const toolbar = useRef<HTMLDivElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const [current, setCurrent] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const linkFormId = `${props.editorId}-link`;

  // Roving tabindex: only the current button is in the Tab order.
  useEffect(() => {
    const buttons = toolbar.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    buttons.forEach((button, index) => {
      button.tabIndex = index === current ? 0 : -1;
    });
  });

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
              event.preventDefault();
              setLinkOpen(true);
              return true;
            }
            if (event.altKey && event.key === "F10") {
              event.preventDefault();
              toolbar.current?.querySelectorAll<HTMLButtonElement>("button")[current]?.focus();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, current],
  );

  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(toolbar.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = index;
    if (event.key === "ArrowRight") next = (index + 1) % buttons.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      editor.focus();
      return;
    } else return;
    event.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  };

  const setBlock = (block: Extract<BlockType, "paragraph" | "h2" | "h3" | "quote">) => {
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      // Pressing the current block type again turns it back into a paragraph.
      const target = format.block === block ? "paragraph" : block;
      $setBlocksType(selection, () =>
        target === "paragraph"
          ? $createParagraphNode()
          : target === "quote"
            ? $createQuoteNode()
            : $createHeadingNode(target),
      );
    });
    editor.focus();
  };

  const toggleList = (type: "bullet" | "number") => {
    if (format.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (type === "bullet") editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };

  const applyLink = (url: string) => {
    editor.update(() => {
      let selection = $getSelection();
      if (!$isRangeSelection(selection)) {
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

  return (
    <>
      <div
        ref={toolbar}
        role="toolbar"
        aria-label={t("editor.toolbar.label", { label: props.label })}
        aria-controls={props.editorId}
        onKeyDown={onToolbarKeyDown}
        onFocus={(event) => {
          const buttons: EventTarget[] = [...(toolbar.current?.querySelectorAll("button") ?? [])];
          const index = buttons.indexOf(event.target);
          if (index >= 0 && index !== current) setCurrent(index);
        }}
        className={`flex flex-wrap items-center gap-1 rounded-t-md border-b border-slate-300 bg-slate-50 p-1 ${toolbarHeightClass}`}
      >
        <ToolbarButton
          label={t("editor.toolbar.paragraph")}
          pressed={format.block === "paragraph"}
          onPress={() => setBlock("paragraph")}
        >
          <TextIcon text="¶" />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.heading2")}
          pressed={format.block === "h2"}
          onPress={() => setBlock("h2")}
        >
          <TextIcon text="H2" />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.heading3")}
          pressed={format.block === "h3"}
          onPress={() => setBlock("h3")}
        >
          <TextIcon text="H3" />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label={t("editor.toolbar.bold")}
          shortcuts="Control+B Meta+B"
          pressed={format.bold}
          onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold")}
        >
          <BoldIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.italic")}
          shortcuts="Control+I Meta+I"
          pressed={format.italic}
          onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic")}
        >
          <ItalicIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.underline")}
          shortcuts="Control+U Meta+U"
          pressed={format.underline}
          onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "underline")}
        >
          <TextIcon text="U" className="font-serif text-lg underline" />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label={t("editor.toolbar.bulletList")}
          pressed={format.block === "bullet"}
          onPress={() => toggleList("bullet")}
        >
          <BulletListIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.numberedList")}
          pressed={format.block === "number"}
          onPress={() => toggleList("number")}
        >
          <NumberedListIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.quote")}
          pressed={format.block === "quote"}
          onPress={() => setBlock("quote")}
        >
          <QuoteIcon />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          buttonRef={linkButton}
          label={t("editor.toolbar.link")}
          shortcuts="Control+K Meta+K"
          pressed={format.linkUrl !== null}
          expanded={linkOpen}
          controls={linkOpen ? linkFormId : undefined}
          onPress={() => setLinkOpen((open) => !open)}
        >
          <LinkIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.table")}
          onPress={() => {
            editor.dispatchCommand(INSERT_TABLE_COMMAND, {
              rows: "3",
              columns: "3",
              includeHeaders: { rows: true, columns: false },
            });
            editor.focus();
          }}
        >
          <TableIcon />
        </ToolbarButton>
        <Separator />
        <ToolbarButton
          label={t("editor.toolbar.undo")}
          shortcuts="Control+Z Meta+Z"
          unavailable={!format.canUndo}
          onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          <UndoIcon />
        </ToolbarButton>
        <ToolbarButton
          label={t("editor.toolbar.redo")}
          shortcuts="Control+Y Meta+Shift+Z"
          unavailable={!format.canRedo}
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
          onCancel={() => {
            setLinkOpen(false);
            linkButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
