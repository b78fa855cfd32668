import type { ReactNode } from "react";

const tones = {
  neutral: "border-slate-500 bg-slate-50 text-slate-800",
  info: "border-blue-700 bg-blue-50 text-blue-950",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
  danger: "border-red-700 bg-red-50 text-red-900",
} as const;
export type BadgeTone = keyof typeof tones;

/** A short state in words, coloured as a second cue only. */
export function StatusBadge(props: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[props.tone]}`}
    >
      {props.children}
    </span>
  );
}
