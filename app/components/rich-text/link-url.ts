/**
 * The addresses a link in a post may have: https:// and mailto: only. The toolbar, the editor's
 * paste handling and (with http:// allowed for older content) the server sanitiser agree on it.
 */

/** The address in the form a link stores it, or null when it is not an allowed address. */
export function normaliseLinkUrl(input: string): string | null {
  const value = input.trim();
  if (/^mailto:[^\s@/]+@[^\s@/]+\.[^\s@/]+$/i.test(value)) return value;
  if (!/^https:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") ? url.href : null;
  } catch {
    return null;
  }
}

export function isAllowedLinkUrl(input: string): boolean {
  return normaliseLinkUrl(input) !== null;
}

/** Attributes of every link the editor makes; the sanitiser enforces the same on the server. */
export const linkAttributes = { rel: "noopener noreferrer nofollow", target: "_blank" } as const;
