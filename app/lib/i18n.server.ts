import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { type Locale, defaultLocale, i18nOptions, resolveLocale, supportedLocales } from "./i18n";

/** The chosen interface language; works for visitors who are not signed in, and without JS. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function readLanguageCookie(request: Request): Promise<unknown> {
  return languageCookie.parse(request.headers.get("Cookie"));
}

/**
 * The language of this request: the `lng` cookie. A signed-in person's profile language reaches
 * it through the cookie (written at sign-in, by the switch and by the profile page), so rendering
 * needs no database read (docs/decisions/008).
 */
export async function getLocale(request: Request): Promise<Locale> {
  return resolveLocale(await readLanguageCookie(request));
}

export async function serializeLanguageCookie(locale: Locale, request: Request): Promise<string> {
  return languageCookie.serialize(locale, { secure: new URL(request.url).protocol === "https:" });
}

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: defaultLocale,
    order: ["custom"],
    findLocale: getLocale,
  },
  i18next: i18nOptions,
});
