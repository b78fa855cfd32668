import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { richTextToPlainText } from "./html-to-text";
import { LexicalEditor } from "./lexical-editor.client";
import { useHydrated } from "./use-hydrated";

export { clearRichTextDraft } from "./rich-text-draft";

export interface RichTextEditorProps {
  /** Base name of the form fields: the form posts `${name}_html` and `${name}_text`. */
  name: string;
  /** Visible label; it names the editable area (aria-labelledby). */
  label: string;
  /** Id of the editable area (an error summary links here). Default: `name`. */
  id?: string;
  /** Saved content to edit; HTML that went through sanitizeRichText. */
  initialHtml?: string;
  description?: ReactNode;
  error?: string | null;
  /** More ids for aria-describedby (e.g. the form's error message). */
  describedBy?: string | null;
  /**
   * Keeps unsent text in this browser under `verkko:draft:${draftKey}`, restores it on the next
   * visit and offers to discard it. Name the place and the thing, e.g. `reply:${threadId}`, and
   * call clearRichTextDraft(draftKey) once the action reports success.
   */
  draftKey?: string;
  required?: boolean;
}

/**
 * A rich-text field for posts, agendas and minutes. The server and the first browser render show
 * a plain textarea (`${name}_text`), so the form works without JavaScript; after hydration the
 * Lexical editor takes its place, with whatever was typed in the meantime, and keeps the hidden
 * fields `${name}_html` and `${name}_text` up to date. Read them with richTextFromForm.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { t } = useTranslation();
  const id = props.id ?? props.name;
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy =
    [props.description ? descriptionId : null, props.error ? errorId : null, props.describedBy]
      .filter(Boolean)
      .join(" ") || undefined;
  const initialHtml = props.initialHtml ?? "";
  const fallbackText = useMemo(() => richTextToPlainText(initialHtml), [initialHtml]);

  // Mounted after hydration (a client-side navigation): straight to the editor.
  const [enhanced, setEnhanced] = useState(useHydrated());
  const [handover, setHandover] = useState({ typedText: null as string | null, hadFocus: false });
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (enhanced) return;
    const element = textarea.current;
    const typed = element?.value ?? fallbackText;
    setHandover({
      typedText: typed !== fallbackText ? typed : null,
      hadFocus: element !== null && element === document.activeElement,
    });
    setEnhanced(true);
  }, [enhanced, fallbackText]);

  return (
    <div className="space-y-1">
      <label id={labelId} htmlFor={enhanced ? undefined : id} className="block font-medium">
        {props.label}
      </label>
      {props.description ? (
        <div id={descriptionId} className="text-sm text-slate-700">
          {props.description}
        </div>
      ) : null}
      {enhanced ? (
        <LexicalEditor
          id={id}
          name={props.name}
          label={props.label}
          labelId={labelId}
          describedBy={describedBy}
          invalid={Boolean(props.error)}
          required={props.required ?? false}
          initialHtml={initialHtml}
          typedText={handover.typedText}
          draftKey={props.draftKey}
          autoFocus={handover.hadFocus}
        />
      ) : (
        <textarea
          ref={textarea}
          id={id}
          name={`${props.name}_text`}
          defaultValue={fallbackText}
          required={props.required}
          rows={8}
          placeholder={t("richText.placeholder")}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} min-h-40`}
        />
      )}
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
