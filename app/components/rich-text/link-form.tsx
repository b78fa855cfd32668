import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { normaliseLinkUrl } from "./link-url";

/**
 * The link address field under the toolbar: no browser prompt, and no nested <form> (it sits
 * inside the post's form), so Enter applies the link instead of submitting the post and Escape
 * closes the field.
 */
export function LinkForm(props: {
  id: string;
  initialUrl: string;
  /** The caret is in a link: offer to remove it, and name the action "update". */
  editing: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const apply = () => {
    const url = normaliseLinkUrl(input.current?.value ?? "");
    if (url) props.onApply(url);
    else {
      setInvalid(true);
      input.current?.focus();
    }
  };

  return (
    <div id={props.id} className="space-y-2 border-b border-slate-300 bg-slate-50 p-3">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t("richText.linkAddress")}
      </label>
      <p id={`${inputId}-hint`} className="text-sm text-slate-700">
        {t("richText.linkHint")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={inputId}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          defaultValue={props.initialUrl}
          placeholder="https://"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          className="min-w-0 flex-1 rounded-md border border-slate-500 bg-white px-3 py-1.5 aria-invalid:border-red-700"
          onChange={() => setInvalid(false)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              apply();
            } else if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              props.onCancel();
            }
          }}
        />
        <button type="button" className={buttonClass("secondary")} onClick={apply}>
          {props.editing ? t("richText.linkUpdate") : t("richText.linkApply")}
        </button>
        {props.editing ? (
          <button type="button" className={buttonClass("secondary")} onClick={props.onRemove}>
            {t("richText.linkRemove")}
          </button>
        ) : null}
        <button type="button" className={buttonClass("quiet")} onClick={props.onCancel}>
          {t("richText.linkCancel")}
        </button>
      </div>
      {invalid ? (
        <p id={`${inputId}-error`} className="text-sm font-medium text-red-800">
          {t("richText.linkInvalid")}
        </p>
      ) : null}
    </div>
  );
}
