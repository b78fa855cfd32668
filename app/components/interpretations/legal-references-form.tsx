import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionPicker } from "~/components/legal/section-picker";
import { SectionReferences } from "~/components/legal/section-references";
import { buttonClass } from "~/components/ui/button";
import type { LegalFailure } from "~/lib/interpretation-fields-form";
import type { CitedSection } from "~/lib/interpretations";
import type { LegalAct } from "~/lib/legal-acts";
import { LegalFailureSummary, useFieldError } from "./legal-failure-summary";

const pickerId = "legal-references-picker";

/** The act sections a document cites: a picker for its editors, a list for everyone else. */
export function LegalReferencesForm(props: {
  acts: LegalAct[];
  sections: CitedSection[];
  canEdit: boolean;
  failure: LegalFailure | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "sections";
  const failure = props.failure?.intent === "sections" ? props.failure : null;
  const fieldError = useFieldError(failure);
  if (!props.canEdit) {
    return props.sections.length === 0 ? (
      <p>{t("interpretations.sections.none")}</p>
    ) : (
      <SectionReferences sections={props.sections} label={t("interpretations.sections.label")} />
    );
  }
  const saved = props.sections.map((section) => section.id);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <LegalFailureSummary
        id="legal-references-error"
        failure={failure}
        fieldIds={{ sectionIds: pickerId }}
      />
      <Form key={saved.join(",")} method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="sections" />
        <SectionPicker
          id={pickerId}
          acts={props.acts}
          name="sectionIds"
          selected={failure?.sectionIds.length ? failure.sectionIds : saved}
          label={t("interpretations.sections.label")}
          hint={t("interpretations.sections.hint")}
          multiple
          error={fieldError("sectionIds")}
        />
        <button type="submit" className={buttonClass("primary")} disabled={saving}>
          {saving ? t("interpretations.sections.saving") : t("interpretations.sections.save")}
        </button>
      </Form>
    </div>
  );
}
