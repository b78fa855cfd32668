import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import {
  emptyFeedback,
  type FeedbackField,
  type FeedbackFieldErrors,
  type FeedbackValues,
  problemMaxLength,
  suggestionMaxLength,
  wholeDocument,
} from "~/lib/feedback-form";
import type { ParagraphOption } from "~/lib/library";

const fieldIds: Record<FeedbackField, string> = {
  paragraph: "feedback-paragraph",
  problem: "feedback-problem",
  suggestion: "feedback-suggestion",
};

function TextArea(props: {
  field: FeedbackField;
  label: string;
  hint: string;
  error: string | null;
  defaultValue: string;
  maxLength: number;
  required?: boolean;
}) {
  const id = fieldIds[props.field];
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {props.label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {props.hint}
      </p>
      <textarea
        id={id}
        name={props.field}
        rows={4}
        required={props.required}
        maxLength={props.maxLength}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {props.error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export interface FeedbackFailure {
  values: FeedbackValues;
  fieldErrors: FeedbackFieldErrors;
  formError: DbErrorKey | null;
}

/**
 * A reader's feedback on one published version: which paragraph, what is wrong and a suggestion.
 * Refused input comes back into the fields with the problems beside them; a sent one is thanked
 * for above a fresh form.
 */
export function FeedbackForm(props: {
  slug: string;
  versionNumber: number;
  paragraphs: ParagraphOption[];
  /** The id of the feedback just sent, if any: a new form for each one. */
  sentId: string | null;
  failure: FeedbackFailure | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod === "POST";
  const { failure } = props;
  const values = failure?.values ?? emptyFeedback;
  const fieldError = (field: FeedbackField) => {
    const key = failure?.fieldErrors[field];
    return key ? t(`library.feedback.errors.${key}`) : null;
  };
  const problems = (Object.keys(fieldIds) as FeedbackField[]).flatMap((field) => {
    const message = fieldError(field);
    return message ? [{ field: fieldIds[field], message }] : [];
  });
  return (
    <section id="feedback" aria-labelledby="feedback-heading" className="space-y-4">
      <h2 id="feedback-heading" className="text-2xl font-semibold">
        {t("library.feedback.heading")}
      </h2>
      <p className="max-w-3xl">{t("library.feedback.intro", { number: props.versionNumber })}</p>
      {props.sentId && !failure ? (
        <Notice tone="success">
          <p>{t("library.feedback.sent")}</p>
          <p>
            <Link
              to={`/library/${props.slug}/feedback`}
              className="font-medium text-blue-800 underline underline-offset-2"
            >
              {t("library.feedback.follow")}
            </Link>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary
        title={t("library.feedback.errorTitle")}
        formError={
          failure?.formError
            ? { id: "feedback-form-error", message: t(`dbErrors.${failure.formError}`) }
            : null
        }
        problems={problems}
      />
      <Form
        method="post"
        // A fresh form after each sent feedback; a refused one keeps what was typed.
        key={props.sentId ?? "feedback"}
        className="max-w-3xl space-y-4"
        aria-labelledby="feedback-heading"
        noValidate
      >
        <SelectField
          id={fieldIds.paragraph}
          name="paragraph"
          label={t("library.feedback.paragraph")}
          hint={t("library.feedback.paragraphHint")}
          error={fieldError("paragraph")}
          defaultValue={values.paragraph}
        >
          <option value={wholeDocument}>{t("library.feedback.wholeDocument")}</option>
          {props.paragraphs.map((paragraph) => (
            <option key={paragraph.index} value={String(paragraph.index)}>
              {t("library.feedback.paragraphOption", {
                number: paragraph.index + 1,
                excerpt: paragraph.excerpt,
              })}
            </option>
          ))}
        </SelectField>
        <TextArea
          field="problem"
          label={t("library.feedback.problem")}
          hint={t("library.feedback.problemHint")}
          error={fieldError("problem")}
          defaultValue={values.problem}
          maxLength={problemMaxLength}
          required
        />
        <TextArea
          field="suggestion"
          label={t("library.feedback.suggestion")}
          hint={t("library.feedback.suggestionHint")}
          error={fieldError("suggestion")}
          defaultValue={values.suggestion}
          maxLength={suggestionMaxLength}
        />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass("primary")} disabled={pending}>
            {pending ? t("library.feedback.submitting") : t("library.feedback.submit")}
          </button>
          <Link
            to={`/library/${props.slug}/feedback`}
            className="text-blue-800 underline underline-offset-2"
          >
            {t("library.feedback.mine")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
