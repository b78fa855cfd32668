import type { ReactNode } from "react";

/** One part of the board's dashboard: a heading, an optional intro, the items or an empty state. */
export function DashboardSection(props: {
  id: string;
  title: string;
  intro?: string;
  empty: string | null;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${props.id}-heading`}
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id={`${props.id}-heading`} className="text-2xl font-semibold">
        {props.title}
      </h2>
      {props.intro ? <p className="text-slate-700">{props.intro}</p> : null}
      {props.empty ? (
        <p className="rounded-md border border-dashed border-slate-400 p-4">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200">{props.children}</ul>
      )}
      {props.footer}
    </section>
  );
}
