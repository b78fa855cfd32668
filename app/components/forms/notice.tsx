import type { ReactNode } from "react";

const tones = {
  success: "border-green-700 bg-green-50 text-green-950",
  info: "border-blue-700 bg-blue-50 text-blue-950",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
} as const;

/** A message about what just happened; announced politely by screen readers. */
export function Notice(props: { tone?: keyof typeof tones; children: ReactNode; id?: string }) {
  return (
    <div
      id={props.id}
      role="status"
      className={`rounded-md border-l-4 p-4 ${tones[props.tone ?? "info"]}`}
    >
      {props.children}
    </div>
  );
}
