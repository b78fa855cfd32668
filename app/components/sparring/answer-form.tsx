import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import { inputClass } from "~/components/forms/text-field";
import { SectionPicker } from "~/components/legal/section-picker";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { buttonClass } from "~/components/ui/button";
import type { InterpretationOption } from "~/lib/interpretations";
import type { LegalAct } from "~/lib/legal-acts";
import type { PersonalDataKind } from "~/lib/personal-data";
import type { AnswerFieldErrors, AnswerFormValues } from "~/lib/sparring-answer-form";
import type { SparringRefusal } from "~/lib/sparring-question.server";
import { personalDataNames, refusalMessage } from "./refusal-message";

const ids = {
  body: "answer-body",
  sectionIds: "answer-sections",
  interpretationId: "answer-interpretation",
} as const;

/**
 * The answer form: rich text, optionally the sections and an earlier interpretation it cites.
 * Problems show next to their fields and in a summary that takes the focus; what was typed is
 * shown again (and kept as a draft in this browser until the answer reaches the database).
 */
export function AnswerForm(props: {
  questionId: string;
  acts: LegalAct[];
  interpretations: InterpretationOption[];
  values: AnswerFormValues;
  fieldErrors: AnswerFieldErrors;
  /** The kinds the personal-data check found in the answer, to name them. */
  personalData: PersonalDataKind[];
  refusal: SparringRefusal | null;
  /** Changes when the editor should start afresh (after an answer was sent). */
  editorKey: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "answer";
  const { fieldErrors } = props;
  const bodyError = fieldErrors.body
    ? t(`sparringQuestion.errors.body.${fieldErrors.body}`, {
        kinds: personalDataNames(t, props.personalData),
      })
    : null;
  const sectionsError = fieldErrors.sectionIds
    ? t("sparringQuestion.errors.sectionIds.invalid")
    : null;
  const interpretationError = fieldErrors.interpretationId
    ? t("sparringQuestion.errors.interpretationId.invalid")
    : null;
  const problems: FieldProblem[] = [
    { field: ids.body, message: bodyError },
    { field: ids.sectionIds, message: sectionsError },
    { field: ids.interpretationId, message: interpretationError },
  ].flatMap(({ field, message }) => (message ? [{ field, message }] : []));
  const formErrorId = "answer-form-error";
  const interpretationDescribedBy = [
    `${ids.interpretationId}-hint`,
    interpretationError ? `${ids.interpretationId}-error` : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <Form method="post" noValidate className="space-y-5" aria-labelledby="answer-form-heading">
      <h3 id="answer-form-heading" className="text-xl font-semibold">
        {t("sparringQuestion.form.heading")}
      </h3>
      <ErrorSummary
        title={t("sparringQuestion.form.errorSummary")}
        formError={
          props.refusal
            ? {
                id: formErrorId,
                message: refusalMessage(t, props.refusal, {
                  invalidState: t("sparringQuestion.form.closed"),
                }),
              }
            : null
        }
        problems={problems}
      />
      <input type="hidden" name="intent" value="answer" />
      <RichTextEditor
        key={`answer-${props.editorKey}`}
        id={ids.body}
        name="body"
        label={t("sparringQuestion.form.body")}
        description={t("sparringQuestion.form.bodyHint")}
        initialHtml={props.values.bodyHtml}
        error={bodyError}
        describedBy={props.refusal ? formErrorId : null}
        draftKey={`sparring-answer:${props.questionId}`}
        required
      />
      <SectionPicker
        key={`sections-${props.editorKey}`}
        id={ids.sectionIds}
        acts={props.acts}
        name="sectionIds"
        selected={props.values.sectionIds}
        label={t("sparringQuestion.form.sections")}
        hint={t("sparringQuestion.form.sectionsHint")}
        error={sectionsError}
      />
      {props.interpretations.length > 0 ? (
        <div className="space-y-1">
          <label htmlFor={ids.interpretationId} className="block font-medium">
            {t("sparringQuestion.form.interpretation")}
          </label>
          <p id={`${ids.interpretationId}-hint`} className="text-sm text-slate-700">
            {t("sparringQuestion.form.interpretationHint")}
          </p>
          <select
            key={`interpretation-${props.editorKey}`}
            id={ids.interpretationId}
            name="interpretationId"
            defaultValue={props.values.interpretationId}
            aria-invalid={interpretationError ? true : undefined}
            aria-describedby={interpretationDescribedBy}
            className={inputClass}
          >
            <option value="">{t("sparringQuestion.form.noInterpretation")}</option>
            {props.interpretations.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </select>
          {interpretationError ? (
            <p id={`${ids.interpretationId}-error`} className="text-sm font-medium text-red-800">
              {interpretationError}
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className={buttonClass("primary")} disabled={submitting}>
        {submitting ? t("sparringQuestion.form.submitting") : t("sparringQuestion.form.submit")}
      </button>
    </Form>
  );
}
