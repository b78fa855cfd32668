import { useTranslation } from "react-i18next";
import { SectionReferences } from "~/components/legal/section-references";
import type { CitedSection } from "~/lib/interpretations";

/** The act sections a published version refers to; nothing when it refers to none. */
export function VersionLegalReferences(props: { sections: CitedSection[] }) {
  const { t } = useTranslation();
  if (props.sections.length === 0) return null;
  return (
    <section aria-labelledby="version-legal-references-heading" className="max-w-3xl space-y-2">
      <h2 id="version-legal-references-heading" className="text-lg font-semibold">
        {t("interpretations.references.heading")}
      </h2>
      <SectionReferences sections={props.sections} label={t("interpretations.references.label")} />
    </section>
  );
}
