/**
 * POST /documents/:id/collab-token → a 60-second token for the collab server, as JSON. Asked by
 * the editor before it connects and again whenever the server closes the socket for a stale
 * token or changed access. A resource route: no page, no GET.
 */
import { type ActionFunctionArgs, data } from "@remix-run/node";
import { issueCollabSession } from "~/lib/document-page.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    throw data({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
  }
  const { result, headers } = await issueCollabSession(request, context, params.documentId);
  headers.set("Cache-Control", "no-store");
  const t = await i18nServer.getFixedT(await getLocale(request));
  switch (result.kind) {
    case "issued":
      return data(result.session, { headers });
    case "notFound":
      return data({ error: t("editor.errors.notFound") }, { status: 404, headers });
    case "crossSite":
      return data({ error: t("editor.errors.crossSite") }, { status: 403, headers });
    case "unavailable":
      return data({ error: t("editor.errors.collabUnavailable") }, { status: 503, headers });
  }
}
