import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type ErrorKind = "notFound" | "forbidden" | "error";

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

function errorKind(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  return "error";
}

/** What every error looks like, in the reader's language; never the error's own text. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = errorStatus(error);
  const kind = errorKind(status);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t(`errors.${kind}Title`)}</h1>
      <p className="text-lg">{t(`errors.${kind}Text`)}</p>
      <p className="text-sm text-slate-700">{t("errors.statusCode", { status })}</p>
      <p>
        <Link to="/" className="font-medium text-blue-800 underline underline-offset-4">
          {t("errors.backHome")}
        </Link>
      </p>
    </div>
  );
}
