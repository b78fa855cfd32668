/**
 * How comment marks look in the text: a background and an underline, so they are visible
 * without relying on colour alone. The editor's theme (H3's) spreads `commentMarkTheme` in:
 * MarkNode reads the theme keys `mark` and `markOverlap`. The classes are written out in full so
 * Tailwind finds them.
 */
export const commentMarkTheme = {
  mark: "editor-mark bg-amber-100 underline decoration-amber-700 decoration-2 underline-offset-4 cursor-pointer",
  markOverlap: "editor-mark-overlap bg-amber-200",
} as const;

/** Added to a thread's marks while the thread is the one being looked at. */
export const activeMarkClasses = [
  "editor-mark-active",
  "bg-amber-300",
  "outline",
  "outline-2",
  "outline-amber-800",
];
