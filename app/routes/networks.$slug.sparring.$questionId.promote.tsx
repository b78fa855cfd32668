import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { PromoteForm } from "~/components/sparring/promote-form";
import { formValues } from "~/lib/form-errors";
import { getLocale } from "~/lib/i18n.server";
import {
  type PromoteFieldErrors,
  type PromoteFormValues,
  parsePromoteForm,
  postedPromoteValues,
} from "~/lib/interpretation-form";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import type { PersonalDataKind } from "~/lib/personal-data";
import {
  describeRefusal,
  loadPromotePage,
  loadQuestion,
  promoteAnswer,
  type SparringRefusal,
} from "~/lib/sparring-question.server";
import { isUuid } from "~/lib/uuid";

async function requireQuestion(
  request: Request,
  context: LoaderFunctionArgs["context"],
  params: LoaderFunctionArgs["params"],
) {
  const found = await requireNetwork(request, context, params.slug);
  const questionId = params.questionId ?? "";
  const locale = await getLocale(request);
  const question = isUuid(questionId) ? await loadQuestion(found.client, questionId, locale) : null;
  if (!question || question.networkId !== found.network.id) {
    throw data({ notFound: true }, { status: 404, headers: found.headers });
  }
  return { ...found, question, locale };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, question, locale } = await requireQuestion(
    request,
    context,
    params,
  );
  // The interpretation is written in Finnish, so its issuer starts as the network's Finnish name.
  const page = await loadPromotePage(client, question, network.name_fi, user.id, locale);
  return data(
    {
      title: pageTitle(`${question.title} – ${question.networkName}`),
      slug: network.slug,
      ...page,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface PromoteActionData {
  values: PromoteFormValues;
  fieldErrors: PromoteFieldErrors;
  personalData: PersonalDataKind[];
  refusal: SparringRefusal | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, question } = await requireQuestion(request, context, params);
  const input = formValues(await request.formData(), ["sectionIds"]);
  const values = postedPromoteValues(input);
  const parsed = parsePromoteForm(input);
  if (!parsed.success) {
    return data<PromoteActionData>(
      {
        values,
        fieldErrors: parsed.fieldErrors,
        personalData: parsed.personalData,
        refusal: null,
      },
      { status: 400, headers },
    );
  }
  if (!question.acceptedAnswerId) {
    return data<PromoteActionData>(
      { values, fieldErrors: {}, personalData: [], refusal: { kind: "db", key: "invalidState" } },
      { status: 409, headers },
    );
  }
  const promoted = await promoteAnswer(client, question.acceptedAnswerId, parsed.data);
  if (!promoted.ok) {
    const { refusal, status } = describeRefusal(promoted.error, "Promoting an answer");
    return data<PromoteActionData>(
      {
        values,
        fieldErrors: {},
        personalData: refusal.kind === "personalData" ? refusal.found : [],
        refusal,
      },
      { status, headers },
    );
  }
  throw redirect(`/documents/${promoted.value}`, { headers });
}

export default function PromotePage() {
  const { slug, question, accepted, acts, defaults, supersedeOptions } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const questionPath = `/networks/${slug}/sparring/${question.id}`;
  const backLink = (
    <p>
      <Link to={questionPath} className="text-blue-800 underline underline-offset-2">
        {t("sparringQuestion.promote.backToQuestion")}
      </Link>
    </p>
  );

  // Why the form is not offered; promote_sparring_answer would refuse it anyway.
  const unavailable = !accepted
    ? t("sparringQuestion.promote.noAccepted")
    : accepted.promotedDocumentId
      ? t("sparringQuestion.promote.alreadyPromoted")
      : !question.isLawyer
        ? t("sparringQuestion.promote.notLawyer")
        : null;

  return (
    <div className="max-w-3xl space-y-6">
      {backLink}
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("sparringQuestion.promote.title")}</h2>
        <p className="text-slate-800 break-words">{question.title}</p>
      </div>
      {unavailable ? (
        <>
          <Notice tone="info">{unavailable}</Notice>
          {accepted?.promotedDocumentId ? (
            <p>
              <Link
                to={`/documents/${accepted.promotedDocumentId}`}
                className="text-blue-800 underline underline-offset-2"
              >
                {t("sparringQuestion.answers.openInterpretation")}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>{t("sparringQuestion.promote.intro")}</p>
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
            {t("sparringQuestion.promote.nature")}
          </p>
          {accepted ? (
            <section aria-labelledby="accepted-heading" className="space-y-2">
              <h3 id="accepted-heading" className="text-lg font-semibold">
                {t("sparringQuestion.promote.answerHeading")}
              </h3>
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <RichTextContent html={accepted.bodyHtml} />
              </div>
            </section>
          ) : null}
          <section aria-labelledby="fields-heading" className="space-y-4">
            <h3 id="fields-heading" className="text-lg font-semibold">
              {t("sparringQuestion.promote.fieldsHeading")}
            </h3>
            <PromoteForm
              acts={acts}
              supersedeOptions={supersedeOptions}
              values={actionData?.values ?? defaults}
              fieldErrors={actionData?.fieldErrors ?? {}}
              personalData={actionData?.personalData ?? []}
              refusal={actionData?.refusal ?? null}
              cancelTo={questionPath}
            />
          </section>
        </>
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
