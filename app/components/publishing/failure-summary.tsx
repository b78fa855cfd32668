import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import type { PublishingFailure } from "~/lib/publishing";

/**
 * What went wrong with one of the tab's forms, at its top: the database's refusal in words and
 * links to the fields with a problem (their messages are the form's own).
 */
export function FailureSummary(props: {
  id: string;
  failure: PublishingFailure | null;
  problems?: FieldProblem[];
}) {
  const { t } = useTranslation();
  const formError = props.failure?.formError;
  return (
    <ErrorSummary
      title={t("publishing.errorSummary")}
      formError={formError ? { id: props.id, message: t(formError) } : null}
      problems={props.problems ?? []}
    />
  );
}
