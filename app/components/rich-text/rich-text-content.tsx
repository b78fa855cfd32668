/**
 * Shows a post, an agenda or minutes. `html` MUST be the output of sanitizeRichText
 * (~/lib/rich-text.server) computed on the server in the same request: loaders sanitise stored
 * HTML again when they read it, not only when it is written, because rows can also be written
 * directly through the REST API (decision 010). Never pass HTML from the browser or straight from
 * the database.
 */

const proseClass = [
  "max-w-none break-words text-slate-900",
  "[&_p]:my-3 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0",
  "[&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_li]:my-1 [&_li>ul]:my-1 [&_li>ol]:my-1",
  "[&_a]:text-blue-800 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-blue-950",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-700",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-sm",
  "[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_strong]:font-bold [&_b]:font-bold",
].join(" ");

export function RichTextContent(props: { html: string; className?: string; id?: string }) {
  return (
    <div
      id={props.id}
      className={props.className ? `${proseClass} ${props.className}` : proseClass}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server in this request (see above)
      dangerouslySetInnerHTML={{ __html: props.html }}
    />
  );
}
