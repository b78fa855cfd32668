import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/**
 * Previous / next links around the page number. With `pageCount` it says "page n of m"; lists
 * that do not count every row pass `hasNext` instead. `urlFor` keeps the filters in each link.
 */
export function Pager(props: {
  /** What is paged, for the navigation landmark ("Pages of the document list"). */
  label: string;
  page: number;
  pageCount?: number;
  hasNext?: boolean;
  urlFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  const { page, pageCount } = props;
  const hasNext = pageCount === undefined ? Boolean(props.hasNext) : page < pageCount;
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={props.label}>
      <ul className="flex flex-wrap items-center gap-3">
        <li>
          {page > 1 ? (
            <Link
              to={props.urlFor(pageCount === undefined ? page - 1 : Math.min(page - 1, pageCount))}
              className={buttonClass("secondary")}
              rel="prev"
            >
              {t("pager.previous")}
            </Link>
          ) : null}
        </li>
        <li aria-current="page">
          {pageCount === undefined
            ? t("pager.page", { page })
            : t("pager.pageOf", { page, pageCount })}
        </li>
        <li>
          {hasNext ? (
            <Link to={props.urlFor(page + 1)} className={buttonClass("secondary")} rel="next">
              {t("pager.next")}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
