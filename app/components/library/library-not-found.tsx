import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * No published document or version here, or the reader may not read it: the database answers
 * both the same way, so the page does too.
 */
export function LibraryNotFound() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("library.notFound.title")}</h1>
      <p className="text-lg">{t("library.notFound.text")}</p>
      <p>
        <Link to="/library" className="font-medium text-blue-800 underline underline-offset-4">
          {t("library.notFound.back")}
        </Link>
      </p>
    </div>
  );
}
