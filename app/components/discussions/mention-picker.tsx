import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { useHydrated } from "~/components/rich-text/use-hydrated";
import type { MentionCandidate } from "~/lib/discussion-form";

/**
 * Whom a post mentions: a checkbox for each active member of the network, posted as `mentions`
 * (the database keeps only real members). A filter box narrows a long list by name once the page
 * has JavaScript; without it every member is listed. Checked people stay posted while hidden.
 */
export function MentionPicker(props: {
  /** The fieldset's id; an error summary links here. */
  id: string;
  candidates: MentionCandidate[];
  selected: string[];
  error?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const baseId = useId();
  const hintId = `${baseId}-hint`;
  const errorId = `${props.id}-error`;
  const listId = `${baseId}-list`;
  const [selected, setSelected] = useState(() => new Set(props.selected));
  const [filter, setFilter] = useState("");

  const needle = filter.trim().toLocaleLowerCase(i18n.language);
  const visible = useMemo(
    () =>
      new Set(
        props.candidates
          .filter(
            (candidate) =>
              !needle ||
              candidate.name.toLocaleLowerCase(i18n.language).includes(needle) ||
              (candidate.organisation ?? "").toLocaleLowerCase(i18n.language).includes(needle),
          )
          .map((candidate) => candidate.userId),
      ),
    [props.candidates, needle, i18n.language],
  );
  const selectedNames = props.candidates
    .filter((candidate) => selected.has(candidate.userId))
    .map((candidate) => candidate.name);

  const toggle = (userId: string, checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  };

  return (
    <fieldset
      id={props.id}
      tabIndex={-1}
      aria-describedby={[hintId, props.error ? errorId : null].filter(Boolean).join(" ")}
      className="space-y-2"
    >
      <legend className="font-medium">{t("discussions.mentions.legend")}</legend>
      <p id={hintId} className="text-sm text-slate-700">
        {t("discussions.mentions.hint")}
      </p>
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {props.error}
        </p>
      ) : null}
      {props.candidates.length === 0 ? (
        <p className="text-sm text-slate-700">{t("discussions.mentions.noMembers")}</p>
      ) : (
        <>
          {hydrated ? (
            <div className="space-y-1">
              <label htmlFor={`${props.id}-filter`} className="block text-sm font-medium">
                {t("discussions.mentions.filter")}
              </label>
              <input
                id={`${props.id}-filter`}
                type="search"
                autoComplete="off"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                onKeyDown={(event) => {
                  // Enter in the filter must not submit the post.
                  if (event.key === "Enter") event.preventDefault();
                }}
                aria-controls={listId}
                className={`${inputClass} max-w-sm`}
              />
              <p role="status" className="text-sm text-slate-700">
                {needle
                  ? visible.size === 0
                    ? t("discussions.mentions.noMatch")
                    : t("discussions.mentions.visible", { count: visible.size })
                  : ""}
              </p>
            </div>
          ) : null}
          <ul
            id={listId}
            aria-label={t("discussions.mentions.legend")}
            className="max-h-60 space-y-1 overflow-y-auto rounded-md border border-slate-300 bg-white p-2"
          >
            {props.candidates.map((candidate) => {
              const inputId = `${baseId}-${candidate.userId}`;
              return (
                <li key={candidate.userId} hidden={!visible.has(candidate.userId)}>
                  <input
                    id={inputId}
                    type="checkbox"
                    name="mentions"
                    value={candidate.userId}
                    checked={selected.has(candidate.userId)}
                    onChange={(event) => toggle(candidate.userId, event.target.checked)}
                    className="mr-2 size-4 align-middle"
                  />
                  <label htmlFor={inputId}>
                    {candidate.name}
                    {candidate.organisation ? (
                      <span className="text-sm text-slate-700"> – {candidate.organisation}</span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="text-sm text-slate-800">
            {selectedNames.length === 0
              ? t("discussions.mentions.noneSelected")
              : t("discussions.mentions.selected", {
                  count: selectedNames.length,
                  names: selectedNames.join(", "),
                })}
          </p>
        </>
      )}
    </fieldset>
  );
}
