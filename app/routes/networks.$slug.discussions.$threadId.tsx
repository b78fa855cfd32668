import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDelete } from "~/components/discussions/confirm-delete";
import { PostArticle } from "~/components/discussions/post-article";
import { PostForm } from "~/components/discussions/post-form";
import { ReadOnlyNote } from "~/components/discussions/read-only-note";
import { AnsweredBadge, ThreadKindBadge } from "~/components/discussions/thread-badges";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { clearRichTextDraft } from "~/components/rich-text/rich-text-draft";
import { buttonClass } from "~/components/ui/button";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import {
  editThreadSchema,
  emptyPostFormValues,
  isReactionKind,
  isUuid,
  type Post,
  type PostFormValues,
  parseDiscussionForm,
  postMaxTextLength,
  readOnlyReason,
  replySchema,
  type ThreadFieldErrors,
} from "~/lib/discussion-form";
import {
  createReply,
  deleteReply,
  deleteThread,
  getThread,
  markAnswer,
  mentionCandidates,
  postedPostValues,
  setReaction,
  updateReply,
  updateThread,
} from "~/lib/discussions.server";
import { formValues } from "~/lib/form-errors";
import { getLocale } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import { richTextFromForm } from "~/lib/rich-text.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, role, canWrite, isCoordinator } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const found = await getThread(client, network.id, params.threadId ?? "", user.id, locale);
  if (!found) throw data({ notFound: true }, { status: 404, headers });
  const { thread, replies } = found;
  // Which controls to show; the policies and mark_thread_answer decide what is allowed.
  const mayEdit = (post: Post) => canWrite && post.authorId === user.id;
  const mayDelete = (post: Post) => mayEdit(post) || isCoordinator;
  const accepted = replies.find((reply) => reply.id === thread.answerReplyId);
  return data(
    {
      title: pageTitle(`${thread.title} – ${networkName(network, locale)}`),
      slug: network.slug,
      networkId: network.id,
      thread: { ...thread, canEdit: mayEdit(thread), canDelete: mayDelete(thread) },
      // The accepted answer first, then the others in the order they were written.
      replies: [
        ...(accepted ? [accepted] : []),
        ...replies.filter((reply) => reply !== accepted),
      ].map((reply) => ({ ...reply, canEdit: mayEdit(reply), canDelete: mayDelete(reply) })),
      canWrite,
      canMarkAnswer:
        canWrite && thread.kind === "question" && (thread.authorId === user.id || isCoordinator),
      readOnly: readOnlyReason({ canWrite, archived: network.archived_at !== null, role }),
      candidates: canWrite ? await mentionCandidates(client, network.id, user.id, locale) : [],
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type Intent =
  | "reply"
  | "react"
  | "markAnswer"
  | "unmarkAnswer"
  | "editThread"
  | "editReply"
  | "deleteThread"
  | "deleteReply";

export interface ThreadActionData {
  intent: Intent | null;
  postId: string | null;
  values: PostFormValues | null;
  fieldErrors: ThreadFieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network, user } = await requireNetwork(request, context, params.slug);
  const threadId = params.threadId ?? "";
  if (!isUuid(threadId)) throw data({ notFound: true }, { status: 404, headers });
  const form = await request.formData();
  const intent = form.get("intent");
  const replyId = form.get("replyId");
  const base = `/networks/${network.slug}/discussions/${threadId}`;
  const replyAnchor = (id: string) => `#reply-${id}`;

  const refused = (error: DbErrorLike, failedIntent: Intent, postId: string | null) => {
    const formError = dbErrorKey(error);
    if (formError === "unavailable")
      console.error(`Discussion action ${failedIntent} failed`, error);
    return data<ThreadActionData>(
      {
        intent: failedIntent,
        postId,
        values:
          failedIntent.startsWith("edit") || failedIntent === "reply"
            ? postedPostValues(form)
            : null,
        fieldErrors: {},
        formError,
      },
      { status: statusForDbError[formError], headers },
    );
  };
  const invalid = (failedIntent: Intent, postId: string | null, fieldErrors: ThreadFieldErrors) =>
    data<ThreadActionData>(
      {
        intent: failedIntent,
        postId,
        values: postedPostValues(form),
        fieldErrors,
        formError: null,
      },
      { status: 400, headers },
    );

  switch (intent) {
    case "reply": {
      const fields = parseDiscussionForm(replySchema, formValues(form, ["mentions"]));
      const body = richTextFromForm(form, "body", { maxTextLength: postMaxTextLength });
      const fieldErrors: ThreadFieldErrors = fields.success ? {} : fields.fieldErrors;
      if (!body.success) fieldErrors.body = body.error;
      if (!fields.success || !body.success) return invalid("reply", null, fieldErrors);
      const created = await createReply(client, threadId, fields.data.mentions, body);
      if ("error" in created) return refused(created.error, "reply", null);
      throw redirect(`${base}?done=replied${replyAnchor(created.id)}`, { headers });
    }
    case "react": {
      const postId = form.get("postId");
      const reaction = form.get("reaction");
      if (!isUuid(postId) || !isReactionKind(reaction)) {
        return refused({ code: "22023" }, "react", null);
      }
      const error = await setReaction(
        client,
        user.id,
        threadId,
        postId === threadId ? null : postId,
        reaction,
        form.get("on") === "true",
      );
      if (error) return refused(error, "react", postId);
      return data<ThreadActionData>(
        { intent: "react", postId, values: null, fieldErrors: {}, formError: null },
        { headers },
      );
    }
    case "markAnswer":
    case "unmarkAnswer": {
      const marked = intent === "markAnswer" && isUuid(replyId) ? replyId : null;
      if (intent === "markAnswer" && !marked) return refused({ code: "22023" }, intent, null);
      const error = await markAnswer(client, threadId, marked);
      if (error) return refused(error, intent, marked);
      throw redirect(
        marked ? `${base}?done=answerMarked${replyAnchor(marked)}` : `${base}?done=answerUnmarked`,
        { headers },
      );
    }
    case "editThread": {
      const fields = parseDiscussionForm(editThreadSchema, formValues(form));
      const body = richTextFromForm(form, "body", { maxTextLength: postMaxTextLength });
      const fieldErrors: ThreadFieldErrors = fields.success ? {} : fields.fieldErrors;
      if (!body.success) fieldErrors.body = body.error;
      if (!fields.success || !body.success) return invalid("editThread", threadId, fieldErrors);
      const error = await updateThread(client, threadId, fields.data.title, body);
      if (error) return refused(error, "editThread", threadId);
      throw redirect(`${base}?done=edited`, { headers });
    }
    case "editReply": {
      if (!isUuid(replyId)) return refused({ code: "22023" }, "editReply", null);
      const body = richTextFromForm(form, "body", { maxTextLength: postMaxTextLength });
      if (!body.success) return invalid("editReply", replyId, { body: body.error });
      const error = await updateReply(client, threadId, replyId, body);
      if (error) return refused(error, "editReply", replyId);
      throw redirect(`${base}?done=edited${replyAnchor(replyId)}`, { headers });
    }
    case "deleteThread": {
      const error = await deleteThread(client, network.id, threadId);
      if (error) return refused(error, "deleteThread", threadId);
      throw redirect(`/networks/${network.slug}/discussions?done=deleted`, { headers });
    }
    case "deleteReply": {
      if (!isUuid(replyId)) return refused({ code: "22023" }, "deleteReply", null);
      const error = await deleteReply(client, threadId, replyId);
      if (error) return refused(error, "deleteReply", replyId);
      throw redirect(`${base}?done=replyDeleted`, { headers });
    }
    default:
      return refused({ code: "22023" }, "react", null);
  }
}

const doneNotices = {
  created: "discussions.done.created",
  replied: "discussions.done.replied",
  edited: "discussions.done.edited",
  replyDeleted: "discussions.done.replyDeleted",
  answerMarked: "discussions.done.answerMarked",
  answerUnmarked: "discussions.done.answerUnmarked",
} as const;

function isDone(value: string | null): value is keyof typeof doneNotices {
  return value !== null && value in doneNotices;
}

export default function ThreadPage() {
  const { slug, networkId, thread, replies, canWrite, canMarkAnswer, readOnly, candidates } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const base = `/networks/${slug}/discussions/${thread.id}`;
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const editing = searchParams.get("edit");
  const deleting = searchParams.get("delete");
  const [replyEditorKey, setReplyEditorKey] = useState(0);
  const replyDraftKey = `reply:${thread.id}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival (location.key), not per render
  useEffect(() => {
    if (done === "created") clearRichTextDraft(`thread:new:${networkId}`);
    if (done === "replied") {
      // The reply reached the database: forget its draft and start the editor afresh.
      clearRichTextDraft(replyDraftKey);
      setReplyEditorKey((key) => key + 1);
    }
  }, [location.key]);

  const busy = navigation.state !== "idle";
  const failed = (intent: string, postId?: string) =>
    actionData?.intent === intent && (postId === undefined || actionData.postId === postId)
      ? actionData
      : null;
  // Refusals of actions without a form of their own (marking, deleting) show at the top.
  const topError =
    actionData?.formError &&
    ["markAnswer", "unmarkAnswer", "deleteThread", "deleteReply"].includes(actionData.intent ?? "")
      ? actionData.formError
      : null;

  const editForm = (mode: "editThread" | "editReply", post: Post & { title?: string }) => {
    const failure = failed(mode, post.id);
    return (
      <PostForm
        mode={mode}
        idPrefix="edit-"
        intent={mode}
        values={
          failure?.values ?? {
            ...emptyPostFormValues,
            title: post.title ?? "",
            bodyHtml: post.bodyHtml,
          }
        }
        fieldErrors={failure?.fieldErrors ?? {}}
        formError={failure?.formError ?? null}
        hiddenFields={mode === "editReply" ? { replyId: post.id } : undefined}
        cancelTo={mode === "editReply" ? `${base}#reply-${post.id}` : base}
      />
    );
  };

  const postActions = (
    post: (typeof replies)[number] | typeof thread,
    kind: "thread" | "reply",
  ) => {
    const anchor = kind === "reply" ? `#reply-${post.id}` : "";
    if (deleting === post.id && post.canDelete) {
      return (
        <ConfirmDelete
          question={t(
            kind === "thread"
              ? "discussions.confirmDelete.thread"
              : "discussions.confirmDelete.reply",
          )}
          intent={kind === "thread" ? "deleteThread" : "deleteReply"}
          replyId={kind === "reply" ? post.id : undefined}
          cancelTo={`${base}${anchor}`}
        />
      );
    }
    const isAnswer = kind === "reply" && thread.answerReplyId === post.id;
    const controls = [
      post.canEdit ? (
        <Link
          key="edit"
          to={`${base}?edit=${post.id}${anchor}`}
          preventScrollReset
          className={buttonClass("secondary")}
        >
          {t("discussions.post.edit")}
        </Link>
      ) : null,
      post.canDelete ? (
        <Link
          key="delete"
          to={`${base}?delete=${post.id}${anchor}`}
          preventScrollReset
          className={buttonClass("secondary")}
        >
          {t("discussions.post.delete")}
        </Link>
      ) : null,
      kind === "reply" && canMarkAnswer ? (
        <Form key="mark" method="post">
          <input type="hidden" name="intent" value={isAnswer ? "unmarkAnswer" : "markAnswer"} />
          <input type="hidden" name="replyId" value={post.id} />
          <button type="submit" className={buttonClass("secondary")} disabled={busy}>
            {isAnswer ? t("discussions.post.unmarkAnswer") : t("discussions.post.markAnswer")}
          </button>
        </Form>
      ) : null,
    ].filter(Boolean);
    return controls.length > 0 ? controls : null;
  };

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link
          to={`/networks/${slug}/discussions`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("discussions.back")}
        </Link>
      </p>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <ThreadKindBadge kind={thread.kind} />
          {thread.answerReplyId ? <AnsweredBadge /> : null}
        </div>
        <h2 className="text-2xl font-semibold break-words">{thread.title}</h2>
      </div>

      <ErrorSummary
        title={t("discussions.errors.actionFailed")}
        formError={topError ? { id: "thread-error", message: t(`dbErrors.${topError}`) } : null}
      />
      {isDone(done) ? <Notice tone="success">{t(doneNotices[done])}</Notice> : null}
      {readOnly ? <ReadOnlyNote reason={readOnly} /> : null}
      {thread.answerReplyId ? (
        <p>
          <a
            href={`#reply-${thread.answerReplyId}`}
            className="text-blue-800 underline underline-offset-2"
          >
            {t("discussions.post.acceptedAnswerLink")}
          </a>
        </p>
      ) : null}

      <PostArticle
        id="opening-post"
        label={t("discussions.post.openingPost")}
        post={thread}
        canReact={canWrite}
        editor={editing === thread.id && thread.canEdit ? editForm("editThread", thread) : null}
        actions={postActions(thread, "thread")}
      />

      <section aria-labelledby="replies-heading" className="space-y-4">
        <h3 id="replies-heading" className="text-xl font-semibold">
          {t("discussions.post.replies", { count: replies.length })}
        </h3>
        {replies.length === 0 ? (
          <p className="text-slate-700">{t("discussions.post.noReplies")}</p>
        ) : (
          <ol className="space-y-4">
            {replies.map((reply) => (
              <li key={reply.id}>
                <PostArticle
                  id={`reply-${reply.id}`}
                  label={t("discussions.post.replyOf", {
                    name: reply.author.name ?? t("discussions.formerMember"),
                  })}
                  post={reply}
                  accepted={reply.id === thread.answerReplyId}
                  canReact={canWrite}
                  editor={
                    editing === reply.id && reply.canEdit ? editForm("editReply", reply) : null
                  }
                  actions={postActions(reply, "reply")}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      {canWrite ? (
        <section aria-labelledby="reply-heading" className="space-y-4">
          <h3 id="reply-heading" className="text-xl font-semibold">
            {t("discussions.post.writeReply")}
          </h3>
          <PostForm
            mode="reply"
            idPrefix="reply-form-"
            intent="reply"
            values={failed("reply")?.values ?? emptyPostFormValues}
            fieldErrors={failed("reply")?.fieldErrors ?? {}}
            formError={failed("reply")?.formError ?? null}
            candidates={candidates}
            draftKey={replyDraftKey}
            editorKey={String(replyEditorKey)}
            className="rounded-lg border border-slate-200 bg-white p-4"
          />
        </section>
      ) : null}
    </div>
  );
}
