import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { useHydrated } from "~/components/rich-text/use-hydrated";
import { buttonClass } from "~/components/ui/button";
import { isLocale, type Locale } from "~/lib/i18n";
import {
  actTitle,
  type LegalAct,
  matchesSectionQuery,
  sectionsById,
  sectionTitle,
} from "~/lib/legal-acts";

export interface SectionPickerProps {
  acts: LegalAct[];
  /** Each chosen section id is posted under this name (repeated when there are several). */
  name: string;
  /** Section ids chosen when the form is shown (after a failed submit, what was posted). */
  selected: string[];
  label: string;
  hint?: string;
  multiple?: boolean;
  error?: string | null;
  /** The id of the field an error summary links to; derived from `name` when not given. */
  id?: string;
}

/**
 * Act and section references for a form. Without scripts it is one native select (multiple,
 * grouped by act), which posts the same field; with scripts: choose an act, narrow its sections
 * by number or heading words, add them, and remove each chosen one with its own button.
 */
export function SectionPicker(props: SectionPickerProps) {
  const hydrated = useHydrated();
  const fallbackId = `section-picker-${props.name}`;
  const id = props.id ?? fallbackId;
  return hydrated ? <EnhancedPicker {...props} id={id} /> : <NativePicker {...props} id={id} />;
}

function usePickerLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : "fi";
}

function describedBy(id: string, props: SectionPickerProps): string | undefined {
  const ids = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null];
  return ids.filter(Boolean).join(" ") || undefined;
}

function NativePicker(props: SectionPickerProps & { id: string }) {
  const { t } = useTranslation();
  const locale = usePickerLocale();
  const multiple = props.multiple ?? true;
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className="block font-medium">
        {props.label}
      </label>
      <p id={`${props.id}-hint`} className="text-sm text-slate-700">
        {props.hint ? `${props.hint} ` : ""}
        {multiple ? t("legal.picker.nativeHint") : null}
      </p>
      <select
        id={props.id}
        name={props.name}
        multiple={multiple}
        size={multiple ? 10 : undefined}
        defaultValue={multiple ? props.selected : (props.selected[0] ?? "")}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={[`${props.id}-hint`, props.error ? `${props.id}-error` : null]
          .filter(Boolean)
          .join(" ")}
        className={inputClass}
      >
        {multiple ? null : <option value="">{t("legal.picker.noneOption")}</option>}
        {props.acts.map((act) => (
          <optgroup key={act.id} label={`${act.id} ${actTitle(act, locale)}`}>
            {act.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {sectionTitle(section, locale)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <PickerError id={props.id} error={props.error} />
    </div>
  );
}

function PickerError(props: { id: string; error?: string | null }) {
  return props.error ? (
    <p id={`${props.id}-error`} className="text-sm font-medium text-red-800">
      {props.error}
    </p>
  ) : null;
}

function EnhancedPicker(props: SectionPickerProps & { id: string }) {
  const { t } = useTranslation();
  const locale = usePickerLocale();
  const multiple = props.multiple ?? true;
  const byId = useMemo(() => sectionsById(props.acts), [props.acts]);
  const [chosen, setChosen] = useState(() => props.selected.filter((id) => byId.has(id)));
  const [actId, setActId] = useState(
    () => byId.get(props.selected[0] ?? "")?.actId ?? props.acts[0]?.id ?? "",
  );
  const [query, setQuery] = useState("");
  const [candidate, setCandidate] = useState("");
  const [status, setStatus] = useState("");
  const sectionSelect = useRef<HTMLSelectElement>(null);
  const actSelect = useRef<HTMLSelectElement>(null);
  const chipList = useRef<HTMLUListElement>(null);
  const baseId = useId();

  const act = props.acts.find((each) => each.id === actId);
  const options = (act?.sections ?? []).filter(
    (section) => !chosen.includes(section.id) && matchesSectionQuery(section, query),
  );
  const current = options.some((section) => section.id === candidate)
    ? candidate
    : (options[0]?.id ?? "");

  const add = () => {
    const section = byId.get(current);
    if (!section) return;
    setChosen((before) => (multiple ? [...before, section.id] : [section.id]));
    setStatus(t("legal.picker.added", { label: sectionTitle(section, locale) }));
    setQuery("");
    sectionSelect.current?.focus();
  };

  const remove = (sectionId: string, index: number) => {
    const section = byId.get(sectionId);
    setChosen((before) => before.filter((each) => each !== sectionId));
    if (section) setStatus(t("legal.picker.removed", { label: sectionTitle(section, locale) }));
    // Focus stays in the list (the next chip, else the previous), or returns to the act select.
    const buttons = chipList.current?.querySelectorAll("button") ?? [];
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (next instanceof HTMLButtonElement) next.focus();
    else actSelect.current?.focus();
  };

  return (
    <fieldset
      id={props.id}
      tabIndex={-1}
      className="space-y-3 rounded-md border border-slate-300 p-4"
      aria-describedby={describedBy(props.id, props)}
      aria-invalid={props.error ? true : undefined}
    >
      <legend className="px-1 font-medium">{props.label}</legend>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      <PickerError id={props.id} error={props.error} />

      <div className="space-y-1">
        <p id={`${baseId}-chosen`} className="text-sm font-medium">
          {t("legal.picker.chosen")}
        </p>
        {chosen.length === 0 ? (
          <p className="text-sm text-slate-700">{t("legal.picker.noneChosen")}</p>
        ) : (
          <ul ref={chipList} aria-labelledby={`${baseId}-chosen`} className="flex flex-wrap gap-2">
            {chosen.map((sectionId, index) => {
              const section = byId.get(sectionId);
              if (!section) return null;
              const title = sectionTitle(section, locale);
              return (
                <li
                  key={sectionId}
                  className="inline-flex items-center gap-1 rounded-full border border-blue-700 bg-blue-50 py-0.5 pl-3 pr-1 text-sm text-blue-950"
                >
                  <input type="hidden" name={props.name} value={sectionId} />
                  <span>{title}</span>
                  <button
                    type="button"
                    onClick={() => remove(sectionId, index)}
                    className="rounded-full px-2 py-0.5 font-semibold text-blue-900 hover:bg-blue-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-800"
                    aria-label={t("legal.picker.remove", { label: title })}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${baseId}-act`} className="block text-sm font-medium">
            {t("legal.picker.act")}
          </label>
          <select
            id={`${baseId}-act`}
            ref={actSelect}
            value={actId}
            onChange={(event) => {
              setActId(event.target.value);
              setQuery("");
            }}
            className={inputClass}
          >
            {props.acts.map((each) => (
              <option key={each.id} value={each.id}>
                {`${each.id} ${actTitle(each, locale)}`}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${baseId}-filter`} className="block text-sm font-medium">
            {t("legal.picker.filter")}
          </label>
          <input
            id={`${baseId}-filter`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the first match instead of submitting the whole form.
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            aria-describedby={`${baseId}-filter-hint`}
            className={inputClass}
          />
          <p id={`${baseId}-filter-hint`} className="text-xs text-slate-700">
            {t("legal.picker.filterHint")}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor={`${baseId}-section`} className="block text-sm font-medium">
            {t("legal.picker.section")}
          </label>
          <select
            id={`${baseId}-section`}
            ref={sectionSelect}
            value={current}
            onChange={(event) => setCandidate(event.target.value)}
            disabled={options.length === 0}
            className={inputClass}
          >
            {options.length === 0 ? <option value="">{t("legal.picker.noMatches")}</option> : null}
            {options.map((section) => (
              <option key={section.id} value={section.id}>
                {sectionTitle(section, locale)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={add}
          disabled={options.length === 0}
          className={buttonClass("secondary")}
        >
          {multiple ? t("legal.picker.add") : t("legal.picker.choose")}
        </button>
      </div>
      <p role="status" className="sr-only">
        {status}
      </p>
    </fieldset>
  );
}
