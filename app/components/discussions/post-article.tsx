import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import type { Post } from "~/lib/discussion-form";
import { MentionChips, PostMeta } from "./post-meta";
import { ReactionBar } from "./reaction-bar";

/**
 * One post (the opening post or a reply): author and time, the text (sanitised on the server in
 * this request), the people it mentions, reactions and the actions the person may try. While
 * the post is being edited, `editor` takes the place of the text.
 */
export function PostArticle(props: {
  id?: string;
  label: string;
  post: Post;
  /** The accepted answer: marked in words and with a border, not by colour alone. */
  accepted?: boolean;
  canReact: boolean;
  editor?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { post } = props;
  return (
    <article
      id={props.id}
      aria-label={props.label}
      className={`scroll-mt-4 space-y-3 rounded-lg border bg-white p-4 ${
        props.accepted ? "border-2 border-green-700" : "border-slate-200"
      }`}
    >
      {props.accepted ? (
        <p className="inline-flex items-center gap-1 rounded-full bg-green-50 px-2 py-0.5 text-sm font-semibold text-green-900">
          <span aria-hidden="true">✓</span>
          {t("discussions.post.acceptedAnswer")}
        </p>
      ) : null}
      <PostMeta author={post.author} created={post.created} edited={post.edited} />
      {props.editor ?? (
        <>
          <RichTextContent html={post.bodyHtml} />
          <MentionChips mentions={post.mentions} />
          <ReactionBar postId={post.id} reactions={post.reactions} canReact={props.canReact} />
        </>
      )}
      {props.actions && !props.editor ? (
        <div className="flex flex-wrap gap-2">{props.actions}</div>
      ) : null}
    </article>
  );
}
