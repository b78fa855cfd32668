/**
 * A published document in the library (/library/:slug and below). The pages under it ask the
 * database for the document themselves; this layout only gives them one "not found" page, the
 * same whether the slug is unknown or the reader may not read it.
 */

import { Outlet } from "@remix-run/react";
import { NotFoundBoundary } from "~/components/layout/not-found-boundary";

export default function LibraryDocumentLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="library.notFound.title"
      text="library.notFound.text"
      backTo="/library"
      backLabel="library.notFound.back"
    />
  );
}
