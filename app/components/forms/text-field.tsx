import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 aria-invalid:border-red-700";

/** A labelled input with its hint and error, wired up with aria-describedby and aria-invalid. */
export function TextField(
  props: {
    id: string;
    label: string;
    hint?: ReactNode;
    error?: string | null;
    /** More ids for aria-describedby (e.g. the form's error message). */
    describedBy?: string | null;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">,
) {
  const { id, label, hint, error, describedBy, className, ...input } = props;
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
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids || undefined}
        className={inputClass}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
