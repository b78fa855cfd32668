import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import { versionNameMaxLength } from "~/lib/document-history";
import type { FormErrorKey } from "~/lib/form-errors";

/**
 * Names the document's current text as a version. What was typed comes back after a refusal
 * (`value`), and the button says it is working while the server flushes and saves.
 */
export function NameVersionForm(props: {
  value: string;
  fieldError: FormErrorKey | null;
  formError: DbErrorKey | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "name";
  const fieldMessage = props.fieldError ? t(`forms.errors.${props.fieldError}`) : null;
  return (
    <section
      aria-labelledby="name-version-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="name-version-heading" className="text-xl font-semibold">
        {t("history.name.heading")}
      </h2>
      <ErrorSummary
        title={t("history.name.failed")}
        formError={
          props.formError
            ? { id: "name-version-error", message: t(`dbErrors.${props.formError}`) }
            : null
        }
        problems={fieldMessage ? [{ field: "name", message: fieldMessage }] : []}
      />
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="name" />
        <TextField
          id="name"
          label={t("history.name.label")}
          hint={t("history.name.hint")}
          error={fieldMessage}
          describedBy={props.formError ? "name-version-error" : null}
          defaultValue={props.value}
          maxLength={versionNameMaxLength}
          required
          autoComplete="off"
        />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? t("history.name.pending") : t("history.name.submit")}
        </button>
      </Form>
    </section>
  );
}
