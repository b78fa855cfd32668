/**
 * Asking a question in a sparring network. The form's schema refuses personal data before the
 * question is sent (in the browser, and here when the browser's check was bypassed), and
 * ask_sparring_question() decides who may ask while its trigger refuses personal data once more.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { QuestionForm } from "~/components/sparring/question-form";
import { refusalMessage } from "~/components/sparring/refusal-message";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { networkName } from "~/lib/network";
import { pageTitle } from "~/lib/page-title";
import { askQuestion, requireSparringNetwork } from "~/lib/sparring.server";
import { sparringRole } from "~/lib/sparring-admin.server";
import { describeRefusal, type SparringRefusal } from "~/lib/sparring-question.server";
import {
  emptyQuestionFormValues,
  parseQuestionForm,
  type QuestionFieldErrors,
  type QuestionFormValues,
  questionFormValues,
  refusedField,
} from "~/lib/sparring-question-form";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network } = await requireSparringNetwork(request, context, params.slug);
  const locale = await getLocale(request);
  const [role, acts, t] = await Promise.all([
    sparringRole(client, network.id),
    loadLegalActs(client),
    i18nServer.getFixedT(locale),
  ]);
  return data(
    {
      title: pageTitle(`${t("sparring.new.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      // Whether to show the form; ask_sparring_question() decides again.
      canAsk: role.canAsk,
      acts: role.canAsk ? acts : [],
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: QuestionFormValues;
  fieldErrors: QuestionFieldErrors;
  refusal: SparringRefusal | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireSparringNetwork(request, context, params.slug);
  const values = questionFormValues(await request.formData());
  const parsed = parseQuestionForm(values);
  if (!parsed.success) {
    return data<ActionData>(
      { values, fieldErrors: parsed.fieldErrors, refusal: null },
      { status: 400, headers },
    );
  }
  const asked = await askQuestion(client, network.id, parsed.data);
  if (!asked.ok) {
    const { refusal, status } = describeRefusal(asked.error, "Asking a sparring question");
    // The trigger names the field it refused: the error goes next to it, like the form's own.
    const fieldErrors: QuestionFieldErrors =
      refusal.kind === "personalData"
        ? { [refusedField(asked.error.message)]: { key: "personalData", kinds: refusal.found } }
        : {};
    return data<ActionData>(
      { values, fieldErrors, refusal: refusal.kind === "personalData" ? null : refusal },
      { status, headers },
    );
  }
  throw redirect(`/networks/${network.slug}/sparring/${asked.id}`, { headers });
}

export default function AskQuestion() {
  const { slug, canAsk, acts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <h2 className="text-2xl font-semibold">{t("sparring.new.title")}</h2>
      <p>
        <Link
          to={`/networks/${slug}/sparring`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("sparring.new.back")}
        </Link>
      </p>
      {canAsk ? (
        <>
          <p className="text-slate-700">{t("sparring.new.intro")}</p>
          <QuestionForm
            acts={acts}
            values={actionData?.values ?? emptyQuestionFormValues}
            fieldErrors={actionData?.fieldErrors ?? {}}
            formError={actionData?.refusal ? refusalMessage(t, actionData.refusal) : null}
            serverAnswer={actionData}
            cancelTo={`/networks/${slug}/sparring`}
          />
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-400 p-6">
          {t("sparring.new.notAllowed")}
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { slug } = useParams();
  return (
    <NotFoundBoundary
      title="sparring.notFound.title"
      text="sparring.notFound.text"
      backTo={`/networks/${slug ?? ""}`}
      backLabel="sparring.notFound.back"
    />
  );
}
