import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import {
  approvalsRange,
  type BoardSettingsField,
  boardSettingsFields,
  intervalRange,
} from "~/lib/board-settings-form";
import type { DbErrorKey } from "~/lib/db-errors";
import { documentKinds } from "~/lib/document";
import type { BoardConfiguration, NetworkChoice } from "~/lib/editorial.server";
import type { FieldErrors } from "~/lib/form-errors";

/** What the form shows: the saved settings, or what was posted when saving failed. */
export interface BoardSettingsValues {
  approvals_required: string;
  organisations_required: string;
  review_interval_days: string;
  document_kinds: string[];
  network_ids: string[];
}

export function boardSettingsValues(board: BoardConfiguration): BoardSettingsValues {
  return {
    approvals_required: String(board.approvalsRequired),
    organisations_required: String(board.organisationsRequired),
    review_interval_days: String(board.reviewIntervalDays),
    document_kinds: board.documentKinds,
    network_ids: board.networks.map((network) => network.id),
  };
}

/** Field ids by the name the server reports problems under, for the error summary's links. */
const fieldIds: Record<BoardSettingsField, string> = {
  approvals_required: "board-approvals",
  organisations_required: "board-organisations",
  review_interval_days: "board-interval",
  document_kinds: `board-kind-${documentKinds[0]}`,
  network_ids: "board-networks",
};

/** The coordinators' form: quorum, review interval, and the kinds and networks in scope. */
export function BoardSettingsForm(props: {
  values: BoardSettingsValues;
  networkChoices: NetworkChoice[];
  fieldErrors: FieldErrors;
  formError: DbErrorKey | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const error = (field: BoardSettingsField) =>
    props.fieldErrors[field] ? t(`editorial.board.errors.${field}`) : null;
  const problems = boardSettingsFields.flatMap((field) => {
    const message = error(field);
    return message ? [{ field: fieldIds[field], message }] : [];
  });
  const offered = new Set(props.networkChoices.map((network) => network.id));
  // Networks in scope that the coordinator cannot read stay in scope: they are posted as they are.
  const hiddenNetworks = props.values.network_ids.filter((id) => !offered.has(id));
  const formErrorId = props.formError ? "board-settings-error" : null;

  return (
    <section aria-labelledby="board-edit-heading" className="max-w-3xl space-y-4">
      <h3 id="board-edit-heading" className="text-xl font-semibold">
        {t("editorial.board.editHeading")}
      </h3>
      <ErrorSummary
        title={t("editorial.board.failed")}
        formError={
          props.formError
            ? { id: "board-settings-error", message: t(`dbErrors.${props.formError}`) }
            : null
        }
        problems={problems}
      />
      <Form
        method="post"
        noValidate
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-6"
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id="board-approvals"
            name="approvals_required"
            type="number"
            inputMode="numeric"
            min={approvalsRange.min}
            max={approvalsRange.max}
            label={t("editorial.board.approvalsLabel")}
            hint={t("editorial.board.approvalsHint")}
            defaultValue={props.values.approvals_required}
            error={error("approvals_required")}
            describedBy={formErrorId}
            required
          />
          <TextField
            id="board-organisations"
            name="organisations_required"
            type="number"
            inputMode="numeric"
            min={approvalsRange.min}
            max={approvalsRange.max}
            label={t("editorial.board.organisationsLabel")}
            hint={t("editorial.board.organisationsHint")}
            defaultValue={props.values.organisations_required}
            error={error("organisations_required")}
            describedBy={formErrorId}
            required
          />
          <TextField
            id="board-interval"
            name="review_interval_days"
            type="number"
            inputMode="numeric"
            min={intervalRange.min}
            max={intervalRange.max}
            label={t("editorial.board.intervalLabel")}
            hint={t("editorial.board.intervalHint")}
            defaultValue={props.values.review_interval_days}
            error={error("review_interval_days")}
            describedBy={formErrorId}
            required
          />
        </div>

        <fieldset
          className="space-y-2"
          aria-describedby={error("document_kinds") ? "board-kinds-error" : undefined}
        >
          <legend className="font-medium">{t("editorial.board.kindsLegend")}</legend>
          {error("document_kinds") ? (
            <p id="board-kinds-error" className="text-sm font-medium text-red-800">
              {error("document_kinds")}
            </p>
          ) : null}
          <div className="grid gap-2 sm:grid-cols-2">
            {documentKinds.map((kind) => (
              <div key={kind} className="flex items-center gap-2">
                <input
                  id={`board-kind-${kind}`}
                  type="checkbox"
                  name="document_kinds"
                  value={kind}
                  defaultChecked={props.values.document_kinds.includes(kind)}
                  className="h-4 w-4"
                />
                <label htmlFor={`board-kind-${kind}`}>{t(`documents.kinds.${kind}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset
          className="space-y-2"
          aria-describedby={
            error("network_ids")
              ? "board-networks-hint board-networks-error"
              : "board-networks-hint"
          }
        >
          <legend className="font-medium">{t("editorial.board.networksLegend")}</legend>
          <p id="board-networks-hint" className="text-sm text-slate-700">
            {t("editorial.board.networksHint")}
          </p>
          {error("network_ids") ? (
            <p id="board-networks-error" className="text-sm font-medium text-red-800">
              {error("network_ids")}
            </p>
          ) : null}
          <div
            id="board-networks"
            className="max-h-80 space-y-2 overflow-y-auto rounded-md border border-slate-300 p-3"
          >
            {props.networkChoices.map((network) => (
              <div key={network.id} className="flex items-center gap-2">
                <input
                  id={`board-network-${network.id}`}
                  type="checkbox"
                  name="network_ids"
                  value={network.id}
                  defaultChecked={props.values.network_ids.includes(network.id)}
                  className="h-4 w-4"
                />
                <label htmlFor={`board-network-${network.id}`}>{network.name}</label>
              </div>
            ))}
          </div>
          {hiddenNetworks.map((id) => (
            <input key={id} type="hidden" name="network_ids" value={id} />
          ))}
        </fieldset>

        <button type="submit" className={buttonClass("primary")} disabled={saving}>
          {saving ? t("editorial.board.saving") : t("editorial.board.save")}
        </button>
      </Form>
    </section>
  );
}
