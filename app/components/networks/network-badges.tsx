import { useTranslation } from "react-i18next";
import type { NetworkRole } from "~/lib/network";

const badgeClass =
  "inline-block rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap";

/** Marks a network by words, never colour alone: members only, archived, the reader's role. */
export function NetworkBadges(props: {
  membersOnly: boolean;
  archived: boolean;
  role: NetworkRole | null;
}) {
  const { t } = useTranslation();
  if (!props.membersOnly && !props.archived && !props.role) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("networks.badges.label")}>
      {props.role ? (
        <li className={`${badgeClass} border-blue-800 bg-blue-50 text-blue-950`}>
          {t("networks.badges.yourRole", { role: t(`networks.members.roles.${props.role}`) })}
        </li>
      ) : null}
      {props.membersOnly ? (
        <li className={`${badgeClass} border-slate-600 bg-slate-100 text-slate-900`}>
          {t("networks.badges.membersOnly")}
        </li>
      ) : null}
      {props.archived ? (
        <li className={`${badgeClass} border-amber-700 bg-amber-50 text-amber-950`}>
          {t("networks.badges.archived")}
        </li>
      ) : null}
    </ul>
  );
}
