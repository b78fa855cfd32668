/** i18next configuration shared by the server render and the browser. */
import type { InitOptions } from "i18next";
import { translations } from "./translations";

export const supportedLocales = ["fi", "sv", "en"] as const;
export type Locale = (typeof supportedLocales)[number];

/** Finnish first: the platform serves Finnish public employment services. */
export const defaultLocale: Locale = "fi";

/** Each language named in itself, so a reader finds their own whatever the page's language. */
export const localeNames: Record<Locale, string> = {
  fi: "Suomi",
  sv: "Svenska",
  en: "English",
};

export const defaultNamespace = "common";

// The strings are small; bundling all three avoids a loading step when the language changes.
export const resources = {
  fi: { common: translations.fi },
  sv: { common: translations.sv },
  en: { common: translations.en },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** The first supported language among the candidates, most authoritative first, else Finnish. */
export function resolveLocale(...candidates: unknown[]): Locale {
  return candidates.find(isLocale) ?? defaultLocale;
}

export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: defaultLocale,
  defaultNS: defaultNamespace,
  ns: [defaultNamespace],
  resources,
  // React escapes what it renders; escaping here too would show &amp; and friends.
  interpolation: { escapeValue: false },
} satisfies InitOptions;
