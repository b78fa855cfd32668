import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLocale } from "~/lib/i18n";
import { type LegalSectionRef, sectionLabel, sectionPath } from "~/lib/legal-acts";

export interface SectionReference extends LegalSectionRef {
  id: string;
  /** The heading in the reader's language, when the caller has it. */
  heading?: string | null;
}

/**
 * The sections a question, answer or interpretation cites, each a link to the section's
 * divergence page, where every organisation's reading of it is side by side.
 */
export function SectionReferences(props: { sections: SectionReference[]; label: string }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "fi";
  if (props.sections.length === 0) {
    return <p className="text-sm text-slate-700">{t("legal.references.none")}</p>;
  }
  return (
    <ul aria-label={props.label} className="flex flex-wrap gap-x-4 gap-y-1">
      {props.sections.map((section) => (
        <li key={section.id}>
          <Link
            to={sectionPath(section)}
            className="font-medium text-blue-800 underline underline-offset-2 hover:no-underline"
          >
            {sectionLabel(section, locale)}
          </Link>
          {section.heading ? <span className="text-slate-700"> {section.heading}</span> : null}
        </li>
      ))}
    </ul>
  );
}
