import { Form, Link, useNavigation } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import { inputClass, TextField } from "~/components/forms/text-field";
import { TextareaField } from "~/components/forms/textarea-field";
import { SectionPicker } from "~/components/legal/section-picker";
import { buttonClass } from "~/components/ui/button";
import {
  interpretationTitleMaxLength,
  type PromoteFieldErrors,
  type PromoteFormValues,
} from "~/lib/interpretation-form";
import type { InterpretationOption } from "~/lib/interpretations";
import type { LegalAct } from "~/lib/legal-acts";
import type { PersonalDataKind } from "~/lib/personal-data";
import type { SparringRefusal } from "~/lib/sparring-question.server";
import { personalDataNames, refusalMessage } from "./refusal-message";

type Field = keyof PromoteFieldErrors;

const ids: Record<Field, string> = {
  title: "promote-title",
  issuingBody: "promote-issuing-body",
  justification: "promote-justification",
  validFrom: "promote-valid-from",
  validTo: "promote-valid-to",
  supersedes: "promote-supersedes",
  sectionIds: "promote-sections",
};

const fieldOrder: Field[] = [
  "title",
  "issuingBody",
  "justification",
  "validFrom",
  "validTo",
  "supersedes",
  "sectionIds",
];

/**
 * The accepted answer becomes an interpretation: its title, issuer, justification, validity, the
 * interpretation it supersedes and its legal basis. What was typed is shown again after a
 * refusal, with each problem next to its field and in the summary at the top.
 */
export function PromoteForm(props: {
  acts: LegalAct[];
  supersedeOptions: InterpretationOption[];
  values: PromoteFormValues;
  fieldErrors: PromoteFieldErrors;
  /** The kinds the personal-data check found, to name them. */
  personalData: PersonalDataKind[];
  refusal: SparringRefusal | null;
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const { values, fieldErrors } = props;
  const message = (field: Field): string | null => {
    const code = fieldErrors[field];
    if (!code) return null;
    const key = `sparringQuestion.promote.errors.${field}.${code}`;
    // Only the combinations a field can produce have their own words; anything else is generic.
    return i18n.exists(key)
      ? t(key as ParseKeys, { kinds: personalDataNames(t, props.personalData) })
      : t("sparringQuestion.promote.errors.fallback");
  };
  const problems: FieldProblem[] = fieldOrder.flatMap((field) => {
    const text = message(field);
    return text ? [{ field: ids[field], message: text }] : [];
  });
  const formErrorId = "promote-form-error";
  const describedBy = props.refusal ? formErrorId : null;
  const supersedesError = message("supersedes");

  return (
    <Form method="post" noValidate className="space-y-5">
      <ErrorSummary
        title={t("sparringQuestion.promote.errorSummary")}
        formError={
          props.refusal
            ? {
                id: formErrorId,
                message: refusalMessage(t, props.refusal, {
                  forbidden: t("sparringQuestion.promote.refusals.forbidden"),
                  invalidState: t("sparringQuestion.promote.refusals.invalidState"),
                  duplicate: t("sparringQuestion.promote.refusals.duplicate"),
                }),
              }
            : null
        }
        problems={problems}
      />
      <TextField
        id={ids.title}
        name="title"
        label={t("sparringQuestion.promote.titleField")}
        hint={t("sparringQuestion.promote.titleHint")}
        error={message("title")}
        describedBy={describedBy}
        defaultValue={values.title}
        maxLength={interpretationTitleMaxLength}
        required
        autoComplete="off"
      />
      <TextField
        id={ids.issuingBody}
        name="issuingBody"
        label={t("sparringQuestion.promote.issuingBody")}
        hint={t("sparringQuestion.promote.issuingBodyHint")}
        error={message("issuingBody")}
        defaultValue={values.issuingBody}
        maxLength={300}
        required
        autoComplete="organization"
      />
      <TextareaField
        id={ids.justification}
        name="justification"
        label={t("sparringQuestion.promote.justification")}
        hint={t("sparringQuestion.promote.justificationHint")}
        error={message("justification")}
        defaultValue={values.justification}
        rows={8}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={ids.validFrom}
          name="validFrom"
          type="date"
          label={t("sparringQuestion.promote.validFrom")}
          error={message("validFrom")}
          defaultValue={values.validFrom}
          required
        />
        <TextField
          id={ids.validTo}
          name="validTo"
          type="date"
          label={t("sparringQuestion.promote.validTo")}
          hint={t("sparringQuestion.promote.validToHint")}
          error={message("validTo")}
          defaultValue={values.validTo}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.supersedes} className="block font-medium">
          {t("sparringQuestion.promote.supersedes")}
        </label>
        <p id={`${ids.supersedes}-hint`} className="text-sm text-slate-700">
          {t("sparringQuestion.promote.supersedesHint")}
        </p>
        <select
          id={ids.supersedes}
          name="supersedes"
          defaultValue={values.supersedes}
          aria-invalid={supersedesError ? true : undefined}
          aria-describedby={[
            `${ids.supersedes}-hint`,
            supersedesError ? `${ids.supersedes}-error` : null,
          ]
            .filter(Boolean)
            .join(" ")}
          className={inputClass}
        >
          <option value="">{t("sparringQuestion.promote.supersedesNone")}</option>
          {props.supersedeOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </select>
        {supersedesError ? (
          <p id={`${ids.supersedes}-error`} className="text-sm font-medium text-red-800">
            {supersedesError}
          </p>
        ) : null}
      </div>
      <SectionPicker
        id={ids.sectionIds}
        acts={props.acts}
        name="sectionIds"
        selected={values.sectionIds}
        label={t("sparringQuestion.promote.sections")}
        hint={t("sparringQuestion.promote.sectionsHint")}
        error={message("sectionIds")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={submitting}>
          {submitting
            ? t("sparringQuestion.promote.submitting")
            : t("sparringQuestion.promote.submit")}
        </button>
        <Link to={props.cancelTo} className={buttonClass("secondary")}>
          {t("sparringQuestion.promote.cancel")}
        </Link>
      </div>
    </Form>
  );
}
