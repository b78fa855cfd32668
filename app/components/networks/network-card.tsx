import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NetworkRole, networkKinds } from "~/lib/network";
import { NetworkBadges } from "./network-badges";

export interface NetworkCardData {
  id: string;
  slug: string;
  kind: (typeof networkKinds)[number];
  name: string;
  purpose: string;
  owner: string | null;
  coordinators: string[];
  members: number;
  lastActivity: string;
  lastActivityIso: string;
  membersOnly: boolean;
  archived: boolean;
  role: NetworkRole | null;
}

/** A network in the directory: what it is for, who runs it, how alive it is. */
export function NetworkCard({ network }: { network: NetworkCardData }) {
  const { t } = useTranslation();
  return (
    <article
      aria-labelledby={`network-${network.id}`}
      className="flex h-full flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4"
    >
      <p className="text-sm font-medium text-slate-700">{t(`networks.kinds.${network.kind}`)}</p>
      <h2 id={`network-${network.id}`} className="text-lg font-semibold">
        <Link
          to={`/networks/${network.slug}`}
          className="text-blue-800 underline underline-offset-4 hover:text-blue-950"
        >
          {network.name}
        </Link>
      </h2>
      <NetworkBadges
        membersOnly={network.membersOnly}
        archived={network.archived}
        role={network.role}
      />
      <p className="line-clamp-3 text-slate-800">{network.purpose}</p>
      <dl className="mt-auto grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-700">{t("networks.directory.owner")}</dt>
        <dd>{network.owner ?? "–"}</dd>
        <dt className="font-medium text-slate-700">{t("networks.directory.coordinators")}</dt>
        <dd>{network.coordinators.length > 0 ? network.coordinators.join(", ") : "–"}</dd>
        <dt className="font-medium text-slate-700">{t("networks.directory.members")}</dt>
        <dd>{network.members}</dd>
        <dt className="font-medium text-slate-700">{t("networks.directory.lastActivity")}</dt>
        <dd>
          <time dateTime={network.lastActivityIso}>{network.lastActivity}</time>
        </dd>
      </dl>
    </article>
  );
}
