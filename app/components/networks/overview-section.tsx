import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** One list of the overview: a heading, the items or an empty state, and a link to its tab. */
export function OverviewSection(props: {
  id: string;
  title: string;
  empty: string | null;
  more: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${props.id}-heading`}
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h3 id={`${props.id}-heading`} className="text-xl font-semibold">
        {props.title}
      </h3>
      {props.empty ? (
        <p className="text-slate-700">{props.empty}</p>
      ) : (
        <ul className="space-y-3">{props.children}</ul>
      )}
      <p>
        <Link to={props.more.to} className="font-medium text-blue-800 underline underline-offset-4">
          {props.more.label}
        </Link>
      </p>
    </section>
  );
}
