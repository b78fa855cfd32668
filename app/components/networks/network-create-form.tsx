import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { networkKinds } from "~/lib/network";
import { maxSlugLength, type NetworkCreateField, slugify } from "~/lib/network-form";
import { maxTopics } from "~/lib/network-settings-form";
import { type SimilarNetwork, SimilarNetworks } from "./similar-networks";

export interface CreateFormValues {
  slug: string;
  kind: string;
  name_fi: string;
  name_sv: string;
  purpose_fi: string;
  purpose_sv: string;
  visibility: string;
  join_policy: string;
  allow_guests: boolean;
  topics: string;
  review_due: string;
}

/** Field ids by field name, for the error summary's links and aria-describedby. */
export const createFieldIds: Record<NetworkCreateField, string> = {
  slug: "network-slug",
  kind: "network-kind",
  name_fi: "network-name-fi",
  name_sv: "network-name-sv",
  purpose_fi: "network-purpose-fi",
  purpose_sv: "network-purpose-sv",
  visibility: "network-visibility-signed_in",
  join_policy: "network-join-open",
  allow_guests: "network-allow-guests",
  topics: "network-topics",
  review_due: "network-review-due",
};

function TextArea(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue: string;
  error: string | null;
  required?: boolean;
}) {
  const describedBy = [
    props.hint ? `${props.id}-hint` : null,
    props.error ? `${props.id}-error` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block font-medium">
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.id}
        name={props.name}
        rows={5}
        maxLength={4000}
        required={props.required}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
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

function Choice(props: {
  legend: string;
  name: string;
  idPrefix: string;
  options: { value: string; label: string; hint: string }[];
  value: string;
  error: string | null;
}) {
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={props.error ? `${props.idPrefix}-error` : undefined}
    >
      <legend className="font-medium">{props.legend}</legend>
      {props.options.map((option) => (
        <div key={option.value} className="flex items-start gap-2">
          <input
            type="radio"
            id={`${props.idPrefix}-${option.value}`}
            name={props.name}
            value={option.value}
            defaultChecked={props.value === option.value}
            aria-describedby={`${props.idPrefix}-${option.value}-hint`}
            className="mt-1 h-5 w-5"
          />
          <div>
            <label htmlFor={`${props.idPrefix}-${option.value}`} className="font-medium">
              {option.label}
            </label>
            <p id={`${props.idPrefix}-${option.value}-hint`} className="text-sm text-slate-700">
              {option.hint}
            </p>
          </div>
        </div>
      ))}
      {props.error ? (
        <p id={`${props.idPrefix}-error`} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface SimilarData {
  similar: SimilarNetwork[];
}

/** The creation form; with JavaScript the address follows the name and similar networks show up. */
export function NetworkCreateForm(props: {
  values: CreateFormValues;
  errors: Record<string, string | null>;
  ownerName: string | null;
  similar: SimilarNetwork[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const fetcher = useFetcher<SimilarData>();
  const [slug, setSlug] = useState(props.values.slug);
  // The address follows the name until the person edits the address themselves.
  const slugEdited = useRef(
    props.values.slug !== "" && props.values.slug !== slugify(props.values.name_fi),
  );
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const lastQuery = useRef(props.values.name_fi.trim());
  useEffect(() => () => clearTimeout(timer.current), []);

  const onNameChange = (name: string) => {
    if (!slugEdited.current) setSlug(slugify(name));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const query = name.trim();
      if (query.length < 3 || query === lastQuery.current) return;
      lastQuery.current = query;
      fetcher.load(`/networks/new?similar=${encodeURIComponent(query)}`);
    }, 400);
  };
  const similar = fetcher.data?.similar ?? props.similar;
  const error = (field: string) => props.errors[field] ?? null;

  return (
    <Form method="post" noValidate className="max-w-3xl space-y-6">
      <TextField
        id={createFieldIds.name_fi}
        name="name_fi"
        label={t("networks.settings.nameFi")}
        defaultValue={props.values.name_fi}
        error={error("name_fi")}
        onChange={(event) => onNameChange(event.currentTarget.value)}
        maxLength={200}
        required
        autoComplete="off"
      />
      <div aria-live="polite">
        <SimilarNetworks networks={similar} />
      </div>
      <TextField
        id={createFieldIds.slug}
        name="slug"
        label={t("networks.create.slug")}
        hint={t("networks.create.slugHint", { example: "tyollisyyspalvelujen-verkosto" })}
        value={slug}
        onChange={(event) => {
          slugEdited.current = true;
          setSlug(event.currentTarget.value);
        }}
        error={error("slug")}
        maxLength={maxSlugLength}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="space-y-1">
        <label htmlFor={createFieldIds.kind} className="block font-medium">
          {t("networks.create.kind")}
        </label>
        <select
          id={createFieldIds.kind}
          name="kind"
          defaultValue={props.values.kind}
          aria-invalid={error("kind") ? true : undefined}
          aria-describedby={error("kind") ? `${createFieldIds.kind}-error` : undefined}
          className={inputClass}
        >
          <option value="">{t("networks.create.chooseKind")}</option>
          {networkKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`networks.kinds.${kind}`)}
            </option>
          ))}
        </select>
        {error("kind") ? (
          <p id={`${createFieldIds.kind}-error`} className="text-sm font-medium text-red-800">
            {error("kind")}
          </p>
        ) : null}
      </div>
      <TextArea
        id={createFieldIds.purpose_fi}
        name="purpose_fi"
        label={t("networks.settings.purposeFi")}
        hint={t("networks.create.purposeHint")}
        defaultValue={props.values.purpose_fi}
        error={error("purpose_fi")}
        required
      />
      <TextField
        id={createFieldIds.name_sv}
        name="name_sv"
        label={t("networks.settings.nameSv")}
        hint={t("networks.settings.svHint")}
        defaultValue={props.values.name_sv}
        error={error("name_sv")}
        maxLength={200}
        lang="sv"
        autoComplete="off"
      />
      <TextArea
        id={createFieldIds.purpose_sv}
        name="purpose_sv"
        label={t("networks.settings.purposeSv")}
        defaultValue={props.values.purpose_sv}
        error={error("purpose_sv")}
      />
      <dl className="space-y-1">
        <dt className="font-medium">{t("networks.create.owner")}</dt>
        <dd className="text-slate-900">{props.ownerName ?? "–"}</dd>
        <dd className="text-sm text-slate-700">{t("networks.create.ownerHint")}</dd>
      </dl>
      <Choice
        legend={t("networks.settings.visibility")}
        name="visibility"
        idPrefix="network-visibility"
        value={props.values.visibility}
        error={error("visibility")}
        options={(["signed_in", "members"] as const).map((value) => ({
          value,
          label: t(`networks.settings.visibilities.${value}`),
          hint: t(`networks.settings.visibilityHints.${value}`),
        }))}
      />
      <Choice
        legend={t("networks.settings.joinPolicy")}
        name="join_policy"
        idPrefix="network-join"
        value={props.values.join_policy}
        error={error("join_policy")}
        options={(["open", "request", "invitation"] as const).map((value) => ({
          value,
          label: t(`networks.settings.joinPolicies.${value}`),
          hint: t(`networks.settings.joinPolicyHints.${value}`),
        }))}
      />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={createFieldIds.allow_guests}
          name="allow_guests"
          defaultChecked={props.values.allow_guests}
          aria-describedby="network-allow-guests-hint"
          className="mt-1 h-5 w-5"
        />
        <div>
          <label htmlFor="network-allow-guests" className="font-medium">
            {t("networks.settings.allowGuests")}
          </label>
          <p id="network-allow-guests-hint" className="text-sm text-slate-700">
            {t("networks.settings.allowGuestsHint")}
          </p>
        </div>
      </div>
      <TextField
        id={createFieldIds.topics}
        name="topics"
        label={t("networks.settings.topics")}
        hint={t("networks.settings.topicsHint", { count: maxTopics })}
        defaultValue={props.values.topics}
        error={error("topics")}
        autoComplete="off"
      />
      <TextField
        id={createFieldIds.review_due}
        name="review_due"
        type="date"
        label={t("networks.create.reviewDue")}
        hint={t("networks.create.reviewDueHint")}
        defaultValue={props.values.review_due}
        error={error("review_due")}
      />
      <button type="submit" className={buttonClass("primary")} disabled={submitting}>
        {submitting ? t("networks.create.creating") : t("networks.create.submit")}
      </button>
    </Form>
  );
}
