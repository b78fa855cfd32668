/**
 * One reader's feedback: what it is about and what they said, and for the document's handlers
 * (can_handle_document) its status and a reply to the reader through answer_feedback().
 */

import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackAnswerForm } from "~/components/editorial/feedback-answer-form";
import { FeedbackStatusBadge } from "~/components/editorial/feedback-status";
import { Notice } from "~/components/forms/notice";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { requireActiveUser } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { answerFeedback, getFeedback } from "~/lib/editorial.server";
import {
  type FeedbackStatus,
  feedbackAnswerSchema,
  feedbackStatuses,
} from "~/lib/feedback-answer-form";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";
import { isUuid } from "~/lib/uuid";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  if (!isUuid(params.feedbackId)) throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const feedback = await getFeedback(client, params.feedbackId, locale);
  if (!feedback) throw data({ notFound: true }, { status: 404, headers });
  const t = await i18nServer.getFixedT(locale);
  return data(
    { title: pageTitle(`${t("editorial.detail.title")}: ${feedback.title}`), feedback },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface AnswerActionData {
  values: { status: string; reply: string };
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  if (!isUuid(params.feedbackId)) throw data({ notFound: true }, { status: 404, headers });
  const values = formValues(await request.formData());
  const posted = {
    status: typeof values.status === "string" ? values.status : "",
    reply: typeof values.reply === "string" ? values.reply : "",
  };
  const parsed = parseForm(feedbackAnswerSchema, values);
  if (!parsed.success) {
    return data<AnswerActionData>(
      { values: posted, fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers },
    );
  }
  const error = await answerFeedback(client, params.feedbackId, parsed.data);
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Answering feedback failed", error);
    return data<AnswerActionData>(
      { values: posted, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`/editorial/feedback/${params.feedbackId}?saved=1`, { headers });
}

function postedStatus(value: string | undefined): FeedbackStatus | null {
  return (feedbackStatuses as readonly (string | undefined)[]).includes(value)
    ? (value as FeedbackStatus)
    : null;
}

function Fact(props: { term: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <dt className="font-semibold">{props.term}</dt>
      <dd className="whitespace-pre-line">{props.children}</dd>
    </div>
  );
}

export default function FeedbackDetailPage() {
  const { feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const saved = navigation.state === "idle" && searchParams.get("saved") === "1" && !actionData;
  const documentLabel = t("editorial.queue.document", {
    title: feedback.title,
    number: feedback.versionNumber,
  });

  return (
    <div className="space-y-6">
      <p>
        <Link
          to="/editorial/feedback"
          className="font-medium text-blue-800 underline underline-offset-4"
        >
          {t("editorial.detail.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          {t("editorial.detail.title")}: {feedback.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <span>{t("editorial.detail.status")}:</span>
          <FeedbackStatusBadge status={feedback.status} />
        </p>
      </header>

      {saved ? <Notice tone="success">{t("editorial.detail.saved")}</Notice> : null}

      <dl className="max-w-3xl space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <Fact term={t("editorial.detail.document")}>
          {feedback.slug ? (
            <Link
              to={`/library/${feedback.slug}/v/${feedback.versionNumber}`}
              className="font-medium text-blue-800 underline underline-offset-4"
            >
              {documentLabel}
            </Link>
          ) : (
            documentLabel
          )}
        </Fact>
        <Fact term={t("editorial.detail.paragraph")}>
          {feedback.paragraphIndex === null ? (
            t("editorial.queue.wholeDocument")
          ) : (
            <>
              <span className="block text-sm text-slate-700">
                {t("editorial.queue.paragraphNumber", { number: feedback.paragraphIndex + 1 })}
              </span>
              {feedback.paragraphText ? (
                <blockquote className="border-l-4 border-slate-400 pl-3">
                  {feedback.paragraphText}
                </blockquote>
              ) : null}
            </>
          )}
        </Fact>
        <Fact term={t("editorial.detail.problem")}>{feedback.problem}</Fact>
        <Fact term={t("editorial.detail.suggestion")}>
          {feedback.suggestion || t("editorial.detail.noSuggestion")}
        </Fact>
        <Fact term={t("editorial.detail.reader")}>
          {feedback.readerName ?? t("editorial.queue.unknownReader")}
        </Fact>
        <Fact term={t("editorial.detail.received")}>
          <time dateTime={feedback.createdAt.iso}>{feedback.createdAt.text}</time>
        </Fact>
        <Fact term={t("editorial.detail.previousReply")}>
          {feedback.reply ? (
            <>
              {feedback.reply}
              {feedback.repliedAt ? (
                <span className="mt-1 block text-sm text-slate-700">
                  {t("editorial.detail.repliedBy", {
                    name: feedback.replierName ?? t("editorial.queue.unknownReader"),
                    date: feedback.repliedAt.text,
                  })}
                </span>
              ) : null}
            </>
          ) : (
            t("editorial.detail.noReply")
          )}
        </Fact>
      </dl>

      {feedback.canAnswer ? (
        <FeedbackAnswerForm
          // A fresh form after each saved answer, so the reply field starts empty again.
          key={saved ? `saved-${feedback.repliedAt?.iso ?? ""}-${feedback.status}` : "answer"}
          status={postedStatus(actionData?.values.status) ?? feedback.status}
          reply={actionData?.values.reply ?? ""}
          fieldErrors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError ?? null}
        />
      ) : (
        <p className="max-w-3xl text-slate-800">{t("editorial.detail.readOnly")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="editorial.detail.notFoundTitle"
      text="editorial.detail.notFoundText"
      backTo="/editorial/feedback"
      backLabel="editorial.detail.back"
    />
  );
}
