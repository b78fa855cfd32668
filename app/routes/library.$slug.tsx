/**
 * A published document in the library (/library/:slug and below). The pages under it ask the
 * database for the document themselves; this layout only gives them one "not found" page, the
 * same whether the slug is unknown or the reader may not read it.
 */
import { isRouteErrorResponse, Outlet, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { LibraryNotFound } from "~/components/library/library-not-found";

export default function LibraryDocumentLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <LibraryNotFound />;
  return <ErrorPage error={error} />;
}
