import { useEffect, useRef } from "react";

export interface FieldProblem {
  /** The id of the field the problem is about; the summary links to it. */
  field: string;
  message: string;
}

/**
 * What went wrong with a form, at its top: a heading, a message for the whole form and links to
 * each field with a problem. It takes the focus when it appears, so keyboard and screen-reader
 * users start from the list of problems (the GOV.UK pattern).
 */
export function ErrorSummary(props: {
  title: string;
  formError?: { id: string; message: string } | null;
  problems?: FieldProblem[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const problems = props.problems ?? [];
  const signature = `${props.formError?.message ?? ""}|${problems.map((p) => p.field).join(",")}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever the problems change
  useEffect(() => {
    ref.current?.focus();
  }, [signature]);
  if (!props.formError && problems.length === 0) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900"
    >
      <p className="font-semibold">{props.title}</p>
      {props.formError ? <p id={props.formError.id}>{props.formError.message}</p> : null}
      {problems.length > 0 ? (
        <ul className="list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem.field}>
              <a href={`#${problem.field}`} className="underline underline-offset-2">
                {problem.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
