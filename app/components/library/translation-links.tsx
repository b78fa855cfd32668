import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Translation } from "~/lib/library";

/** The same document in the other language(s), each link named in its own language. */
export function TranslationLinks(props: { translations: Translation[] }) {
  const { t } = useTranslation();
  if (props.translations.length === 0) return null;
  return (
    <nav aria-labelledby="translations-heading" className="flex flex-wrap items-baseline gap-x-3">
      <h2 id="translations-heading" className="text-sm font-semibold">
        {t("library.document.translations")}:
      </h2>
      <ul className="flex flex-wrap gap-x-4">
        {props.translations.map((translation) => (
          <li key={translation.slug}>
            <Link
              to={`/library/${translation.slug}`}
              hrefLang={translation.language}
              lang={translation.language}
              className="text-blue-800 underline underline-offset-2"
            >
              {translation.title}
            </Link>{" "}
            {translation.language === "fi" || translation.language === "sv" ? (
              <span className="text-sm text-slate-700">
                ({t(`documents.languages.${translation.language}`)})
              </span>
            ) : null}
            {translation.outdated ? (
              <span className="text-sm text-amber-900">
                {" "}
                {t("library.document.translationOutdated")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
