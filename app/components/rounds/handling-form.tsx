import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { roundCommentMaxLength, roundItemHandlings } from "~/lib/comment-round-form";
import type { RoundItem } from "~/lib/comment-rounds.server";

/** What was done about one comment: handle_comment_round_item decides who may record it. */
export function HandlingForm(props: { item: RoundItem; error: string | null; number: number }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "handle" &&
    navigation.formData.get("itemId") === props.item.id;
  const id = `item-${props.item.id}`;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3" preventScrollReset>
      <input type="hidden" name="intent" value="handle" />
      <input type="hidden" name="itemId" value={props.item.id} />
      <SelectField
        id={`${id}-handling`}
        name="handling"
        label={t("rounds.summary.handling", { number: props.number })}
        defaultValue={props.item.handling}
      >
        {roundItemHandlings.map((handling) => (
          <option key={handling} value={handling}>
            {t(`rounds.handlings.${handling}`)}
          </option>
        ))}
      </SelectField>
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor={`${id}-note`} className="block font-medium">
          {t("rounds.summary.note", { number: props.number })}
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={roundCommentMaxLength}
          defaultValue={props.item.handlingNote ?? ""}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonClass("secondary")} disabled={busy}>
        {busy ? t("rounds.summary.saving") : t("rounds.summary.save")}
      </button>
      {props.error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
    </Form>
  );
}
