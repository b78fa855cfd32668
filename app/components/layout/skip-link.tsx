import { useTranslation } from "react-i18next";

export const mainContentId = "main-content";

/** First focusable element on every page: keyboard users jump past the header. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href={`#${mainContentId}`}
      className="sr-only rounded-md bg-white px-4 py-2 font-medium text-blue-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      {t("layout.skipToContent")}
    </a>
  );
}
