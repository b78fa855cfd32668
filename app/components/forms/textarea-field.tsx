import type { ReactNode, TextareaHTMLAttributes } from "react";
import { inputClass } from "./text-field";

/** A labelled textarea with its hint and error, wired like TextField. */
export function TextareaField(
  props: {
    id: string;
    label: string;
    hint?: ReactNode;
    error?: string | null;
    /** More ids for aria-describedby (e.g. the form's error message). */
    describedBy?: string | null;
  } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">,
) {
  const { id, label, hint, error, describedBy, className, ...textarea } = props;
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, describedBy ?? null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`space-y-1 ${className ?? ""}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids || undefined}
        className={inputClass}
        {...textarea}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
