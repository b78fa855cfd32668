import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import type { InterpretationFieldErrors, LegalFailure } from "~/lib/interpretation-fields-form";
import { personalDataKindsText } from "./personal-data-text";

/** The message under a field, or null. */
export function useFieldError(failure: LegalFailure | null) {
  const { t } = useTranslation();
  return (field: keyof InterpretationFieldErrors): string | null => {
    const key = failure?.fieldErrors[field];
    return key ? t(`interpretations.fieldErrors.${key}`) : null;
  };
}

/**
 * What went wrong with one of the tab's forms: the database's refusal in words (naming the
 * personal data it found) and links to the fields with a problem.
 */
export function LegalFailureSummary(props: {
  id: string;
  failure: LegalFailure | null;
  /** Field name → the id of its input, for the links. */
  fieldIds: Partial<Record<keyof InterpretationFieldErrors, string>>;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError(props.failure);
  const failure = props.failure;
  if (!failure) return null;
  const problems: FieldProblem[] = [];
  for (const [field, id] of Object.entries(props.fieldIds) as [
    keyof InterpretationFieldErrors,
    string,
  ][]) {
    const message = fieldError(field);
    if (message) {
      problems.push({
        field: id,
        message: t(`interpretations.fieldProblems.${field}`, { message }),
      });
    }
  }
  const formError = failure.formError
    ? {
        id: props.id,
        message: t(`interpretations.errors.${failure.formError}`, {
          kinds: personalDataKindsText(t, failure.personalData),
        }),
      }
    : null;
  return (
    <ErrorSummary
      title={t("interpretations.page.errorSummary")}
      formError={formError}
      problems={problems}
    />
  );
}
