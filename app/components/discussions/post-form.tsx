import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldProblem } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import {
  discussionErrorMessageKey,
  type MentionCandidate,
  type PostFormValues,
  type ThreadField,
  type ThreadFieldErrors,
  threadKinds,
  titleMaxLength,
} from "~/lib/discussion-form";
import { MentionPicker } from "./mention-picker";

/**
 * A post: a new thread (title, kind, body, mentions), a reply (body, mentions) or an edit of
 * either (title for a thread, and the body). Errors come back as keys and show next to their
 * fields and in a summary that takes the focus; the posted values are shown again.
 */
export function PostForm(props: {
  mode: "thread" | "reply" | "editThread" | "editReply";
  /** Prefix of the field ids, so a reply form and an edit form can share a page. */
  idPrefix: string;
  intent: string;
  values: PostFormValues;
  fieldErrors: ThreadFieldErrors;
  formError: DbErrorKey | null;
  candidates?: MentionCandidate[];
  draftKey?: string;
  /** Changes when the editor should start again (after a successful reply). */
  editorKey?: string;
  hiddenFields?: Record<string, string>;
  cancelTo?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === props.intent;
  const { values, fieldErrors, mode, idPrefix } = props;
  const ids: Record<ThreadField, string> = {
    title: `${idPrefix}title`,
    kind: `${idPrefix}kind-${values.kind}`,
    body: `${idPrefix}body`,
    mentions: `${idPrefix}mentions`,
  };
  const message = (field: ThreadField) => {
    const key = fieldErrors[field];
    return key ? t(discussionErrorMessageKey(field, key)) : null;
  };
  const problems: FieldProblem[] = (["title", "kind", "body", "mentions"] as const).flatMap(
    (field) => {
      const text = message(field);
      return text ? [{ field: ids[field], message: text }] : [];
    },
  );
  const formErrorId = `${idPrefix}form-error`;
  const withTitle = mode === "thread" || mode === "editThread";
  const withMentions = (mode === "thread" || mode === "reply") && props.candidates;
  const [submitLabel, submittingLabel] =
    mode === "thread"
      ? [t("discussions.form.publish"), t("discussions.form.publishing")]
      : mode === "reply"
        ? [t("discussions.form.sendReply"), t("discussions.form.sending")]
        : [t("discussions.form.save"), t("discussions.form.saving")];
  const bodyLabel =
    mode === "reply"
      ? t("discussions.form.reply")
      : mode === "thread"
        ? t("discussions.form.body")
        : t("discussions.form.editBody");

  return (
    <Form method="post" noValidate className={`space-y-5 ${props.className ?? ""}`}>
      <ErrorSummary
        title={t("discussions.form.errorSummary")}
        formError={
          props.formError ? { id: formErrorId, message: t(`dbErrors.${props.formError}`) } : null
        }
        problems={problems}
      />
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {withTitle ? (
        <TextField
          id={ids.title}
          name="title"
          label={t("discussions.form.title")}
          hint={t("discussions.form.titleHint")}
          error={message("title")}
          defaultValue={values.title}
          maxLength={titleMaxLength}
          required
          autoComplete="off"
        />
      ) : null}
      {mode === "thread" ? (
        <fieldset
          className="space-y-2"
          aria-describedby={message("kind") ? `${idPrefix}kind-error` : undefined}
        >
          <legend className="font-medium">{t("discussions.form.kind")}</legend>
          {message("kind") ? (
            <p id={`${idPrefix}kind-error`} className="text-sm font-medium text-red-800">
              {message("kind")}
            </p>
          ) : null}
          {threadKinds.map((kind) => (
            <div key={kind} className="flex items-start gap-2">
              <input
                id={`${idPrefix}kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={values.kind === kind}
                className="mt-1 size-4"
              />
              <label htmlFor={`${idPrefix}kind-${kind}`}>
                {kind === "question"
                  ? t("discussions.form.kindQuestion")
                  : t("discussions.form.kindDiscussion")}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <RichTextEditor
        // Siblings: their keys must differ, or React confuses the two.
        key={`body-${props.editorKey ?? ""}`}
        id={ids.body}
        name="body"
        label={bodyLabel}
        description={mode === "editReply" ? undefined : t("discussions.form.bodyHint")}
        initialHtml={values.bodyHtml}
        error={message("body")}
        describedBy={props.formError ? formErrorId : null}
        draftKey={props.draftKey}
        required
      />
      {withMentions ? (
        <MentionPicker
          key={`mentions-${props.editorKey ?? ""}`}
          id={ids.mentions}
          candidates={props.candidates ?? []}
          selected={values.mentions}
          error={message("mentions")}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        {props.cancelTo ? (
          <Link to={props.cancelTo} preventScrollReset className={buttonClass("secondary")}>
            {t("discussions.form.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
