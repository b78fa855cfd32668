import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LibraryListItem } from "~/lib/library";

/** Published documents as links with what readers scan for: kind, version, date, owner. */
export function LibraryList(props: { items: (LibraryListItem & { superseded?: boolean })[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {props.items.map((item) => (
        <li key={item.slug} className="space-y-1 p-4">
          <p className="text-sm font-medium text-slate-700">{t(`documents.kinds.${item.kind}`)}</p>
          <h3 className="text-lg font-semibold">
            <Link
              to={`/library/${item.slug}`}
              lang={item.language}
              className="text-blue-800 underline-offset-2 hover:underline"
            >
              {item.title}
            </Link>
          </h3>
          <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
            <span>{t("library.list.version", { number: item.version })}</span>
            <span>{t("library.list.published", { date: item.published.text })}</span>
            {item.ownerOrganisation ? (
              <span>{t("library.list.owner", { organisation: item.ownerOrganisation })}</span>
            ) : null}
            {item.language === "fi" || item.language === "sv" ? (
              <span>
                {t("library.list.language", {
                  language: t(`documents.languages.${item.language}`),
                })}
              </span>
            ) : null}
            {item.outdated ? (
              <span className="font-semibold text-amber-900">{t("library.list.outdated")}</span>
            ) : null}
            {item.superseded ? (
              <span className="rounded bg-amber-100 px-2 font-semibold text-amber-950">
                {t("interpretations.library.superseded")}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
