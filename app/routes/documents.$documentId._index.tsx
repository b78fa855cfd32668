/**
 * The document's text: the stored HTML from the server, then the live co-editing editor (read-only
 * for viewers and commenters). The layout route above has checked the document and the access.
 */
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { DocumentBody } from "~/components/editor/document-body";
import { requireDocumentBody } from "~/lib/document-page.server";
import type { loader as documentLoader } from "./documents.$documentId";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { html, access, headers } = await requireDocumentBody(request, context, params.documentId);
  return data(
    {
      html,
      access,
      collabAvailable: context.collab !== undefined,
    },
    { headers },
  );
}

export default function DocumentText() {
  const { html, access, collabAvailable } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<typeof documentLoader>("routes/documents.$documentId");
  if (!layout) return null;
  return (
    <DocumentBody
      documentId={layout.document.id}
      title={layout.document.title}
      language={layout.document.language}
      html={html}
      access={access}
      collabAvailable={collabAvailable}
    />
  );
}
