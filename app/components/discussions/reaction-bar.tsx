import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DbErrorKey } from "~/lib/db-errors";
import { type ReactionKind, type ReactionSummary, reactionEmoji } from "~/lib/discussion-form";

/**
 * The reactions of one post: toggle buttons (aria-pressed) for people who may react, counts
 * otherwise. Each button posts the state it asks for, so a double click does not undo itself,
 * and shows that state at once while the database answers.
 */
export function ReactionBar(props: {
  postId: string;
  reactions: ReactionSummary[];
  canReact: boolean;
}) {
  const { t } = useTranslation();
  if (!props.canReact) {
    const given = props.reactions.filter((reaction) => reaction.count > 0);
    if (given.length === 0) return null;
    return (
      <ul aria-label={t("discussions.reactions.label")} className="flex flex-wrap gap-2">
        {given.map((reaction) => (
          <li
            key={reaction.kind}
            className="rounded-full border border-slate-300 px-2 py-0.5 text-sm"
          >
            <span aria-hidden="true">
              {reactionEmoji[reaction.kind]} {reaction.count}
            </span>
            <span className="sr-only">
              {t(`discussions.reactions.${reaction.kind}`, { count: reaction.count })}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul aria-label={t("discussions.reactions.label")} className="flex flex-wrap gap-2">
      {props.reactions.map((reaction) => (
        <li key={reaction.kind}>
          <ReactionButton postId={props.postId} reaction={reaction} />
        </li>
      ))}
    </ul>
  );
}

function ReactionButton(props: { postId: string; reaction: ReactionSummary }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ formError: DbErrorKey | null }>();
  const { kind } = props.reaction;
  // While the request is under way (and until the page's data catches up) show what was asked.
  const asked = fetcher.formData?.get("on");
  const pressed = asked === undefined || asked === null ? props.reaction.mine : asked === "true";
  const count = props.reaction.count + (pressed === props.reaction.mine ? 0 : pressed ? 1 : -1);
  const label = t(`discussions.reactions.${kind as ReactionKind}`, { count });
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="react" />
      <input type="hidden" name="postId" value={props.postId} />
      <input type="hidden" name="reaction" value={kind} />
      <input type="hidden" name="on" value={String(!pressed)} />
      <button
        type="submit"
        aria-pressed={pressed}
        aria-label={label}
        title={label}
        className={`inline-flex min-h-8 items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm ${
          pressed
            ? "border-blue-800 bg-blue-50 font-semibold text-blue-950"
            : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"
        }`}
      >
        <span aria-hidden="true">{reactionEmoji[kind]}</span>
        <span aria-hidden="true">{count}</span>
      </button>
      {fetcher.state === "idle" && fetcher.data?.formError ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800">
          {t(`dbErrors.${fetcher.data.formError}`)}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
