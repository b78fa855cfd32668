/**
 * A comment round: the frozen text paragraph by paragraph, a response form for each invited party
 * the person answers for (until the deadline), and the summary of every response with what was
 * done about each comment. The functions decide; the page only chooses which controls to show.
 */

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
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { FrozenText } from "~/components/rounds/frozen-text";
import { ResponseForm } from "~/components/rounds/response-form";
import { RoundSummary } from "~/components/rounds/round-summary";
import { buttonClass } from "~/components/ui/button";
import { requireActiveUser } from "~/lib/access.server";
import {
  parseHandleItem,
  parseResponse,
  type RespondField,
  type ResponseValues,
  type RoundErrorKey,
} from "~/lib/comment-round-form";
import {
  closeRound,
  handleRoundItem,
  loadRound,
  respondToRound,
} from "~/lib/comment-rounds.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

async function requireRound(
  request: Request,
  context: LoaderFunctionArgs["context"],
  roundId?: string,
) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const round = await loadRound(
    client,
    roundId ?? "",
    { userId: user.id },
    locale,
  );
  if (!round) throw data({ notFound: true }, { status: 404, headers });
  return { client, headers, locale, round };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { headers, locale, round } = await requireRound(request, context, params.roundId);
  const t = await i18nServer.getFixedT(locale);
  return data({ title: pageTitle(`${round.title} – ${t("rounds.title")}`), round }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type ActionData =
  | {
      intent: "respond";
      values: ResponseValues;
      fieldErrors: Partial<Record<RespondField, RoundErrorKey>>;
      formError: DbErrorKey | null;
    }
  | { intent: "handle"; itemId: string; error: RoundErrorKey | DbErrorKey; db: boolean }
  | { intent: "close"; formError: DbErrorKey };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, round } = await requireRound(request, context, params.roundId);
  const values = formValues(await request.formData());
  const base = `/rounds/${round.id}`;
  const logged = (what: string, error: { code?: string | null }) => {
    const key = dbErrorKey(error);
    if (key === "unavailable") console.error(`Comment round: ${what} failed`, error);
    return key;
  };

  if (values.intent === "respond") {
    const parties = round.invitees.filter((invitee) => invitee.mine && !invitee.response);
    const parsed = parseResponse(
      values,
      round.paragraphs,
      parties.map((party) => party.id),
    );
    if (!parsed.success) {
      return data<ActionData>(
        {
          intent: "respond",
          values: parsed.values,
          fieldErrors: parsed.fieldErrors,
          formError: null,
        },
        { status: 400, headers },
      );
    }
    const error = await respondToRound(client, round.id, parsed.inviteeId, parsed.items);
    if (error) {
      const formError = logged("responding", error);
      return data<ActionData>(
        { intent: "respond", values: parsed.values, fieldErrors: {}, formError },
        { status: statusForDbError[formError], headers },
      );
    }
    throw redirect(`${base}?done=responded`, { headers });
  }
  if (values.intent === "handle") {
    const parsed = parseHandleItem(values);
    const itemId = typeof values.itemId === "string" ? values.itemId : "";
    if (!parsed.success) {
      const error = parsed.fieldErrors.note ?? parsed.fieldErrors.handling ?? "invalid";
      return data<ActionData>(
        { intent: "handle", itemId, error, db: false },
        { status: 400, headers },
      );
    }
    const error = await handleRoundItem(
      client,
      parsed.data.itemId,
      parsed.data.handling,
      parsed.data.note,
    );
    if (error) {
      const key = logged("recording the handling", error);
      return data<ActionData>(
        { intent: "handle", itemId, error: key, db: true },
        { status: statusForDbError[key], headers },
      );
    }
    throw redirect(`${base}?done=handled#item-${parsed.data.itemId}-handling`, { headers });
  }
  if (values.intent === "close") {
    const error = await closeRound(client, round.id);
    if (error) {
      const formError = logged("closing", error);
      return data<ActionData>(
        { intent: "close", formError },
        { status: statusForDbError[formError], headers },
      );
    }
    throw redirect(`${base}?done=closed`, { headers });
  }
  return data<ActionData>({ intent: "close", formError: "invalidValue" }, { status: 400, headers });
}

const doneKeys = {
  opened: "rounds.done.opened",
  responded: "rounds.done.responded",
  handled: "rounds.done.handled",
  closed: "rounds.done.closed",
} as const;

function isDone(value: string | null): value is keyof typeof doneKeys {
  return value !== null && value in doneKeys;
}

export default function CommentRound() {
  const { round } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = !actionData ? searchParams.get("done") : null;
  const myParties = round.invitees.filter((invitee) => invitee.mine);
  const waiting = myParties.filter((invitee) => !invitee.response);
  const answered = myParties.filter((invitee) => invitee.response);
  const respond = actionData?.intent === "respond" ? actionData : null;
  const respondErrors: Partial<Record<RespondField, string>> = {};
  for (const [field, key] of Object.entries(respond?.fieldErrors ?? {})) {
    if (key) respondErrors[field as RespondField] = t(`rounds.errors.${key}`);
  }
  const closing = navigation.state !== "idle" && navigation.formData?.get("intent") === "close";
  const handle = actionData?.intent === "handle" ? actionData : null;
  const closeError = actionData?.intent === "close" ? actionData.formError : null;

  return (
    <div className="max-w-4xl space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-medium text-slate-700">{t("rounds.page.kicker")}</p>
        <h1 className="text-3xl font-bold break-words">{round.title}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("rounds.page.document")}</dt>
          <dd>
            {round.documentReadable ? (
              <Link
                to={`/documents/${round.documentId}`}
                className="text-blue-800 underline underline-offset-2"
              >
                {round.documentTitle}
              </Link>
            ) : (
              round.documentTitle
            )}
          </dd>
          <dt className="font-medium">{t("rounds.page.status")}</dt>
          <dd>{round.open ? t("rounds.page.open") : t("rounds.page.closedStatus")}</dd>
          <dt className="font-medium">{t("rounds.page.deadline")}</dt>
          <dd>
            {round.open ? (
              <time dateTime={round.deadline.iso}>
                {t("rounds.page.closes", { when: round.deadline.text })}
              </time>
            ) : (
              <time dateTime={(round.closedAt ?? round.deadline).iso}>
                {t("rounds.page.closed", { when: (round.closedAt ?? round.deadline).text })}
              </time>
            )}
          </dd>
          <dt className="font-medium">{t("rounds.page.opened")}</dt>
          <dd>
            <time dateTime={round.openedAt.iso}>{round.openedAt.text}</time>
            {round.openerName ? ` (${round.openerName})` : null}
          </dd>
        </dl>
        {isDone(done) ? <Notice tone="success">{t(doneKeys[done])}</Notice> : null}
      </header>

      {round.instructions ? (
        <section aria-labelledby="instructions-heading" className="space-y-2">
          <h2 id="instructions-heading" className="text-2xl font-semibold">
            {t("rounds.page.instructions")}
          </h2>
          <p className="whitespace-pre-line">{round.instructions}</p>
        </section>
      ) : null}

      {round.runs && round.open ? (
        <section aria-labelledby="close-heading" className="space-y-2">
          <h2 id="close-heading" className="sr-only">
            {t("rounds.page.closeHeading")}
          </h2>
          {closeError ? (
            <ErrorSummary
              title={t("rounds.errorSummary")}
              formError={{ id: "close-error", message: t(`dbErrors.${closeError}`) }}
            />
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className={buttonClass("secondary")} disabled={closing}>
              {closing ? t("rounds.page.closing") : t("rounds.page.close")}
            </button>
          </Form>
          <p className="text-sm text-slate-700">{t("rounds.page.closeHint")}</p>
        </section>
      ) : null}

      {waiting.length > 0 ? (
        <section aria-labelledby="respond-heading" className="space-y-4">
          <h2 id="respond-heading" className="text-2xl font-semibold">
            {t("rounds.respond.heading")}
          </h2>
          {round.open ? (
            <>
              <ErrorSummary
                title={t("rounds.errorSummary")}
                formError={
                  respond?.formError
                    ? { id: "respond-error", message: t(`dbErrors.${respond.formError}`) }
                    : null
                }
                problems={Object.entries(respondErrors).flatMap(([field, message]) =>
                  message ? [{ field, message }] : [],
                )}
              />
              <ResponseForm
                parties={waiting}
                paragraphs={round.paragraphs}
                values={respond?.values ?? null}
                errors={respondErrors}
              />
            </>
          ) : (
            <Notice tone="info">{t("rounds.respond.closed")}</Notice>
          )}
        </section>
      ) : null}

      {answered.length > 0 ? (
        <Notice tone="info">
          {answered.map((party) => (
            <p key={party.id}>
              {t("rounds.respond.alreadyResponded", {
                party: party.name ?? t("rounds.page.unknownParty"),
                when: party.response?.submittedAt.text ?? "",
              })}
            </p>
          ))}
        </Notice>
      ) : null}

      {waiting.length === 0 || !round.open ? (
        <section aria-labelledby="text-heading" className="space-y-3">
          <h2 id="text-heading" className="text-2xl font-semibold">
            {t("rounds.page.text")}
          </h2>
          <FrozenText paragraphs={round.paragraphs} />
        </section>
      ) : null}

      <RoundSummary
        round={round}
        handleError={
          handle
            ? {
                itemId: handle.itemId,
                message: handle.db
                  ? t(`dbErrors.${handle.error as DbErrorKey}`)
                  : t(`rounds.errors.${handle.error as RoundErrorKey}`),
              }
            : null
        }
      />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="rounds.page.notFoundTitle"
      text="rounds.page.notFoundText"
      backTo="/rounds"
      backLabel="rounds.page.backToRounds"
    />
  );
}
