import { useTranslation } from "react-i18next";
import type { PendingInvitation } from "~/lib/network-members.server";
import { MemberActionButton } from "./members-action-button";

/** Open invitations of the network, each with Revoke, for its coordinators. */
export function MembersInvitations(props: {
  invitations: (PendingInvitation & { created: string })[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pending-invitations-heading" className="space-y-3">
      <h3 id="pending-invitations-heading" className="text-xl font-semibold">
        {t("networks.members.invitationsTitle")}
      </h3>
      {props.invitations.length === 0 ? (
        <p>{t("networks.members.noInvitations")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {props.invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3 p-3">
              <div className="mr-auto min-w-0">
                <p className="font-medium">{invitation.invitee}</p>
                <p className="text-sm text-slate-700">
                  {t(`networks.members.roles.${invitation.role}`)} ·{" "}
                  {invitation.invitedBy
                    ? t("networks.members.invitedBy", { name: invitation.invitedBy })
                    : null}{" "}
                  <time dateTime={invitation.createdAt}>{invitation.created}</time>
                </p>
              </div>
              <MemberActionButton
                intent="revokeInvitation"
                field={["invitationId", invitation.id]}
                label={t("networks.members.revoke")}
                about={invitation.invitee}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
