/** Classes of a navigation link, marking the current page by more than colour alone. */
export function navLinkClass(isActive: boolean, padding = "px-3 py-2"): string {
  return `block rounded-md ${padding} font-medium ${
    isActive
      ? "bg-blue-50 text-blue-900 underline decoration-2 underline-offset-4"
      : "text-slate-800 hover:bg-slate-100"
  }`;
}
