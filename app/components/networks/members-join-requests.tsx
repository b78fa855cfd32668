import { useTranslation } from "react-i18next";
import type { JoinRequest } from "~/lib/network-members.server";
import { MemberActionButton } from "./members-action-button";
import { MemberIdentity } from "./members-refusal";

/** Pending join requests with Approve and Reject, for the network's coordinators. */
export function MembersJoinRequests(props: { requests: (JoinRequest & { created: string })[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="join-requests-heading" className="space-y-3">
      <h3 id="join-requests-heading" className="text-xl font-semibold">
        {t("networks.members.requestsTitle")}
      </h3>
      {props.requests.length === 0 ? (
        <p>{t("networks.members.noRequests")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {props.requests.map((request) => (
            <li key={request.id} className="flex flex-wrap items-start gap-3 p-3">
              <div className="mr-auto min-w-0 space-y-1">
                <p>
                  <MemberIdentity
                    name={request.name}
                    title={request.title}
                    organisation={request.organisation}
                    isGuest={request.isGuest}
                    guestLabel={t("networks.members.guest")}
                  />
                </p>
                <p className="text-sm text-slate-700">
                  {t("networks.members.requestedOn")}{" "}
                  <time dateTime={request.createdAt}>{request.created}</time>
                </p>
                {request.message ? (
                  <blockquote className="border-l-4 border-slate-300 pl-3 whitespace-pre-line">
                    <span className="sr-only">{t("networks.members.requestMessage")}: </span>
                    {request.message}
                  </blockquote>
                ) : null}
              </div>
              <div className="flex flex-wrap gap-2">
                <MemberActionButton
                  intent="approveRequest"
                  field={["requestId", request.id]}
                  label={t("networks.members.approve")}
                  about={request.name}
                  variant="primary"
                />
                <MemberActionButton
                  intent="rejectRequest"
                  field={["requestId", request.id]}
                  label={t("networks.members.reject")}
                  about={request.name}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
