import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/** Previous and next links around the page number (the library does not count every row). */
export function LibraryPager(props: {
  page: number;
  hasNext: boolean;
  urlFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  const { page, hasNext } = props;
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t("library.pager.label")}>
      <ul className="flex flex-wrap items-center gap-3">
        <li>
          {page > 1 ? (
            <Link to={props.urlFor(page - 1)} className={buttonClass("secondary")} rel="prev">
              {t("library.pager.previous")}
            </Link>
          ) : null}
        </li>
        <li aria-current="page">{t("library.pager.page", { page })}</li>
        <li>
          {hasNext ? (
            <Link to={props.urlFor(page + 1)} className={buttonClass("secondary")} rel="next">
              {t("library.pager.next")}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
