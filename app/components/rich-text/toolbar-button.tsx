import type { ReactNode, Ref } from "react";

const buttonClass =
  "inline-flex h-9 min-w-9 items-center justify-center rounded px-2 text-slate-900 " +
  "hover:bg-slate-200 aria-pressed:bg-blue-100 aria-pressed:text-blue-950 " +
  "aria-pressed:ring-1 aria-pressed:ring-blue-700 aria-expanded:bg-slate-200 " +
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:bg-transparent";

/**
 * One toolbar button. Its name is `label` (the visible content is an icon), `pressed` makes it
 * a toggle, and an unavailable action stays focusable with aria-disabled so the toolbar's
 * arrow-key order does not change under the reader. Pressing it with the mouse keeps the focus
 * and the selection in the editor.
 */
export function ToolbarButton(props: {
  label: string;
  onPress: () => void;
  children: ReactNode;
  pressed?: boolean;
  unavailable?: boolean;
  /** aria-keyshortcuts, e.g. "Control+B Meta+B"; the first one is shown in the tooltip. */
  shortcuts?: string;
  expanded?: boolean;
  controls?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const shortcut = props.shortcuts?.split(" ")[0]?.replace("Control", "Ctrl");
  return (
    <button
      ref={props.buttonRef}
      type="button"
      className={buttonClass}
      aria-label={props.label}
      title={shortcut ? `${props.label} (${shortcut})` : props.label}
      aria-pressed={props.pressed}
      aria-disabled={props.unavailable ? true : undefined}
      aria-keyshortcuts={props.shortcuts}
      aria-expanded={props.expanded}
      aria-controls={props.controls}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!props.unavailable) props.onPress();
      }}
    >
      {props.children}
    </button>
  );
}
