import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions, resolveLocale } from "~/lib/i18n";

async function hydrate() {
  // The server rendered <html lang> in the reader's language; start in the same one.
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng: resolveLocale(document.documentElement.lang),
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate().catch((error: unknown) => {
  console.error("Hydration failed; the page keeps working without JavaScript", error);
});
