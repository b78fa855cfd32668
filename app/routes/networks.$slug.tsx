import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import {
  Outlet,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";
import { MembershipControls } from "~/components/networks/membership-controls";
import { NetworkBadges } from "~/components/networks/network-badges";
import { WorkspaceTabs } from "~/components/networks/workspace-tabs";
import { formValues, parseForm } from "~/lib/form-errors";
import { getLocale } from "~/lib/i18n.server";
import { networkName, networkPurpose } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import {
  type MembershipIntent,
  membershipActionSchema,
  membershipIntents,
} from "~/lib/network-membership";
import {
  describeMembershipRefusal,
  type MembershipRefusal,
  runMembershipAction,
  workspaceHeader,
} from "~/lib/network-workspace.server";
import { safeRedirect } from "~/lib/safe-redirect";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, role, isCoordinator, user, access } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const header = await workspaceHeader(client, {
    networkId: network.id,
    ownerOrganisationId: network.owner_organisation_id,
    homeOrganisationId: access.organisation_id,
    userId: user.id,
    isMember: role !== null,
    locale,
  });
  return data(
    {
      slug: network.slug,
      name: networkName(network, locale),
      purpose: networkPurpose(network, locale),
      kind: network.kind,
      membersOnly: network.visibility === "members",
      archived: network.archived_at !== null,
      joinPolicy: network.join_policy,
      role,
      isCoordinator,
      ...header,
    },
    { headers },
  );
}

interface MembershipActionData {
  intent: MembershipIntent | null;
  refusal: MembershipRefusal;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const values = formValues(await request.formData());
  const intent = (membershipIntents as readonly unknown[]).includes(values.intent)
    ? (values.intent as MembershipIntent)
    : null;
  const parsed = parseForm(membershipActionSchema, values);
  if (!parsed.success) {
    return data<MembershipActionData>(
      { intent, refusal: { kind: "db", key: "invalidValue" } },
      { status: 400, headers },
    );
  }
  const error = await runMembershipAction(client, network.id, parsed.data);
  if (error) {
    const { refusal, status } = describeMembershipRefusal(error);
    return data<MembershipActionData>({ intent, refusal }, { status, headers });
  }
  const base = `/networks/${network.slug}`;
  const returnTo = safeRedirect(values.returnTo, base);
  // Back to the tab the person was on; after leaving, to the overview, or to the directory
  // when the network is for members only and so no longer theirs to see.
  const leftHidden = parsed.data.intent === "leave" && network.visibility === "members";
  const back = leftHidden
    ? "/networks"
    : parsed.data.intent !== "leave" && returnTo.startsWith(base)
      ? returnTo
      : base;
  const target = new URL(back, "http://verkko.invalid");
  target.searchParams.set("membership", parsed.data.intent);
  throw redirect(`${target.pathname}${target.search}`, { headers });
}

function isMembershipIntent(value: string | null): value is MembershipIntent {
  return (membershipIntents as readonly (string | null)[]).includes(value);
}

export default function NetworkWorkspace() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" ? searchParams.get("membership") : null;

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm font-medium text-slate-700">
          {t(`networks.kinds.${loaded.kind}`)}
          {loaded.ownerName ? ` · ${loaded.ownerName}` : null}
        </p>
        <h1 className="text-3xl font-bold">{loaded.name}</h1>
        <NetworkBadges
          membersOnly={loaded.membersOnly}
          archived={loaded.archived}
          role={loaded.role}
        />
        <p className="max-w-3xl whitespace-pre-line text-slate-800">{loaded.purpose}</p>
        <MembershipControls state={loaded} />
      </header>

      {loaded.archived ? (
        <Notice tone="warning">{t("networks.workspace.archivedBanner")}</Notice>
      ) : null}
      <ErrorSummary
        title={t("networks.membership.failed")}
        formError={
          actionData?.refusal
            ? {
                id: "membership-error",
                message:
                  actionData.refusal.kind === "membership"
                    ? t(`networks.membership.refusals.${actionData.refusal.key}`)
                    : t(`dbErrors.${actionData.refusal.key}`),
              }
            : null
        }
      />
      {navigation.state === "idle" && searchParams.get("created") === "1" ? (
        <Notice tone="success">{t("networks.workspace.created")}</Notice>
      ) : null}
      {isMembershipIntent(done) && !actionData ? (
        <Notice tone="success">{t(`networks.membership.done.${done}`)}</Notice>
      ) : null}

      <WorkspaceTabs
        slug={loaded.slug}
        isCoordinator={loaded.isCoordinator}
        isBoard={loaded.kind === "editorial_board"}
        isSparring={loaded.kind === "legal_sparring"}
      />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="networks.workspace.notFoundTitle"
      text="networks.workspace.notFoundText"
      backTo="/networks"
      backLabel="networks.workspace.backToDirectory"
    />
  );
}
