import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import type { FieldErrors } from "~/lib/form-errors";
import { targetRange } from "~/lib/sparring-settings-form";

/** The coordinators' form for the response target: the first answer within N working days. */
export function TargetForm(props: {
  /** The saved target, or what was posted when saving failed. */
  value: string;
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "target";
  const fieldError = props.fieldErrors.working_days
    ? t("sparringAdmin.settings.targetInvalid", targetRange)
    : null;
  const formErrorId = props.formError ? "sparring-target-error" : null;

  return (
    <section aria-labelledby="sparring-target-heading" className="max-w-3xl space-y-4">
      <h3 id="sparring-target-heading" className="text-xl font-semibold">
        {t("sparringAdmin.settings.targetHeading")}
      </h3>
      <p className="text-slate-800">{t("sparringAdmin.settings.targetIntro")}</p>
      <ErrorSummary
        title={t("sparringAdmin.settings.targetFailed")}
        formError={
          props.formError
            ? { id: "sparring-target-error", message: t(`dbErrors.${props.formError}`) }
            : null
        }
        problems={fieldError ? [{ field: "sparring-target-days", message: fieldError }] : []}
      />
      <Form
        method="post"
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <input type="hidden" name="intent" value="target" />
        <TextField
          id="sparring-target-days"
          name="working_days"
          type="number"
          inputMode="numeric"
          min={targetRange.min}
          max={targetRange.max}
          className="max-w-xs"
          label={t("sparringAdmin.settings.targetLabel")}
          hint={t("sparringAdmin.settings.targetHint", targetRange)}
          defaultValue={props.value}
          error={fieldError}
          describedBy={formErrorId}
          required
        />
        <button type="submit" className={buttonClass("primary")} disabled={saving}>
          {saving ? t("sparringAdmin.settings.saving") : t("sparringAdmin.settings.saveTarget")}
        </button>
      </Form>
    </section>
  );
}
