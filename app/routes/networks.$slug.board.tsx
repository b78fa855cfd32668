/**
 * An editorial board's settings: its quorum, review interval and what it is responsible for.
 * Everyone who reads the network sees them; the board's coordinators change them through
 * configure_editorial_board(), which decides who may.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  BoardSettingsForm,
  type BoardSettingsValues,
  boardSettingsValues,
} from "~/components/editorial/board-settings-form";
import { BoardSettingsSummary } from "~/components/editorial/board-settings-summary";
import { Notice } from "~/components/forms/notice";
import { boardSettingsRepeated, boardSettingsSchema } from "~/lib/board-settings-form";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { configureBoard, getBoardConfiguration, listNetworkChoices } from "~/lib/editorial.server";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, isCoordinator } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  if (network.kind !== "editorial_board") throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const [board, networkChoices, t] = await Promise.all([
    getBoardConfiguration(client, network.id, locale),
    isCoordinator ? listNetworkChoices(client, locale) : Promise.resolve([]),
    i18nServer.getFixedT(locale),
  ]);
  if (!board) throw data({ notFound: true }, { status: 404, headers });
  return data(
    {
      title: pageTitle(`${t("editorial.board.title")} – ${networkName(network, locale)}`),
      board,
      // Only coordinators get the form; the database refuses everyone else's changes anyway.
      canConfigure: isCoordinator && network.archived_at === null,
      networkChoices,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface BoardActionData {
  values: BoardSettingsValues;
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}

function postedValues(values: Record<string, unknown>): BoardSettingsValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return {
    approvals_required: text(values.approvals_required),
    organisations_required: text(values.organisations_required),
    review_interval_days: text(values.review_interval_days),
    document_kinds: list(values.document_kinds),
    network_ids: list(values.network_ids),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  if (network.kind !== "editorial_board") throw data({ notFound: true }, { status: 404, headers });
  const values = formValues(await request.formData(), boardSettingsRepeated);
  const posted = postedValues(values);
  const parsed = parseForm(boardSettingsSchema, values);
  if (!parsed.success) {
    return data<BoardActionData>(
      { values: posted, fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400, headers },
    );
  }
  const error = await configureBoard(client, network.id, parsed.data);
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Configuring the editorial board failed", error);
    return data<BoardActionData>(
      { values: posted, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`/networks/${network.slug}/board?saved=1`, { headers });
}

export default function BoardSettingsPage() {
  const { board, canConfigure, networkChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const saved = navigation.state === "idle" && searchParams.get("saved") === "1" && !actionData;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("editorial.board.title")}</h2>
        <p className="max-w-3xl text-slate-800">{t("editorial.board.intro")}</p>
      </div>
      {saved ? <Notice tone="success">{t("editorial.board.saved")}</Notice> : null}
      <BoardSettingsSummary board={board} />
      {canConfigure ? (
        <BoardSettingsForm
          key={saved ? "saved" : "settings"}
          values={actionData?.values ?? boardSettingsValues(board)}
          networkChoices={networkChoices}
          fieldErrors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError ?? null}
        />
      ) : (
        <p className="max-w-3xl text-slate-800">{t("editorial.board.readOnly")}</p>
      )}
    </div>
  );
}
