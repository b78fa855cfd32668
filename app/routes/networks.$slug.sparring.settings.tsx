/**
 * A sparring network's settings: the response target (the first answer within N working days)
 * and who the network's lawyers are. my_sparring_role() says what the person is here, which only
 * chooses between the coordinators' forms and a read-only page; set_sparring_target() and
 * set_sparring_lawyer() decide again who may change what.
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
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { LawyerChoices, LawyerList } from "~/components/sparring/lawyer-list";
import { TargetForm } from "~/components/sparring/target-form";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import {
  lawyerCandidates,
  setSparringLawyer,
  setSparringTarget,
  sparringLawyers,
  sparringRole,
} from "~/lib/sparring-admin.server";
import {
  isSparringSettingsIntent,
  type SparringSettingsIntent,
  sparringSettingsSchema,
} from "~/lib/sparring-settings-form";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  if (network.kind !== "legal_sparring") throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const [role, t] = await Promise.all([
    sparringRole(client, network.id),
    i18nServer.getFixedT(locale),
  ]);
  const lawyers = role.isMember ? await sparringLawyers(client, network.id, locale) : [];
  // Only coordinators get the forms; the database refuses everyone else's changes anyway.
  const manage = role.isCoordinator && network.archived_at === null;
  const candidates = manage ? await lawyerCandidates(client, network.id, locale, lawyers) : [];
  return data(
    {
      title: pageTitle(`${t("sparringAdmin.settings.title")} – ${networkName(network, locale)}`),
      isMember: role.isMember,
      manage,
      archived: network.archived_at !== null,
      targetWorkingDays: role.targetWorkingDays,
      lawyers,
      candidates,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface SettingsActionData {
  intent: SparringSettingsIntent | null;
  workingDays: string;
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  if (network.kind !== "legal_sparring") throw data({ notFound: true }, { status: 404, headers });
  const values = formValues(await request.formData());
  const intent = isSparringSettingsIntent(values.intent) ? values.intent : null;
  const workingDays = typeof values.working_days === "string" ? values.working_days : "";
  const parsed = parseForm(sparringSettingsSchema, values);
  if (!parsed.success) {
    return data<SettingsActionData>(
      {
        intent,
        workingDays,
        fieldErrors: parsed.fieldErrors,
        formError: intent === "target" ? null : "invalidValue",
      },
      { status: 400, headers },
    );
  }
  const settings = parsed.data;
  const error =
    settings.intent === "target"
      ? await setSparringTarget(client, network.id, settings.working_days)
      : await setSparringLawyer(client, network.id, settings.user_id, settings.lawyer);
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Saving the sparring settings failed", error);
    return data<SettingsActionData>(
      { intent, workingDays, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  const saved =
    settings.intent === "target" ? "target" : settings.lawyer ? "lawyerNamed" : "lawyerRemoved";
  throw redirect(`/networks/${network.slug}/sparring/settings?saved=${saved}`, { headers });
}

const savedNotices = ["target", "lawyerNamed", "lawyerRemoved"] as const;
type SavedNotice = (typeof savedNotices)[number];

function isSavedNotice(value: string | null): value is SavedNotice {
  return (savedNotices as readonly (string | null)[]).includes(value);
}

export default function SparringSettingsPage() {
  const { isMember, manage, archived, targetWorkingDays, lawyers, candidates } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const savedParam = searchParams.get("saved");
  const saved =
    navigation.state === "idle" && !actionData && isSavedNotice(savedParam) ? savedParam : null;
  const targetError = actionData?.intent === "target" ? actionData : null;
  const lawyerError = actionData && actionData.intent !== "target" ? actionData : null;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("sparringAdmin.settings.title")}</h2>
        <p className="max-w-3xl text-slate-800">{t("sparringAdmin.settings.intro")}</p>
      </div>
      {saved ? <Notice tone="success">{t(`sparringAdmin.settings.saved.${saved}`)}</Notice> : null}

      {!isMember ? (
        <p className="max-w-3xl rounded-lg border border-blue-700 bg-blue-50 p-4">
          {t("sparringAdmin.settings.membersOnly")}
        </p>
      ) : manage ? (
        <>
          <TargetForm
            key={saved === "target" ? "saved" : "target"}
            value={targetError?.workingDays ?? String(targetWorkingDays)}
            fieldErrors={targetError?.fieldErrors ?? {}}
            formError={targetError?.formError ?? null}
          />
          <section aria-labelledby="sparring-lawyers-heading" className="max-w-3xl space-y-4">
            <h3 id="sparring-lawyers-heading" className="text-xl font-semibold">
              {t("sparringAdmin.settings.lawyersHeading")}
            </h3>
            <p className="text-slate-800">{t("sparringAdmin.settings.lawyersIntro")}</p>
            <ErrorSummary
              title={t("sparringAdmin.settings.lawyerFailed")}
              formError={
                lawyerError?.formError
                  ? {
                      id: "sparring-lawyer-error",
                      message: t(`dbErrors.${lawyerError.formError}`),
                    }
                  : null
              }
            />
            <LawyerChoices people={candidates} />
          </section>
        </>
      ) : (
        <>
          <section aria-labelledby="sparring-target-heading" className="max-w-3xl space-y-2">
            <h3 id="sparring-target-heading" className="text-xl font-semibold">
              {t("sparringAdmin.settings.targetHeading")}
            </h3>
            <p>{t("sparringAdmin.settings.targetCurrent", { count: targetWorkingDays })}</p>
          </section>
          <section aria-labelledby="sparring-lawyers-heading" className="max-w-3xl space-y-3">
            <h3 id="sparring-lawyers-heading" className="text-xl font-semibold">
              {t("sparringAdmin.settings.lawyersHeading")}
            </h3>
            <LawyerList lawyers={lawyers} />
          </section>
          <p className="max-w-3xl text-slate-800">
            {archived
              ? t("sparringAdmin.settings.archived")
              : t("sparringAdmin.settings.coordinatorsOnly")}
          </p>
        </>
      )}
    </div>
  );
}
