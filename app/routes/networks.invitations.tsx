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
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { MemberActionButton } from "~/components/networks/members-action-button";
import { refusalText } from "~/components/networks/members-refusal";
import { requireActiveUser } from "~/lib/access.server";
import { formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  invitationNetworkSlug,
  invitationResponseSchema,
  myPendingInvitations,
  respondToInvitation,
} from "~/lib/network-invitations.server";
import { describeRefusal, type Refusal } from "~/lib/network-members.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const invitations = await myPendingInvitations(client, user, locale);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  });
  return data(
    {
      title: pageTitle(t("networks.invitations.title")),
      invitations: invitations.map((each) => ({
        ...each,
        created: date.format(new Date(each.createdAt)),
      })),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context }: ActionFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const parsed = parseForm(invitationResponseSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<{ refusal: Refusal }>(
      { refusal: { kind: "db", key: "invalidValue" } },
      { status: 400, headers },
    );
  }
  const { intent, invitationId } = parsed.data;
  const slug = await invitationNetworkSlug(client, invitationId);
  const error = await respondToInvitation(client, invitationId, intent === "accept");
  if (error) {
    const { refusal, status } = describeRefusal(error, "Responding to an invitation");
    return data({ refusal }, { status, headers });
  }
  if (intent === "accept" && slug) throw redirect(`/networks/${slug}`, { headers });
  throw redirect(`/networks/invitations?done=${intent}`, { headers });
}

export default function MyInvitations() {
  const { invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" ? searchParams.get("done") : null;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("networks.invitations.title")}</h1>
      <p>{t("networks.invitations.intro")}</p>
      <ErrorSummary
        title={t("networks.invitations.actionFailed")}
        formError={
          actionData?.refusal
            ? { id: "invitations-error", message: refusalText(t, actionData.refusal) }
            : null
        }
      />
      {(done === "decline" || done === "accept") && !actionData ? (
        <Notice tone="success">{t(`networks.invitations.done.${done}`)}</Notice>
      ) : null}
      {invitations.length === 0 ? (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-medium">{t("networks.invitations.empty")}</p>
          <p>
            <Link to="/networks" className="text-blue-800 underline underline-offset-4">
              {t("networks.invitations.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="space-y-4">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <article
                aria-labelledby={`invitation-${invitation.id}`}
                className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
              >
                <h2 id={`invitation-${invitation.id}`} className="text-xl font-semibold">
                  {invitation.networkName}
                </h2>
                <p className="text-slate-800">{invitation.networkPurpose}</p>
                <p className="text-sm text-slate-700">
                  {invitation.invitedBy
                    ? t("networks.invitations.invitedBy", { name: invitation.invitedBy })
                    : t("networks.invitations.invited")}{" "}
                  <time dateTime={invitation.createdAt}>{invitation.created}</time> ·{" "}
                  {t("networks.invitations.asRole", {
                    role: t(`networks.members.roles.${invitation.role}`),
                  })}
                </p>
                {invitation.message ? (
                  <blockquote className="border-l-4 border-slate-300 pl-3 whitespace-pre-line">
                    <span className="sr-only">{t("networks.invitations.message")}: </span>
                    {invitation.message}
                  </blockquote>
                ) : null}
                <div className="flex flex-wrap gap-3">
                  <MemberActionButton
                    intent="accept"
                    field={["invitationId", invitation.id]}
                    label={t("networks.invitations.accept")}
                    about={invitation.networkName}
                    variant="primary"
                  />
                  <MemberActionButton
                    intent="decline"
                    field={["invitationId", invitation.id]}
                    label={t("networks.invitations.decline")}
                    about={invitation.networkName}
                  />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
