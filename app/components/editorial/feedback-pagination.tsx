import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/** Previous / next links around "page n of m"; `urlFor` keeps the filter in each link. */
export function FeedbackPagination(props: {
  page: number;
  pageCount: number;
  urlFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("editorial.queue.pagination.label")}>
      <ul className="flex flex-wrap items-center gap-3">
        <li>
          {page > 1 ? (
            <Link
              to={props.urlFor(Math.min(page - 1, pageCount))}
              className={buttonClass("secondary")}
              rel="prev"
            >
              {t("editorial.queue.pagination.previous")}
            </Link>
          ) : null}
        </li>
        <li aria-current="page">{t("editorial.queue.pagination.status", { page, pageCount })}</li>
        <li>
          {page < pageCount ? (
            <Link to={props.urlFor(page + 1)} className={buttonClass("secondary")} rel="next">
              {t("editorial.queue.pagination.next")}
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
