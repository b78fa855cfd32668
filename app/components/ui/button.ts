/** Class names for buttons and button-like links, so every action looks and focuses the same. */
export type ButtonVariant = "primary" | "secondary" | "quiet";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors " +
  "disabled:cursor-not-allowed disabled:opacity-70";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-blue-800 px-4 py-2 text-white hover:bg-blue-900",
  secondary:
    "border border-slate-400 bg-white px-3 py-1.5 text-slate-900 hover:border-slate-600 hover:bg-slate-100",
  quiet: "px-2 py-1 text-blue-800 underline-offset-4 hover:underline",
};

export function buttonClass(variant: ButtonVariant = "primary"): string {
  return `${base} ${variants[variant]}`;
}
