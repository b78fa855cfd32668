/**
 * POST /documents/:id/collab-token → a 60-second token for the collab server, as JSON. Asked by
 * the editor before it connects and again whenever the server closes the socket for a stale
 * token or changed access. A resource route: no page, no GET.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { issueCollabSession } from "~/lib/document-page.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return Response.json(
      { error: "method not allowed" },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const { result, headers: supabaseHeaders } = await issueCollabSession(
    request,
    context,
    params.documentId,
  );
  const headers = new Headers(supabaseHeaders);
  headers.set("Cache-Control", "no-store");
  if (result.kind === "issued") return Response.json(result.session, { headers });
  const t = await i18nServer.getFixedT(await getLocale(request));
  const refusals = {
    signedOut: { status: 401, error: t("editor.errors.signedOut") },
    crossSite: { status: 403, error: t("editor.errors.crossSite") },
    notFound: { status: 404, error: t("editor.errors.notFound") },
    unavailable: { status: 503, error: t("editor.errors.collabUnavailable") },
  } as const;
  const { status, error } = refusals[result.kind];
  return Response.json({ error }, { status, headers });
}
