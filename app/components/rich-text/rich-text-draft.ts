/**
 * Unsent rich text kept in the browser's localStorage, so a reload, a closed tab or an expired
 * session does not lose what someone wrote. A draft is a convenience: where storage is blocked
 * or full the editor works on without one.
 */

const keyPrefix = "verkko:draft:";

/** The event a mounted editor listens to, so it forgets a draft that was just cleared. */
export const draftClearedEvent = "verkko:rich-text-draft-cleared";

export function draftStorageKey(draftKey: string): string {
  return `${keyPrefix}${draftKey}`;
}

function localStorageOrNull(): Storage | null {
  if (typeof window === "undefined") return null;
  try {
    return window.localStorage;
  } catch {
    // Reading the property throws a SecurityError where the browser blocks site storage.
    return null;
  }
}

/** Markup reduced to what a reader sees: tags and link targets, no classes, styles or spans. */
function comparableMarkup(html: string): string {
  return html
    .replace(
      /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi,
      (_tag, slash: string, name: string, rest: string) => {
        const tag = name.toLowerCase();
        if (tag === "span") return "";
        const href = tag === "a" && !slash ? / href="([^"]*)"/i.exec(rest)?.[1] : undefined;
        return href === undefined ? `<${slash}${tag}>` : `<a href="${href}">`;
      },
    )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a draft says the same as the saved text. The editor's HTML carries classes, styles and
 * wrapper spans that the sanitised, saved copy does not, so the strings themselves never match.
 */
export function draftMatchesSaved(draftHtml: string, savedHtml: string): boolean {
  return comparableMarkup(draftHtml) === comparableMarkup(savedHtml);
}

/** The saved HTML for `draftKey`, or null when there is none (or storage is blocked). */
export function readRichTextDraft(draftKey: string): string | null {
  try {
    return localStorageOrNull()?.getItem(draftStorageKey(draftKey)) ?? null;
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser refused (storage blocked or full). */
export function saveRichTextDraft(draftKey: string, html: string): boolean {
  const storage = localStorageOrNull();
  if (!storage) return false;
  try {
    storage.setItem(draftStorageKey(draftKey), html);
    return true;
  } catch {
    // QuotaExceededError: the text is still in the editor and in the form.
    return false;
  }
}

/** Forgets the draft without telling mounted editors (the editor's own bookkeeping). */
export function removeRichTextDraft(draftKey: string): void {
  try {
    localStorageOrNull()?.removeItem(draftStorageKey(draftKey));
  } catch {
    // Nothing was stored where storage is blocked.
  }
}

/**
 * Forgets the draft for `draftKey`. Call it when the action that received the text reports
 * success, e.g. `useEffect(() => { if (actionData?.success) clearRichTextDraft(key) }, [actionData])`.
 * A mounted editor with that key drops its pending save and its "restored draft" note. To empty
 * the editor as well, remount it (change its React `key`) after clearing, in the same effect.
 */
export function clearRichTextDraft(draftKey: string): void {
  removeRichTextDraft(draftKey);
  if (typeof window !== "undefined") {
    window.dispatchEvent(new CustomEvent<string>(draftClearedEvent, { detail: draftKey }));
  }
}
