import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { DbErrorKey } from "~/lib/db-errors";
import { documentKinds, documentLanguages } from "~/lib/document";
import {
  type CreateDocumentField,
  type CreateDocumentValues,
  createDocumentFields,
  documentTitleMaxLength,
} from "~/lib/document-form";
import type { FormErrorKey } from "~/lib/form-errors";
import { SelectField } from "./select-field";

export interface CreateDocumentErrors {
  fieldErrors: Partial<Record<CreateDocumentField, FormErrorKey>>;
  formError: DbErrorKey | null;
}

const fieldErrorKeys = {
  title: { required: "documents.errors.titleRequired", tooLong: "documents.errors.titleTooLong" },
  kind: { default: "documents.errors.kindInvalid" },
  language: { default: "documents.errors.languageInvalid" },
  networkId: { default: "documents.errors.networkInvalid" },
} as const;

function fieldMessageKey(field: CreateDocumentField, key: FormErrorKey) {
  if (field === "title") {
    return key === "tooLong" ? fieldErrorKeys.title.tooLong : fieldErrorKeys.title.required;
  }
  return fieldErrorKeys[field].default;
}

/**
 * A new document's title, kind and language, and where it lives: a fixed network (the network's
 * tab) or one the person picks among those they write in (`networks`; empty = no network). The
 * database decides whether it may be created; its refusal is shown at the top.
 */
export function DocumentCreateForm(props: {
  values: CreateDocumentValues;
  errors: CreateDocumentErrors | null;
  /** Networks to choose from; undefined when the network is fixed by the page. */
  networks?: { id: string; name: string }[];
  action?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting =
    navigation.state !== "idle" && navigation.formData?.get("intent") === "createDocument";
  const fieldErrors = props.errors?.fieldErrors ?? {};
  const message = (field: CreateDocumentField) => {
    const key = fieldErrors[field];
    return key ? t(fieldMessageKey(field, key)) : null;
  };
  const problems = createDocumentFields.flatMap((field) => {
    const text = message(field);
    return text ? [{ field, message: text }] : [];
  });
  const formError = props.errors?.formError
    ? { id: "create-document-error", message: t(`dbErrors.${props.errors.formError}`) }
    : null;
  return (
    <Form
      method="post"
      action={props.action}
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
      aria-describedby={formError ? formError.id : undefined}
    >
      <ErrorSummary
        title={t("documents.create.errorSummary")}
        formError={formError}
        problems={problems}
      />
      <TextField
        id="title"
        label={t("documents.create.title")}
        hint={t("documents.create.titleHint")}
        error={message("title")}
        defaultValue={props.values.title}
        maxLength={documentTitleMaxLength}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="kind"
          label={t("documents.create.kind")}
          error={message("kind")}
          defaultValue={props.values.kind}
        >
          {documentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`documents.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <fieldset
          className="space-y-1"
          aria-describedby={message("language") ? "language-error" : undefined}
        >
          <legend id="language" tabIndex={-1} className="font-medium">
            {t("documents.create.language")}
          </legend>
          <div className="flex flex-wrap gap-4 pt-1">
            {documentLanguages.map((language) => (
              <label key={language} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="language"
                  value={language}
                  defaultChecked={props.values.language === language}
                  className="h-5 w-5"
                />
                {t(`documents.languages.${language}`)}
              </label>
            ))}
          </div>
          {message("language") ? (
            <p id="language-error" className="text-sm font-medium text-red-800">
              {message("language")}
            </p>
          ) : null}
        </fieldset>
      </div>
      {props.networks ? (
        <SelectField
          id="networkId"
          label={t("documents.create.network")}
          hint={t("documents.create.networkHint")}
          error={message("networkId")}
          defaultValue={props.values.networkId}
        >
          <option value="">{t("documents.create.noNetwork")}</option>
          {props.networks.map((network) => (
            <option key={network.id} value={network.id}>
              {network.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <button
        type="submit"
        name="intent"
        value="createDocument"
        className={buttonClass("primary")}
        disabled={submitting}
      >
        {submitting ? t("documents.create.creating") : t("documents.create.submit")}
      </button>
    </Form>
  );
}
