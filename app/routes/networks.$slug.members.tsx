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
import { MembersConfirmRemove } from "~/components/networks/members-confirm-remove";
import { MembersInvitations } from "~/components/networks/members-invitations";
import { MembersInviteForms } from "~/components/networks/members-invite-forms";
import { MembersJoinRequests } from "~/components/networks/members-join-requests";
import { MembersList } from "~/components/networks/members-list";
import { refusalText } from "~/components/networks/members-refusal";
import { type FieldErrors, formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { isMemberIntent, type MemberIntent } from "~/lib/network-members";
import {
  describeRefusal,
  memberActionSchema,
  networkMembers,
  pendingInvitations,
  pendingJoinRequests,
  type Refusal,
  runMemberAction,
  searchPeopleToInvite,
} from "~/lib/network-members.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, isCoordinator } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const url = new URL(request.url);
  const filter = url.searchParams.get("q") ?? "";
  const find = url.searchParams.get("find") ?? "";
  // Which controls to show; the database checks every action again.
  const manage = isCoordinator && network.archived_at === null;
  const [members, requests, invitations, search] = await Promise.all([
    networkMembers(client, network.id, locale, filter),
    manage ? pendingJoinRequests(client, network.id, locale) : [],
    manage ? pendingInvitations(client, network.id) : [],
    manage ? searchPeopleToInvite(client, network.id, find) : { people: [], error: null },
  ]);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  });
  const removeId = url.searchParams.get("remove");
  const confirmRemove = manage
    ? (members.find((member) => member.userId === removeId) ?? null)
    : null;
  return data(
    {
      title: pageTitle(`${t("networks.members.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      archived: network.archived_at !== null,
      manage,
      me: user.id,
      filter,
      find,
      members: members.map((member) => ({
        ...member,
        joined: date.format(new Date(member.joinedAt)),
      })),
      requests: requests.map((each) => ({
        ...each,
        created: date.format(new Date(each.createdAt)),
      })),
      invitations: invitations.map((each) => ({
        ...each,
        created: date.format(new Date(each.createdAt)),
      })),
      searchResults: search.people,
      searchRefusal: search.error
        ? describeRefusal(search.error, "Searching people").refusal
        : null,
      confirmRemove,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export interface MembersActionData {
  intent: MemberIntent | null;
  refusal: Refusal | null;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const form = await request.formData();
  const values = formValues(form);
  const intent = isMemberIntent(values.intent) ? values.intent : null;
  const posted = Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  const parsed = parseForm(memberActionSchema, values);
  if (!parsed.success) {
    return data<MembersActionData>(
      {
        intent,
        refusal: intent === "inviteEmail" ? null : { kind: "db", key: "invalidValue" },
        fieldErrors: parsed.fieldErrors,
        values: posted,
      },
      { status: 400, headers },
    );
  }
  const error = await runMemberAction(client, network.id, parsed.data);
  if (error) {
    const { refusal, status } = describeRefusal(error, `Members action ${parsed.data.intent}`);
    return data<MembersActionData>(
      { intent, refusal, fieldErrors: {}, values: posted },
      { status, headers },
    );
  }
  const next = new URLSearchParams({ done: parsed.data.intent });
  throw redirect(`/networks/${network.slug}/members?${next}`, { headers });
}

export default function NetworkMembers() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" ? searchParams.get("done") : null;
  const fieldErrors = actionData?.intent === "inviteEmail" ? actionData.fieldErrors : {};
  const problems = (["email", "role", "message"] as const).flatMap((field) => {
    const key = fieldErrors[field];
    return key ? [{ field: `invite-${field}`, message: t(`forms.errors.${key}`) }] : [];
  });

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("networks.members.title")}</h2>
        <p className="text-slate-800">
          {t("networks.members.count", { count: loaded.members.length })}
        </p>
      </div>

      <ErrorSummary
        title={t("networks.members.actionFailed")}
        formError={
          actionData?.refusal
            ? { id: "members-error", message: refusalText(t, actionData.refusal) }
            : null
        }
        problems={problems}
      />
      {isMemberIntent(done) && !actionData ? (
        <Notice tone="success">{t(`networks.members.done.${done}`)}</Notice>
      ) : null}
      {loaded.archived ? <Notice>{t("networks.members.archived")}</Notice> : null}

      {loaded.confirmRemove ? (
        <MembersConfirmRemove member={loaded.confirmRemove} filter={loaded.filter} />
      ) : null}

      {loaded.manage ? <MembersJoinRequests requests={loaded.requests} /> : null}

      <MembersList
        members={loaded.members}
        filter={loaded.filter}
        manage={loaded.manage}
        me={loaded.me}
      />

      {loaded.manage ? (
        <>
          <MembersInviteForms
            find={loaded.find}
            searchResults={loaded.searchResults}
            searchRefusal={loaded.searchRefusal}
            actionData={actionData ?? null}
          />
          <MembersInvitations invitations={loaded.invitations} />
        </>
      ) : null}
    </div>
  );
}
