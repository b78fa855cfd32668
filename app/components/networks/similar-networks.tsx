import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface SimilarNetwork {
  slug: string;
  name: string;
  owner: string | null;
  members: number;
  archived: boolean;
}

/** Existing networks like the one being created, so people join rather than duplicate. */
export function SimilarNetworks({ networks }: { networks: SimilarNetwork[] }) {
  const { t } = useTranslation();
  if (networks.length === 0) return null;
  return (
    <section
      aria-labelledby="similar-networks-heading"
      className="space-y-2 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="similar-networks-heading" className="font-semibold">
        {t("networks.create.similarTitle")}
      </h2>
      <p className="text-sm">{t("networks.create.similarIntro")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {networks.map((network) => (
          <li key={network.slug}>
            <Link
              to={`/networks/${network.slug}`}
              target="_blank"
              className="font-medium text-blue-900 underline underline-offset-4"
            >
              {network.name}
            </Link>
            <span className="text-sm">
              {" "}
              (
              {[network.owner, t("networks.create.similarMembers", { count: network.members })]
                .filter(Boolean)
                .join(", ")}
              {network.archived ? `, ${t("networks.badges.archived")}` : ""})
            </span>
            <span className="sr-only"> {t("networks.create.opensInNewTab")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
