import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField, inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import {
  type OpenRoundField,
  type OpenRoundValues,
  roundInstructionsMaxLength,
  roundTitleMaxLength,
} from "~/lib/comment-round-form";
import type { NetworkOption, PersonOption } from "~/lib/documents.server";

function Choices(props: {
  legend: string;
  name: string;
  options: { id: string; name: string; detail?: string | null }[];
  chosen: string[];
  empty: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{props.legend}</legend>
      {props.options.length === 0 ? (
        <p className="text-sm text-slate-700">{props.empty}</p>
      ) : (
        <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
          {props.options.map((option) => (
            <li key={option.id}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name={props.name}
                  value={option.id}
                  defaultChecked={props.chosen.includes(option.id)}
                  className="h-5 w-5"
                />
                <span>
                  {option.name}
                  {option.detail ? (
                    <span className="text-slate-700"> · {option.detail}</span>
                  ) : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/**
 * Opening a comment round: one form, so searching for people (a submit that only searches) keeps
 * everything typed and chosen so far. open_comment_round decides who may open one.
 */
export function OpenRoundForm(props: {
  values: OpenRoundValues;
  errors: Partial<Record<OpenRoundField, string>>;
  organisations: NetworkOption[];
  networks: NetworkOption[];
  people: PersonOption[];
  searched: boolean;
  describedBy: string | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const intent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const { values, errors } = props;
  const chosenPeople = props.people.filter((person) => values.people.includes(person.id));
  const found = props.people.filter((person) => !values.people.includes(person.id));
  return (
    <Form method="post" className="space-y-6" noValidate>
      <TextField
        id="title"
        label={t("rounds.open.titleLabel")}
        hint={t("rounds.open.titleHint")}
        defaultValue={values.title}
        maxLength={roundTitleMaxLength}
        required
        error={errors.title}
        describedBy={props.describedBy}
      />
      <div className="space-y-1">
        <label htmlFor="instructions" className="block font-medium">
          {t("rounds.open.instructionsLabel")}
        </label>
        <p id="instructions-hint" className="text-sm text-slate-700">
          {t("rounds.open.instructionsHint")}
        </p>
        <textarea
          id="instructions"
          name="instructions"
          rows={5}
          defaultValue={values.instructions}
          maxLength={roundInstructionsMaxLength}
          aria-invalid={errors.instructions ? true : undefined}
          aria-describedby={`instructions-hint${errors.instructions ? " instructions-error" : ""}`}
          className={inputClass}
        />
        {errors.instructions ? (
          <p id="instructions-error" className="text-sm font-medium text-red-800">
            {errors.instructions}
          </p>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("rounds.open.deadlineLegend")}</legend>
        <p className="text-sm text-slate-700">{t("rounds.open.deadlineHint")}</p>
        <div className="flex flex-wrap gap-4">
          <TextField
            id="deadlineDate"
            type="date"
            label={t("rounds.open.deadlineDate")}
            defaultValue={values.deadlineDate}
            required
            error={errors.deadlineDate}
          />
          <TextField
            id="deadlineTime"
            type="time"
            label={t("rounds.open.deadlineTime")}
            defaultValue={values.deadlineTime}
            required
            error={errors.deadlineTime}
          />
        </div>
      </fieldset>

      <section
        aria-labelledby="invitees-heading"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h3 id="invitees-heading" className="text-lg font-semibold">
          {t("rounds.open.inviteesHeading")}
        </h3>
        <p id="invitees" tabIndex={-1} className="text-sm text-slate-700">
          {t("rounds.open.inviteesHint")}
        </p>
        {errors.invitees ? (
          <p id="invitees-error" className="text-sm font-medium text-red-800">
            {errors.invitees}
          </p>
        ) : null}
        <Choices
          legend={t("rounds.open.organisations")}
          name="organisations"
          options={props.organisations}
          chosen={values.organisations}
          empty={t("rounds.open.noOptions")}
        />
        <Choices
          legend={t("rounds.open.networks")}
          name="networks"
          options={props.networks}
          chosen={values.networks}
          empty={t("rounds.open.noOptions")}
        />
        <div className="space-y-3">
          {chosenPeople.length > 0 ? (
            <Choices
              legend={t("rounds.open.chosenPeople")}
              name="people"
              options={chosenPeople.map((person) => ({ ...person, detail: person.organisation }))}
              chosen={values.people}
              empty=""
            />
          ) : null}
          <div className="flex flex-wrap items-end gap-3">
            <TextField
              id="personSearch"
              type="search"
              label={t("rounds.open.personSearch")}
              hint={t("rounds.open.personSearchHint")}
              defaultValue={values.personSearch}
              maxLength={200}
              className="min-w-64 flex-1"
            />
            <button
              type="submit"
              name="intent"
              value="search"
              formNoValidate
              className={buttonClass("secondary")}
              disabled={intent === "search"}
            >
              {intent === "search" ? t("rounds.open.searching") : t("rounds.open.searchSubmit")}
            </button>
          </div>
          {props.searched && found.length === 0 ? (
            <p role="status">{t("rounds.open.noPeople", { search: values.personSearch })}</p>
          ) : null}
          {found.length > 0 ? (
            <Choices
              legend={t("rounds.open.foundPeople")}
              name="people"
              options={found.map((person) => ({ ...person, detail: person.organisation }))}
              chosen={values.people}
              empty=""
            />
          ) : null}
        </div>
      </section>

      <button
        type="submit"
        name="intent"
        value="open"
        className={buttonClass("primary")}
        disabled={intent === "open"}
      >
        {intent === "open" ? t("rounds.open.opening") : t("rounds.open.submit")}
      </button>
    </Form>
  );
}
