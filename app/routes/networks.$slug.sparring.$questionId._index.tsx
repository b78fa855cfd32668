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
  useLocation,
  useNavigation,
  useParams,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { clearRichTextDraft } from "~/components/rich-text/rich-text-draft";
import { AnswerForm } from "~/components/sparring/answer-form";
import { AnswerList } from "~/components/sparring/answer-list";
import { QuestionHeader } from "~/components/sparring/question-header";
import { refusalMessage } from "~/components/sparring/refusal-message";
import { formValues } from "~/lib/form-errors";
import { getLocale } from "~/lib/i18n.server";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import type { PersonalDataKind } from "~/lib/personal-data";
import { richTextFromForm } from "~/lib/rich-text.server";
import {
  type AnswerFieldErrors,
  type AnswerFormValues,
  type AnswerIntent,
  answerIdOf,
  answerIntentOf,
  answerMaxTextLength,
  answerPersonalData,
  emptyAnswerFormValues,
  parseAnswerReferences,
} from "~/lib/sparring-answer-form";
import {
  acceptAnswer,
  answerQuestion,
  describeRefusal,
  endorseAnswer,
  loadQuestionPage,
  postedAnswerValues,
  type SparringRefusal,
} from "~/lib/sparring-question.server";
import { isUuid } from "~/lib/uuid";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user } = await requireNetwork(request, context, params.slug);
  const questionId = params.questionId ?? "";
  if (!isUuid(questionId)) throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const page = await loadQuestionPage(client, network.id, questionId, user.id, locale);
  if (!page) throw data({ notFound: true }, { status: 404, headers });
  return data(
    {
      title: pageTitle(`${page.question.title} – ${page.question.networkName}`),
      slug: network.slug,
      ...page,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export interface QuestionActionData {
  intent: AnswerIntent | null;
  answerId: string | null;
  values: AnswerFormValues | null;
  fieldErrors: AnswerFieldErrors;
  personalData: PersonalDataKind[];
  refusal: SparringRefusal | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const questionId = params.questionId ?? "";
  if (!isUuid(questionId)) throw data({ notFound: true }, { status: 404, headers });
  const form = await request.formData();
  const input = formValues(form, ["sectionIds"]);
  const intent = answerIntentOf(input.intent);
  const answerId = answerIdOf(input);
  const base = `/networks/${network.slug}/sparring/${questionId}`;
  const reply = (body: Partial<QuestionActionData>, status = 200) =>
    data<QuestionActionData>(
      {
        intent,
        answerId,
        values: null,
        fieldErrors: {},
        personalData: [],
        refusal: null,
        ...body,
      },
      { status, headers },
    );
  const refused = (
    error: Parameters<typeof describeRefusal>[0],
    values: AnswerFormValues | null,
  ) => {
    const { refusal, status } = describeRefusal(error, `Sparring action ${intent}`);
    return reply(
      {
        values,
        refusal,
        personalData: refusal.kind === "personalData" ? refusal.found : [],
        fieldErrors: refusal.kind === "personalData" ? { body: "personalData" } : {},
      },
      status,
    );
  };

  switch (intent) {
    case "answer": {
      const references = parseAnswerReferences(input);
      const body = richTextFromForm(form, "body", { maxTextLength: answerMaxTextLength });
      const personalData = body.success ? answerPersonalData(body) : [];
      if (!body.success || !references.success || personalData.length > 0) {
        const fieldErrors: AnswerFieldErrors = references.success ? {} : references.fieldErrors;
        if (!body.success) fieldErrors.body = body.error;
        else if (personalData.length > 0) fieldErrors.body = "personalData";
        return reply({ values: postedAnswerValues(form), fieldErrors, personalData }, 400);
      }
      const created = await answerQuestion(client, questionId, {
        html: body.html,
        ...references.data,
      });
      if (!created.ok) return refused(created.error, postedAnswerValues(form));
      throw redirect(`${base}?done=answered#answer-${created.value}`, { headers });
    }
    case "endorse":
    case "unendorse": {
      if (!answerId) return refused({ code: "22023" }, null);
      const outcome = await endorseAnswer(client, answerId, intent === "endorse");
      if (!outcome.ok) return refused(outcome.error, null);
      return reply({});
    }
    case "accept": {
      if (!answerId) return refused({ code: "22023" }, null);
      const outcome = await acceptAnswer(client, answerId);
      if (!outcome.ok) return refused(outcome.error, null);
      throw redirect(`${base}?done=accepted#answer-${answerId}`, { headers });
    }
    default:
      return refused({ code: "22023" }, null);
  }
}

const doneNotices = {
  answered: "sparringQuestion.done.answered",
  accepted: "sparringQuestion.done.accepted",
} as const;

function isDone(value: string | null): value is keyof typeof doneNotices {
  return value !== null && Object.hasOwn(doneNotices, value);
}

export default function SparringQuestionPage() {
  const { slug, question, answers, acts, interpretations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const [editorKey, setEditorKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per arrival (location.key), not per render
  useEffect(() => {
    if (done === "answered") {
      // The answer reached the database: forget its draft and start the editor afresh.
      clearRichTextDraft(`sparring-answer:${question.id}`);
      setEditorKey((key) => key + 1);
    }
  }, [location.key]);

  const answerFailure = actionData?.intent === "answer" ? actionData : null;
  // An acceptance has no form of its own to show its refusal next to.
  const acceptRefusal = actionData?.intent === "accept" ? actionData.refusal : null;
  const base = `/networks/${slug}/sparring/${question.id}`;

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link
          to={`/networks/${slug}/sparring`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("sparringQuestion.back")}
        </Link>
      </p>
      <QuestionHeader question={question} />

      <ErrorSummary
        title={t("sparringQuestion.answers.actionFailed")}
        formError={
          acceptRefusal
            ? {
                id: "accept-error",
                message: refusalMessage(t, acceptRefusal, {
                  forbidden: t("sparringQuestion.refusals.acceptForbidden"),
                }),
              }
            : null
        }
      />
      {isDone(done) ? <Notice tone="success">{t(doneNotices[done])}</Notice> : null}
      {question.acceptedAnswerId ? (
        <p>
          <a
            href={`#answer-${question.acceptedAnswerId}`}
            className="text-blue-800 underline underline-offset-2"
          >
            {t("sparringQuestion.answers.acceptedLink")}
          </a>
        </p>
      ) : null}

      <AnswerList
        answers={answers}
        controls={{
          isLawyer: question.isLawyer,
          isAuthor: question.isAuthor,
          promotePath: `${base}/promote`,
        }}
      />

      {question.canAnswer ? (
        <AnswerForm
          questionId={question.id}
          acts={acts}
          interpretations={interpretations}
          values={answerFailure?.values ?? emptyAnswerFormValues}
          fieldErrors={answerFailure?.fieldErrors ?? {}}
          personalData={answerFailure?.personalData ?? []}
          refusal={answerFailure?.refusal ?? null}
          editorKey={String(editorKey)}
        />
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 p-4 text-slate-800">
          {question.status === "resolved"
            ? t("sparringQuestion.form.closed")
            : t("sparringQuestion.form.readOnly")}
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const params = useParams();
  return (
    <NotFoundBoundary
      title="sparringQuestion.notFound.title"
      text="sparringQuestion.notFound.text"
      backTo={`/networks/${params.slug ?? ""}/sparring`}
      backLabel="sparringQuestion.back"
    />
  );
}
