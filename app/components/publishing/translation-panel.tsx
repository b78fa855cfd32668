import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { Notice } from "~/components/forms/notice";
import { buttonClass } from "~/components/ui/button";
import type { PublishingFailure, PublishingView } from "~/lib/publishing";
import { FailureSummary } from "./failure-summary";
import { usePendingIntent } from "./use-pending-intent";

/** Which document this one translates, whether it is behind its source, and (editors) the choice. */
export function TranslationPanel(props: {
  view: PublishingView;
  canEdit: boolean;
  failure: PublishingFailure | null;
}) {
  const { t } = useTranslation();
  const { view, failure } = props;
  const { pending } = usePendingIntent("translation");
  const source = view.translationOf;
  const sourceError = failure?.fieldErrors.sourceId
    ? t(`forms.errors.${failure.fieldErrors.sourceId}`)
    : null;
  return (
    <section aria-labelledby="translation-heading" className="space-y-3">
      <h3 id="translation-heading" className="text-xl font-semibold">
        {t("publishing.translation.heading")}
      </h3>
      {source ? (
        <p>
          {t("publishing.translation.isTranslationOf")}{" "}
          {source.title ? (
            <Link
              to={`/documents/${source.id}/publishing`}
              className="font-medium text-blue-800 underline underline-offset-4"
            >
              {source.title}
            </Link>
          ) : (
            t("publishing.translation.sourceHidden")
          )}
        </p>
      ) : (
        <p>{t("publishing.translation.none")}</p>
      )}
      {view.outdated ? (
        <Notice tone="warning">
          <p className="font-semibold">{t("publishing.translation.outdated")}</p>
          <p>{t("publishing.translation.outdatedHelp")}</p>
        </Notice>
      ) : null}
      {props.canEdit ? (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <FailureSummary
            id="translation-error"
            failure={failure}
            problems={sourceError ? [{ field: "translation-source", message: sourceError }] : []}
          />
          {view.translationSources.length === 0 && !source ? (
            <p>{t("publishing.translation.noSources")}</p>
          ) : (
            <Form key={source?.id ?? "none"} method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="translation" />
              <SelectField
                id="translation-source"
                name="sourceId"
                label={t("publishing.translation.label")}
                hint={t("publishing.translation.hint")}
                error={sourceError}
                defaultValue={failure?.values.sourceId ?? source?.id ?? ""}
              >
                <option value="">{t("publishing.translation.noneOption")}</option>
                {source && !view.translationSources.some((option) => option.id === source.id) ? (
                  <option value={source.id}>
                    {source.title ?? t("publishing.translation.sourceHidden")}
                  </option>
                ) : null}
                {view.translationSources.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className={buttonClass("secondary")} disabled={pending}>
                {pending ? t("publishing.translation.saving") : t("publishing.translation.save")}
              </button>
            </Form>
          )}
        </div>
      ) : null}
    </section>
  );
}
