import { Form, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { FieldErrors, FormErrorKey } from "~/lib/form-errors";
import { maxTopics } from "~/lib/network-settings-form";

/** Form field ids by the name the server reports problems under, for the error summary's links. */
export const settingsFieldIds: Record<string, string> = {
  name_fi: "settings-name-fi",
  name_sv: "settings-name-sv",
  purpose_fi: "settings-purpose-fi",
  purpose_sv: "settings-purpose-sv",
  visibility: "settings-visibility-signed_in",
  join_policy: "settings-join-open",
  topics: "settings-topics",
  next_review: "settings-next-review",
};

/** A field's problem in words; "too many tags" means topics here, and a review date has its rule. */
export function settingsErrorMessage(t: TFunction, field: string, key: FormErrorKey): string {
  if (key === "tooManyTags") return t("networks.settings.tooManyTopics", { count: maxTopics });
  if (field === "next_review") return t("networks.settings.reviewDateInvalid");
  return t(`forms.errors.${key}`);
}

interface NetworkSettingsValues {
  name_fi: string;
  name_sv: string;
  purpose_fi: string;
  purpose_sv: string;
  visibility: string;
  join_policy: string;
  allow_guests: boolean;
  topics: string;
}

function TextArea(props: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  error: string | null;
  required?: boolean;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block font-medium">
        {props.label}
      </label>
      <textarea
        id={props.id}
        name={props.name}
        rows={5}
        maxLength={4000}
        required={props.required}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={inputClass}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function RadioGroup(props: {
  name: string;
  idPrefix: string;
  legend: string;
  options: { value: string; label: string; hint: string }[];
  defaultValue: string;
  error: string | null;
}) {
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={props.error ? `${props.idPrefix}-error` : undefined}
    >
      <legend className="font-medium">{props.legend}</legend>
      {props.error ? (
        <p id={`${props.idPrefix}-error`} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
      {props.options.map((option) => {
        const id = `${props.idPrefix}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <input
              id={id}
              type="radio"
              name={props.name}
              value={option.value}
              defaultChecked={props.defaultValue === option.value}
              aria-describedby={`${id}-hint`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={id} className="font-medium">
                {option.label}
              </label>
              <p id={`${id}-hint`} className="text-sm text-slate-700">
                {option.hint}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The network's name, purpose, visibility, join policy, guests and topics. */
export function SettingsForm(props: {
  network: NetworkSettingsValues;
  /** What was posted when saving failed, so nothing typed is lost. */
  posted: { fieldErrors: FieldErrors; values: Record<string, string> } | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const posted = props.posted;
  const value = (field: Exclude<keyof NetworkSettingsValues, "allow_guests">) =>
    posted ? (posted.values[field] ?? "") : props.network[field];
  const error = (field: string) => {
    const key = posted?.fieldErrors[field];
    return key ? settingsErrorMessage(t, field, key) : null;
  };
  return (
    <section aria-labelledby="settings-basics-heading" className="space-y-4">
      <h3 id="settings-basics-heading" className="text-xl font-semibold">
        {t("networks.settings.basicsTitle")}
      </h3>
      <Form
        method="post"
        noValidate
        className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      >
        <TextField
          id="settings-name-fi"
          name="name_fi"
          label={t("networks.settings.nameFi")}
          defaultValue={value("name_fi")}
          error={error("name_fi")}
          maxLength={200}
          required
        />
        <TextField
          id="settings-name-sv"
          name="name_sv"
          label={t("networks.settings.nameSv")}
          hint={t("networks.settings.svHint")}
          defaultValue={value("name_sv")}
          error={error("name_sv")}
          maxLength={200}
          lang="sv"
        />
        <TextArea
          id="settings-purpose-fi"
          name="purpose_fi"
          label={t("networks.settings.purposeFi")}
          defaultValue={value("purpose_fi")}
          error={error("purpose_fi")}
          required
        />
        <TextArea
          id="settings-purpose-sv"
          name="purpose_sv"
          label={t("networks.settings.purposeSv")}
          defaultValue={value("purpose_sv")}
          error={error("purpose_sv")}
        />
        <RadioGroup
          name="visibility"
          idPrefix="settings-visibility"
          legend={t("networks.settings.visibility")}
          defaultValue={value("visibility")}
          error={error("visibility")}
          options={(["signed_in", "members"] as const).map((option) => ({
            value: option,
            label: t(`networks.settings.visibilities.${option}`),
            hint: t(`networks.settings.visibilityHints.${option}`),
          }))}
        />
        <RadioGroup
          name="join_policy"
          idPrefix="settings-join"
          legend={t("networks.settings.joinPolicy")}
          defaultValue={value("join_policy")}
          error={error("join_policy")}
          options={(["open", "request", "invitation"] as const).map((option) => ({
            value: option,
            label: t(`networks.settings.joinPolicies.${option}`),
            hint: t(`networks.settings.joinPolicyHints.${option}`),
          }))}
        />
        <div className="flex items-start gap-2">
          <input
            id="settings-allow-guests"
            type="checkbox"
            name="allow_guests"
            defaultChecked={
              posted ? posted.values.allow_guests === "on" : props.network.allow_guests
            }
            aria-describedby="settings-allow-guests-hint"
            className="mt-1 h-4 w-4"
          />
          <div>
            <label htmlFor="settings-allow-guests" className="font-medium">
              {t("networks.settings.allowGuests")}
            </label>
            <p id="settings-allow-guests-hint" className="text-sm text-slate-700">
              {t("networks.settings.allowGuestsHint")}
            </p>
          </div>
        </div>
        <TextField
          id="settings-topics"
          name="topics"
          label={t("networks.settings.topics")}
          hint={t("networks.settings.topicsHint", { count: maxTopics })}
          defaultValue={value("topics")}
          error={error("topics")}
        />
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={saving}
          className={buttonClass("primary")}
        >
          {saving ? t("networks.settings.saving") : t("networks.settings.save")}
        </button>
      </Form>
    </section>
  );
}
