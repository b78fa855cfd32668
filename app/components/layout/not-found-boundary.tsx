import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "./error-page";

/**
 * A route's error boundary: its own "not found" page for a 404 (which is also what the database
 * answers when the person may not see the thing), the general error page otherwise.
 */
export function NotFoundBoundary(props: {
  title: ParseKeys;
  text: ParseKeys;
  backTo: string;
  backLabel: ParseKeys;
}) {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t(props.title)}</h1>
        <p className="text-lg">{t(props.text)}</p>
        <p>
          <Link
            to={props.backTo}
            className="font-medium text-blue-800 underline underline-offset-4"
          >
            {t(props.backLabel)}
          </Link>
        </p>
      </div>
    );
  }
  return <ErrorPage error={error} />;
}
