import { useTranslation } from "react-i18next";
import type { Author, Mention, Moment } from "~/lib/discussion-form";

/** Who wrote a post and when, and whether it was edited afterwards. */
export function PostMeta(props: {
  author: Author;
  created: Moment;
  edited: Moment | null;
  /** Id of the author's name, to name the post's article by. */
  nameId?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm text-slate-700">
      <span id={props.nameId} className="font-semibold text-slate-900">
        {props.author.name ?? t("discussions.formerMember")}
      </span>
      {props.author.organisation ? <span>{props.author.organisation}</span> : null}
      <span aria-hidden="true">·</span>
      <time dateTime={props.created.iso}>{props.created.text}</time>
      {props.edited ? (
        <span title={t("discussions.post.editedAt", { date: props.edited.text })}>
          ({t("discussions.post.edited")}
          <span className="sr-only">
            {" "}
            <time dateTime={props.edited.iso}>{props.edited.text}</time>
          </span>
          )
        </span>
      ) : null}
    </p>
  );
}

/** The people a post mentions, as "@Name" chips. */
export function MentionChips(props: { mentions: Mention[] }) {
  const { t } = useTranslation();
  if (props.mentions.length === 0) return null;
  return (
    <ul aria-label={t("discussions.mentions.listLabel")} className="flex flex-wrap gap-2">
      {props.mentions.map((mention) => (
        <li
          key={mention.userId}
          className="rounded-full bg-blue-50 px-2 py-0.5 text-sm font-medium text-blue-900"
        >
          @{mention.name ?? t("discussions.formerMember")}
        </li>
      ))}
    </ul>
  );
}
