import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { networkRoles } from "~/lib/network";
import type { NetworkMember } from "~/lib/network-members.server";
import { useSubmitting } from "./members-action-button";

export type ListedMember = NetworkMember & { joined: string };

/** The network's active members, coordinators first; coordinators also change roles and remove. */
export function MembersList(props: {
  members: ListedMember[];
  filter: string;
  manage: boolean;
  me: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="members-list-heading" className="space-y-4">
      <h3 id="members-list-heading" className="text-xl font-semibold">
        {t("networks.members.listTitle")}
      </h3>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="members-filter" className="block font-medium">
            {t("networks.members.filterLabel")}
          </label>
          <input
            id="members-filter"
            name="q"
            type="search"
            defaultValue={props.filter}
            className={inputClass}
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("networks.members.filterSubmit")}
        </button>
        {props.filter ? (
          <Link to="?" className={buttonClass("quiet")}>
            {t("networks.members.filterClear")}
          </Link>
        ) : null}
      </Form>
      {props.members.length === 0 ? (
        <p>{props.filter ? t("networks.members.noMatches") : t("networks.members.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{t("networks.members.listTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("networks.members.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("networks.members.organisation")}
                </th>
                <th scope="col" className="p-2">
                  {t("networks.members.role")}
                </th>
                <th scope="col" className="p-2">
                  {t("networks.members.joined")}
                </th>
                {props.manage ? (
                  <th scope="col" className="p-2">
                    {t("networks.members.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {props.members.map((member) => (
                <tr key={member.userId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    {member.name}
                    {member.userId === props.me ? (
                      <span className="font-normal"> ({t("networks.members.you")})</span>
                    ) : null}
                    {member.title ? (
                      <span className="block text-sm font-normal text-slate-700">
                        {member.title}
                      </span>
                    ) : null}
                  </th>
                  <td className="p-2">
                    {member.organisation}
                    {member.isGuest ? (
                      <span className="mt-1 block w-fit rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
                        {t("networks.members.guest")}
                      </span>
                    ) : null}
                  </td>
                  <td className="p-2">{t(`networks.members.roles.${member.role}`)}</td>
                  <td className="p-2">
                    <time dateTime={member.joinedAt}>{member.joined}</time>
                  </td>
                  {props.manage ? (
                    <td className="p-2">
                      <MemberControls member={member} filter={props.filter} me={props.me} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberControls(props: { member: ListedMember; filter: string; me: string }) {
  const { t } = useTranslation();
  const { member } = props;
  const submitting = useSubmitting("setRole", ["userId", member.userId]);
  const selectId = `role-${member.userId}`;
  const removeParams = new URLSearchParams({ remove: member.userId });
  if (props.filter) removeParams.set("q", props.filter);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={member.userId} />
        <div>
          <label htmlFor={selectId} className="sr-only">
            {t("networks.members.roleFor", { name: member.name })}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={member.role}
            className="rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            {networkRoles.map((role) => (
              <option key={role} value={role}>
                {t(`networks.members.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          name="intent"
          value="setRole"
          disabled={submitting}
          aria-label={`${t("networks.members.changeRole")}: ${member.name}`}
          className={buttonClass("secondary")}
        >
          {t("networks.members.changeRole")}
        </button>
      </Form>
      {member.userId === props.me ? null : (
        <Link
          to={`?${removeParams}`}
          aria-label={`${t("networks.members.remove")}: ${member.name}`}
          className={buttonClass("secondary")}
        >
          {t("networks.members.remove")}
        </Link>
      )}
    </div>
  );
}
