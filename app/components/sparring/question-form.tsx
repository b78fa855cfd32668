import { Form, Link, useNavigation } from "@remix-run/react";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { TextareaField } from "~/components/forms/textarea-field";
import { SectionPicker } from "~/components/legal/section-picker";
import { buttonClass } from "~/components/ui/button";
import type { LegalAct } from "~/lib/legal-acts";
import { findPossibleNames } from "~/lib/personal-data";
import {
  parseQuestionForm,
  personalDataSightings,
  type QuestionField,
  type QuestionFieldError,
  type QuestionFieldErrors,
  type QuestionFormValues,
  questionFields,
  questionFormValues,
  similarQuery,
} from "~/lib/sparring-question-form";
import { PersonalDataWarning } from "./personal-data-warning";
import { SimilarItems } from "./similar-items";
import { useDebouncedValue } from "./use-debounced-value";

const warningId = "personal-data-warning";
const guardDelayMs = 250;

/**
 * The ask form. As the person types, the personal-data guard says what it found and where, and
 * earlier similar questions and interpretations are suggested. Sending runs the same schema as
 * the server and stops here when it fails; the server and the database check again.
 */
export function QuestionForm(props: {
  acts: LegalAct[];
  values: QuestionFormValues;
  fieldErrors: QuestionFieldErrors;
  /** A refusal that is not about one field, already in the reader's words. */
  formError: string | null;
  /** The action's latest answer: a new one replaces the problems found in the browser. */
  serverAnswer: object | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  const [title, setTitle] = useState(props.values.title);
  const [body, setBody] = useState(props.values.body);
  const [tags, setTags] = useState(props.values.tags);
  // Problems found here when sending; the server's come in props after a round trip.
  const [blocked, setBlocked] = useState<{
    errors: QuestionFieldErrors;
    after: object | undefined;
  } | null>(null);
  const fieldErrors =
    blocked && blocked.after === props.serverAnswer ? blocked.errors : props.fieldErrors;
  const formError = blocked && blocked.after === props.serverAnswer ? null : props.formError;

  const current = useMemo(() => ({ title, body, tags }), [title, body, tags]);
  const typed = useDebouncedValue(current, guardDelayMs);
  const sightings = useMemo(() => personalDataSightings(typed), [typed]);
  const names = useMemo(() => findPossibleNames(`${typed.title}\n${typed.body}`), [typed]);

  const message = (field: QuestionField, error: QuestionFieldError | undefined) => {
    if (!error) return null;
    if (error.key === "personalData") {
      return t("sparring.form.errors.personalData", {
        field: t(`sparring.form.fields.${field}`),
        kinds: (error.kinds ?? [])
          .map((kind) => t(`sparring.personalData.kinds.${kind}`))
          .join(", "),
      });
    }
    return t(`sparring.form.errors.${error.key}`);
  };
  const problems: FieldProblem[] = questionFields.flatMap((field) => {
    const text = message(field, fieldErrors[field]);
    return text ? [{ field, message: text }] : [];
  });
  const errorOf = (field: QuestionField) => message(field, fieldErrors[field]);

  const check = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseQuestionForm(questionFormValues(new FormData(event.currentTarget)));
    if (parsed.success) {
      setBlocked(null);
      return;
    }
    event.preventDefault();
    setBlocked({ errors: parsed.fieldErrors, after: props.serverAnswer });
  };

  return (
    <Form
      method="post"
      noValidate
      onSubmit={check}
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
    >
      <ErrorSummary
        title={t("sparring.form.failed")}
        formError={formError ? { id: "question-form-error", message: formError } : null}
        problems={problems}
      />
      <TextField
        id="title"
        label={t("sparring.form.title")}
        hint={t("sparring.form.titleHint")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        autoComplete="off"
        required
        error={errorOf("title")}
        describedBy={sightings.length > 0 ? warningId : null}
      />
      <TextareaField
        id="body"
        name="body"
        label={t("sparring.form.body")}
        hint={t("sparring.form.bodyHint")}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        rows={8}
        error={errorOf("body")}
        describedBy={sightings.length > 0 ? warningId : null}
      />
      <PersonalDataWarning id={warningId} sightings={sightings} names={names} />
      <SimilarItems query={similarQuery(title, body)} />
      <SectionPicker
        acts={props.acts}
        name="sections"
        id="sections"
        selected={props.values.sections}
        label={t("sparring.form.sections")}
        hint={t("sparring.form.sectionsHint")}
        error={errorOf("sections")}
      />
      <TextField
        id="tags"
        label={t("sparring.form.tags")}
        hint={t("sparring.form.tagsHint")}
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        autoComplete="off"
        error={errorOf("tags")}
        describedBy={sightings.some((sighting) => sighting.field === "tags") ? warningId : null}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={submitting}>
          {submitting ? t("sparring.form.submitting") : t("sparring.form.submit")}
        </button>
        <Link to={props.cancelTo} className={buttonClass("secondary")}>
          {t("sparring.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
