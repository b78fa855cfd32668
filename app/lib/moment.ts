/** Instants as pages show them: Helsinki time in the reader's language. */
import type { Locale } from "./i18n";

/** An instant with the words to show for it. */
export interface Moment {
  iso: string;
  text: string;
}

const timeZone = "Europe/Helsinki";

export function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  // British English writes dates day first, as Finnish and Swedish readers expect.
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
}

export function moment(iso: string, format: Intl.DateTimeFormat): Moment {
  return { iso, text: format.format(new Date(iso)) };
}
