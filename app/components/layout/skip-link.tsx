import { useTranslation } from "react-i18next";

export const mainContentId = "main-content";

/** First focusable element on every page: keyboard users jump past the header. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href={`#${mainContentId}`}
      className="absolute top-2 left-2 z-50 -translate-y-[200%] rounded-md bg-white px-4 py-2 font-medium text-blue-900 shadow-lg focus:translate-y-0"
    >
      {t("layout.skipToContent")}
    </a>
  );
}
