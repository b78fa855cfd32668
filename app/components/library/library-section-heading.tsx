import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLocale } from "~/lib/i18n";
import { type LegalSection, sectionLabel, sectionPath, sectionTitle } from "~/lib/legal-acts";

/** Which section the list is narrowed to, with the way to every organisation's reading of it. */
export function LibrarySectionHeading(props: { section: LegalSection; clearUrl: string }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "fi";
  return (
    <div className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-4">
      <h3 className="text-xl font-semibold">
        {t("interpretations.library.sectionHeading", {
          label: sectionLabel(props.section, locale),
        })}
      </h3>
      <p className="text-slate-800">{sectionTitle(props.section, locale)}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-1">
        <Link
          to={sectionPath(props.section)}
          className="font-medium text-blue-800 underline underline-offset-2"
        >
          {t("interpretations.library.divergence")}
        </Link>
        <Link to={props.clearUrl} className="text-blue-800 underline underline-offset-2">
          {t("interpretations.library.clear")}
        </Link>
      </p>
    </div>
  );
}
