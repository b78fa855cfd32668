import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import type { MentionPerson, PeoplePayload } from "~/lib/document-comment-form";

/** Wait this long after the last keystroke before searching, so typing a name is one request. */
const searchDelayMs = 250;

/**
 * Whom a comment mentions: a search box over people's names (the profiles the person may see)
 * and a checkbox per result; everyone checked is posted as `mentions` and stays listed while
 * the search changes. Plain form controls, so keyboards and screen readers need nothing special.
 */
export function CommentMentionPicker(props: {
  /** The fieldset's id; an error summary links here. */
  id: string;
  peopleUrl: string;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const fetcher = useFetcher<PeoplePayload>();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<MentionPerson[]>([]);
  const needle = query.trim();
  const { load } = fetcher;

  useEffect(() => {
    if (needle.length < 2) return;
    const timer = window.setTimeout(
      () => load(`${props.peopleUrl}?${new URLSearchParams({ people: needle })}`),
      searchDelayMs,
    );
    return () => window.clearTimeout(timer);
  }, [needle, props.peopleUrl, load]);

  const results = needle.length < 2 ? [] : (fetcher.data?.people ?? []);
  const unselectedResults = results.filter(
    (person) => !selected.some((chosen) => chosen.userId === person.userId),
  );
  const status =
    needle.length === 0
      ? ""
      : needle.length < 2
        ? t("comments.mentions.typeMore")
        : fetcher.state !== "idle"
          ? t("comments.mentions.searching")
          : results.length === 0
            ? t("comments.mentions.noMatch")
            : t("comments.mentions.found", { count: results.length });

  const toggle = (person: MentionPerson, checked: boolean) =>
    setSelected((current) =>
      checked
        ? [...current.filter((chosen) => chosen.userId !== person.userId), person]
        : current.filter((chosen) => chosen.userId !== person.userId),
    );

  const row = (person: MentionPerson, checked: boolean) => {
    const inputId = `${baseId}-${checked ? "chosen" : "result"}-${person.userId}`;
    return (
      <li key={person.userId}>
        <input
          id={inputId}
          type="checkbox"
          // Only the chosen are posted; a result becomes chosen when its box is checked.
          name={checked ? "mentions" : undefined}
          value={person.userId}
          checked={checked}
          onChange={(event) => toggle(person, event.target.checked)}
          className="mr-2 size-4 align-middle"
        />
        <label htmlFor={inputId}>
          {person.name}
          {person.organisation ? (
            <span className="text-sm text-slate-700"> – {person.organisation}</span>
          ) : null}
        </label>
      </li>
    );
  };

  return (
    <fieldset
      id={props.id}
      tabIndex={-1}
      aria-describedby={`${baseId}-hint${props.error ? ` ${props.id}-error` : ""}`}
      className="space-y-2"
    >
      <legend className="text-sm font-medium">{t("comments.mentions.legend")}</legend>
      <p id={`${baseId}-hint`} className="text-sm text-slate-700">
        {t("comments.mentions.hint")}
      </p>
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
      {selected.length > 0 ? (
        <ul aria-label={t("comments.mentions.selected")} className="space-y-1">
          {selected.map((person) => row(person, true))}
        </ul>
      ) : null}
      <label htmlFor={`${baseId}-search`} className="block text-sm font-medium">
        {t("comments.mentions.search")}
      </label>
      <input
        id={`${baseId}-search`}
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter in the search box must not send the comment.
          if (event.key === "Enter") event.preventDefault();
        }}
        aria-controls={`${baseId}-results`}
        className={inputClass}
      />
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
      <ul
        id={`${baseId}-results`}
        aria-label={t("comments.mentions.results")}
        className="max-h-48 space-y-1 overflow-y-auto"
      >
        {unselectedResults.map((person) => row(person, false))}
      </ul>
    </fieldset>
  );
}
