import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Locale, localeNames, supportedLocales } from "~/lib/i18n";

/** A plain form posting to /language, so switching works before (or without) JavaScript. */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form
      method="post"
      action="/language"
      aria-label={t("layout.languageSwitch")}
      className="flex items-center gap-1"
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {supportedLocales.map((option) => {
        const current = option === locale;
        return (
          <button
            key={option}
            type="submit"
            name="lng"
            value={option}
            lang={option}
            aria-pressed={current}
            className={`rounded-md px-2 py-1 text-sm ${
              current
                ? "bg-slate-800 font-semibold text-white"
                : "text-slate-800 underline-offset-4 hover:bg-slate-100 hover:underline"
            }`}
          >
            {localeNames[option]}
          </button>
        );
      })}
    </Form>
  );
}
