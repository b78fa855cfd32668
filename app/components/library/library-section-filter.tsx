import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { buttonClass } from "~/components/ui/button";
import { isLocale } from "~/lib/i18n";
import { actTitle, type LegalAct, sectionTitle } from "~/lib/legal-acts";
import type { LibraryKindFilter } from "~/lib/library";

/**
 * Narrows the library to documents about one act section; a plain GET form with the sections
 * grouped by act, so it works without scripts. The kind chosen in the other filter is kept.
 */
export function LibrarySectionFilter(props: {
  acts: LegalAct[];
  section: string | null;
  kind: LibraryKindFilter;
}) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "fi";
  return (
    <Form method="get" action="/library" className="flex flex-wrap items-end gap-3">
      {props.kind === "all" ? null : <input type="hidden" name="kind" value={props.kind} />}
      <SelectField
        id="library-section"
        name="section"
        label={t("interpretations.library.sectionLabel")}
        defaultValue={props.section ?? ""}
        // A new select when the URL changes, so back and forward show what is listed.
        key={props.section ?? ""}
        className="min-w-72 max-w-full flex-1"
      >
        <option value="">{t("interpretations.library.anySection")}</option>
        {props.acts.map((act) => (
          <optgroup key={act.id} label={`${act.id} ${actTitle(act, locale)}`}>
            {act.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {sectionTitle(section, locale)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <button type="submit" className={buttonClass("secondary")}>
        {t("interpretations.library.filter")}
      </button>
    </Form>
  );
}
