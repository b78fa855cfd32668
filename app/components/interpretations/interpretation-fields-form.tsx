import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { TextField } from "~/components/forms/text-field";
import { TextareaField } from "~/components/forms/textarea-field";
import { buttonClass } from "~/components/ui/button";
import type { LegalFailure } from "~/lib/interpretation-fields-form";
import { issuingBodyMaxLength, justificationMaxLength } from "~/lib/interpretation-fields-form";
import type { DocumentLegalView } from "~/lib/interpretations";
import { LegalFailureSummary, useFieldError } from "./legal-failure-summary";

const fieldIds = {
  issuingBody: "interpretation-issuing-body",
  justification: "interpretation-justification",
  validFrom: "interpretation-valid-from",
  validTo: "interpretation-valid-to",
  supersedes: "interpretation-supersedes",
} as const;

/** An interpretation's structured fields, for its editors; save_interpretation decides. */
export function InterpretationFieldsForm(props: {
  view: DocumentLegalView;
  failure: LegalFailure | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "fields";
  const failure = props.failure?.intent === "fields" ? props.failure : null;
  const fieldError = useFieldError(failure);
  const values = failure?.values ?? props.view.fields;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <LegalFailureSummary id="interpretation-fields-error" failure={failure} fieldIds={fieldIds} />
      <Form
        // Start again from the saved values once they change.
        key={JSON.stringify(props.view.fields)}
        method="post"
        className="grid gap-4 md:grid-cols-2"
        noValidate
        aria-describedby={failure?.formError ? "interpretation-fields-error" : undefined}
      >
        <input type="hidden" name="intent" value="fields" />
        <TextField
          id={fieldIds.issuingBody}
          name="issuingBody"
          label={t("interpretations.fields.issuingBody")}
          hint={t("interpretations.fields.issuingBodyHint")}
          error={fieldError("issuingBody")}
          defaultValue={values.issuingBody}
          maxLength={issuingBodyMaxLength}
          required
          autoComplete="organization"
          className="md:col-span-2"
        />
        <TextareaField
          id={fieldIds.justification}
          name="justification"
          label={t("interpretations.fields.justification")}
          hint={t("interpretations.fields.justificationHint")}
          error={fieldError("justification")}
          defaultValue={values.justification}
          maxLength={justificationMaxLength}
          rows={8}
          className="md:col-span-2"
        />
        <TextField
          id={fieldIds.validFrom}
          name="validFrom"
          type="date"
          label={t("interpretations.fields.validFrom")}
          error={fieldError("validFrom")}
          defaultValue={values.validFrom}
          required
        />
        <TextField
          id={fieldIds.validTo}
          name="validTo"
          type="date"
          label={t("interpretations.fields.validTo")}
          hint={t("interpretations.fields.validToHint")}
          error={fieldError("validTo")}
          defaultValue={values.validTo}
        />
        <SelectField
          id={fieldIds.supersedes}
          name="supersedes"
          label={t("interpretations.fields.supersedes")}
          hint={t("interpretations.fields.supersedesHint")}
          error={fieldError("supersedes")}
          defaultValue={values.supersedes}
          className="md:col-span-2"
        >
          <option value="">{t("interpretations.fields.noSupersedes")}</option>
          {props.view.supersedeOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </SelectField>
        <div className="md:col-span-2">
          <button type="submit" className={buttonClass("primary")} disabled={saving}>
            {saving ? t("interpretations.fields.saving") : t("interpretations.fields.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** The fields as readers of the draft see them. */
export function InterpretationFieldsFacts(props: { view: DocumentLegalView }) {
  const { t } = useTranslation();
  const { view } = props;
  if (!view.hasRecord) return <p>{t("interpretations.fields.notSaved")}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">{t("interpretations.fields.issuingBody")}</dt>
      <dd>{view.fields.issuingBody}</dd>
      <dt className="font-medium">{t("interpretations.fields.justification")}</dt>
      <dd className="whitespace-pre-line">
        {view.fields.justification || t("interpretations.fields.noJustification")}
      </dd>
      <dt className="font-medium">{t("interpretations.fields.validFrom")}</dt>
      <dd>
        {view.validFrom ? <time dateTime={view.validFrom.iso}>{view.validFrom.text}</time> : null}
      </dd>
      <dt className="font-medium">{t("interpretations.fields.validTo")}</dt>
      <dd>
        {view.validTo ? (
          <time dateTime={view.validTo.iso}>{view.validTo.text}</time>
        ) : (
          t("interpretations.fields.untilFurtherNotice")
        )}
      </dd>
      <dt className="font-medium">{t("interpretations.fields.supersedes")}</dt>
      <dd>{view.fields.supersedesTitle ?? t("interpretations.fields.noSupersedes")}</dd>
    </dl>
  );
}

/** The sparring question the interpretation came from, for those who may read it. */
export function QuestionLink(props: { href: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <span className="font-medium">{t("interpretations.fields.question")}: </span>
      <Link to={props.href} className="text-blue-800 underline underline-offset-2">
        {t("interpretations.fields.openQuestion")}
      </Link>
    </p>
  );
}
