import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import {
  type RespondField,
  type ResponseValues,
  paragraphField,
  roundCommentMaxLength,
} from "~/lib/comment-round-form";
import type { RoundInvitee } from "~/lib/comment-rounds.server";
import type { Paragraph } from "~/lib/paragraphs";

function CommentArea(props: {
  id: string;
  label: string;
  hint?: string;
  defaultValue: string;
  error?: string;
  rows?: number;
}) {
  const described = [
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
        name={props.id}
        rows={props.rows ?? 3}
        maxLength={roundCommentMaxLength}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
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

/**
 * One response for one invited party: a general comment and a comment on any paragraph of the
 * frozen text (only the filled ones are sent). respond_to_comment_round decides.
 */
export function ResponseForm(props: {
  parties: RoundInvitee[];
  paragraphs: Paragraph[];
  values: ResponseValues | null;
  errors: Partial<Record<RespondField, string>>;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "respond";
  const [onlyParty] = props.parties;
  const partyName = (party: RoundInvitee) =>
    `${party.name ?? t("rounds.page.unknownParty")} (${t(`rounds.kinds.${party.kind}`)})`;
  return (
    <Form method="post" className="space-y-5" noValidate>
      <input type="hidden" name="intent" value="respond" />
      {props.parties.length === 1 && onlyParty ? (
        <>
          <input type="hidden" name="invitee" value={onlyParty.id} />
          <p>{t("rounds.respond.answeringFor", { party: partyName(onlyParty) })}</p>
        </>
      ) : (
        <fieldset className="space-y-2">
          <legend id="invitee" tabIndex={-1} className="font-medium">
            {t("rounds.respond.party")}
          </legend>
          {props.errors.invitee ? (
            <p className="text-sm font-medium text-red-800">{props.errors.invitee}</p>
          ) : null}
          {props.parties.map((party) => (
            <label key={party.id} className="flex items-center gap-2">
              <input
                type="radio"
                name="invitee"
                value={party.id}
                defaultChecked={props.values?.invitee === party.id}
                className="h-5 w-5"
              />
              <span>{partyName(party)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {props.errors.comments ? (
        <p id="comments" tabIndex={-1} className="font-medium text-red-800">
          {props.errors.comments}
        </p>
      ) : null}
      <CommentArea
        id="general"
        label={t("rounds.respond.general")}
        hint={t("rounds.respond.generalHint")}
        defaultValue={props.values?.general ?? ""}
        error={props.errors.general}
        rows={5}
      />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("rounds.respond.byParagraph")}</legend>
        <p className="text-sm text-slate-700">{t("rounds.respond.byParagraphHint")}</p>
        <ol className="space-y-4">
          {props.paragraphs.map((paragraph) => {
            const field = paragraphField(paragraph.index);
            return (
              <li key={paragraph.index} className="space-y-2 border-l-4 border-slate-200 pl-3">
                <p className="whitespace-pre-line">
                  <span className="font-medium text-slate-700">{paragraph.index + 1}. </span>
                  {paragraph.text}
                </p>
                <CommentArea
                  id={field}
                  label={t("rounds.respond.paragraphComment", { number: paragraph.index + 1 })}
                  defaultValue={props.values?.paragraphs[paragraph.index] ?? ""}
                  error={props.errors[field as RespondField]}
                  rows={2}
                />
              </li>
            );
          })}
        </ol>
      </fieldset>
      <button type="submit" className={buttonClass("primary")} disabled={busy}>
        {busy ? t("rounds.respond.sending") : t("rounds.respond.submit")}
      </button>
    </Form>
  );
}
