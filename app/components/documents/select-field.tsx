import type { ReactNode, SelectHTMLAttributes } from "react";
import { inputClass } from "~/components/forms/text-field";

/** A labelled select with its hint and error, wired like TextField. */
export function SelectField(
  props: {
    id: string;
    label: string;
    hint?: ReactNode;
    error?: string | null;
    children: ReactNode;
  } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">,
) {
  const { id, label, hint, error, className, children, ...select } = props;
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
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
      <select
        id={id}
        name={select.name ?? id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids || undefined}
        className={inputClass}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
