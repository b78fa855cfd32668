/**
 * Rich text (discussion posts, meeting agendas and minutes) on its way in and out of the
 * database: an allow-list sanitiser, the no-JavaScript fallback and one form reader for every
 * route. Decision 010 explains why HTML is sanitised both on write and on render.
 */
import sanitizeHtml from "sanitize-html";
import type { FormErrorKey } from "~/lib/form-errors";

const allowedTags = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "ul",
  "ol",
  "li",
  "a",
  "h2",
  "h3",
  "blockquote",
  "code",
  "pre",
  "span",
];

/** Every link opens in a new tab without handing the opener, the referrer or our ranking over. */
const linkRel = "noopener noreferrer nofollow";

/**
 * The href itself, or null. Only absolute http(s) and mailto addresses: a relative or
 * protocol-relative URL would resolve against whichever page shows the text, and anything with
 * whitespace or control characters inside the scheme ("java\tscript:") is refused outright.
 */
function allowedHref(href: string | undefined): string | null {
  const value = href?.trim() ?? "";
  return /^(https?:\/\/[^\s/]|mailto:[^\s])/i.test(value) ? value : null;
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: {},
  // No style attribute survives, so sanitize-html need not parse them (it would use postcss).
  parseStyleAttributes: false,
  disallowedTagsMode: "discard",
  // Tags whose content is not prose: dropped with the tag instead of leaking as text.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "template",
    "title",
    "select",
    "iframe",
    "object",
    "svg",
    "math",
  ],
  transformTags: {
    // Pasted documents keep their outline at the two heading levels a post may use.
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = allowedHref(attribs.href);
      // A link to nowhere keeps its words and loses the anchor.
      if (!href) return { tagName: "span", attribs: {} };
      return { tagName: "a", attribs: { href, rel: linkRel, target: "_blank" } };
    },
  },
};

/**
 * Keeps only the tags a post may use (p, br, strong, b, em, i, u, s, ul, ol, li, a, h2, h3,
 * blockquote, code, pre, span) with no attributes except a link's href (http, https or mailto),
 * and forces `rel="noopener noreferrer nofollow" target="_blank"` on every link. Scripts, styles,
 * event handlers, images and frames are dropped. Run it on every write and again before
 * rendering.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options);
}

/**
 * Co-edited documents are longer than posts: they keep every heading level, tables and the marks
 * that anchor comment threads (with their thread ids). Links get the same treatment as in posts.
 */
const documentOptions: sanitizeHtml.IOptions = {
  ...options,
  allowedTags: [
    ...allowedTags,
    "h1",
    "h4",
    "h5",
    "h6",
    "sub",
    "sup",
    "mark",
    "table",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    mark: ["data-thread-ids"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  transformTags: { a: options.transformTags?.a ?? "a" },
};

/** sanitizeRichText for documents: also h1–h6, tables, sub/sup and comment marks. */
export function sanitizeDocumentHtml(html: string): string {
  return sanitizeHtml(html, documentOptions);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Line endings as the editor writes them: browsers submit a textarea's lines as CRLF. */
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Plain text (a post written without JavaScript) as HTML: paragraphs where a blank line
 * separates them, `<br />` (as sanitizeRichText writes it) for single line breaks, everything
 * escaped.
 */
export function plainTextToHtml(text: string): string {
  return normaliseNewlines(text)
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll("\n", "<br />")}</p>`)
    .join("");
}

/** Message keys from `forms.errors` (and `richText.errors`) that a route shows for the field. */
export type RichTextFieldError = Extract<FormErrorKey, "required" | "tooLong">;

export type RichTextFormResult =
  | { success: true; html: string; text: string }
  | { success: false; error: RichTextFieldError };

export interface RichTextLimits {
  /** The most characters (Unicode code points, like Postgres' char_length) of plain text. */
  maxTextLength: number;
  /**
   * The most characters of sanitised HTML. The text length is what the client says, so this
   * bounds what a hand-made request can store. Default: 20 × maxTextLength, room for markup
   * around every other word.
   */
  maxHtmlLength?: number;
  /** When false, an empty field is a success with empty html and text. Default true. */
  required?: boolean;
}

function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Reads the editor's fields `${name}_html` and `${name}_text` from a submitted form. The html
 * comes back sanitised and the text trimmed; a form posted without JavaScript has only the text,
 * which then becomes paragraphs. Fails with "required" when there is no text and "tooLong" past
 * the limits.
 */
export function richTextFromForm(
  form: FormData,
  name: string,
  limits: RichTextLimits,
): RichTextFormResult {
  const rawText = form.get(`${name}_text`);
  const rawHtml = form.get(`${name}_html`);
  const text = normaliseNewlines(typeof rawText === "string" ? rawText : "").trim();
  const required = limits.required ?? true;
  if (text === "") {
    return required ? { success: false, error: "required" } : { success: true, html: "", text };
  }
  if (characterCount(text) > limits.maxTextLength) return { success: false, error: "tooLong" };
  const html =
    typeof rawHtml === "string" ? sanitizeRichText(rawHtml).trim() : plainTextToHtml(text);
  const maxHtmlLength = limits.maxHtmlLength ?? limits.maxTextLength * 20;
  if (characterCount(html) > maxHtmlLength) return { success: false, error: "tooLong" };
  return { success: true, html, text };
}
