import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { refusalText } from "~/components/networks/members-refusal";
import { SettingsArchive } from "~/components/networks/settings-archive";
import {
  SettingsForm,
  settingsErrorMessage,
  settingsFieldIds,
} from "~/components/networks/settings-form";
import { SettingsReview } from "~/components/networks/settings-review";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { describeRefusal, type Refusal } from "~/lib/network-members.server";
import {
  archiveNetwork,
  markNetworkReviewed,
  restoreNetwork,
  updateNetworkSettings,
} from "~/lib/network-settings.server";
import {
  addDays,
  helsinkiToday,
  isSettingsIntent,
  networkSettingsSchema,
  reviewSchema,
  reviewState,
  type SettingsIntent,
} from "~/lib/network-settings-form";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { headers, network, isCoordinator } = await requireNetwork(request, context, params.slug);
  // Only coordinators see this page; the database refuses everyone else's changes anyway.
  if (!isCoordinator) throw data({ forbidden: true }, { status: 403, headers });
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const today = helsinkiToday();
  const longDate = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeZone: "Europe/Helsinki",
  });
  const dateOnly = (iso: string) => longDate.format(new Date(`${iso}T12:00:00Z`));
  const url = new URL(request.url);
  return data(
    {
      title: pageTitle(`${t("networks.settings.title")} – ${networkName(network, locale)}`),
      network: {
        name_fi: network.name_fi,
        name_sv: network.name_sv ?? "",
        purpose_fi: network.purpose_fi,
        purpose_sv: network.purpose_sv ?? "",
        visibility: network.visibility,
        join_policy: network.join_policy,
        allow_guests: network.allow_guests,
        topics: network.topics.join(", "),
      },
      archived: network.archived_at
        ? { at: network.archived_at, label: dateOnly(network.archived_at.slice(0, 10)) }
        : null,
      review: {
        due: network.review_due,
        dueLabel: dateOnly(network.review_due),
        state: reviewState(network.review_due, today),
        defaultNext: addDays(today, 365),
        min: addDays(today, 1),
        max: addDays(today, 731),
      },
      confirmArchive: url.searchParams.get("confirm") === "archive",
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export interface SettingsActionData {
  intent: SettingsIntent | null;
  refusal: Refusal | null;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const values = formValues(await request.formData());
  const intent = isSettingsIntent(values.intent) ? values.intent : null;
  const posted = Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  const fail = (status: number, fields: Partial<SettingsActionData>) =>
    data<SettingsActionData>(
      { intent, refusal: null, fieldErrors: {}, values: posted, ...fields },
      { status, headers },
    );

  let error = null;
  switch (intent) {
    case "save": {
      const parsed = parseForm(networkSettingsSchema, values);
      if (!parsed.success) return fail(400, { fieldErrors: parsed.fieldErrors });
      error = await updateNetworkSettings(client, network.id, parsed.data);
      break;
    }
    case "markReviewed": {
      const parsed = parseForm(reviewSchema, values);
      if (!parsed.success) return fail(400, { fieldErrors: parsed.fieldErrors });
      error = await markNetworkReviewed(client, network.id, parsed.data.next_review);
      break;
    }
    case "archive":
      error = await archiveNetwork(client, network.id);
      break;
    case "restore":
      error = await restoreNetwork(client, network.id);
      break;
    default:
      return fail(400, { refusal: { kind: "db", key: "invalidValue" } });
  }
  if (error) {
    const { refusal, status } = describeRefusal(error, `Network settings ${intent}`);
    return fail(status, {
      refusal,
      // The review date's range is the database's rule; show it at the field as well.
      fieldErrors:
        refusal.kind === "network" && refusal.key === "reviewDateRange"
          ? { next_review: "invalid" }
          : {},
    });
  }
  throw redirect(`/networks/${network.slug}/settings?done=${intent}`, { headers });
}

export default function NetworkSettingsPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" ? searchParams.get("done") : null;
  const fieldErrors = actionData?.fieldErrors ?? {};
  const problems = Object.entries(fieldErrors).flatMap(([field, key]) =>
    key
      ? [
          {
            field: settingsFieldIds[field] ?? field,
            message: settingsErrorMessage(t, field, key),
          },
        ]
      : [],
  );

  return (
    <div className="space-y-8">
      <h2 className="text-2xl font-semibold">{t("networks.settings.title")}</h2>
      <ErrorSummary
        title={t("networks.settings.actionFailed")}
        formError={
          actionData?.refusal
            ? { id: "settings-error", message: refusalText(t, actionData.refusal) }
            : null
        }
        problems={problems}
      />
      {isSettingsIntent(done) && !actionData ? (
        <Notice tone="success">{t(`networks.settings.done.${done}`)}</Notice>
      ) : null}

      {loaded.archived ? (
        <SettingsArchive archived={loaded.archived} confirm={false} />
      ) : (
        <>
          <SettingsForm
            network={loaded.network}
            posted={actionData?.intent === "save" ? actionData : null}
          />
          <SettingsReview
            review={loaded.review}
            posted={actionData?.intent === "markReviewed" ? actionData : null}
          />
          <SettingsArchive archived={null} confirm={loaded.confirmArchive} />
        </>
      )}
    </div>
  );
}
