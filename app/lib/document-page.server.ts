/**
 * The document page (/documents/:id) and its collab token. The database decides everything: RLS
 * hides documents the person may not open (a 404 here), and document_access() says whether they
 * edit, comment or only read. This module asks, sanitises the stored HTML again on the way out
 * (the collab server writes it, but rows are never trusted blindly) and shapes the answer.
 */
import { type AppLoadContext, data } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { requireActiveUser } from "./access.server";
import { type CollabSession, collabSocketUrl, personColour } from "./collab-session";
import {
  type DocumentAccess,
  type DocumentRow,
  documentAccessSchema,
  documentColumns,
  documentSchema,
} from "./document";
import { documentAccess } from "./document-access.server";
import type { Locale } from "./i18n";
import { dateTimeFormat, type Moment, moment } from "./moment";
import { networkName } from "./network";
import { organisationName } from "./organisations.server";
import { activeUserForResource } from "./resource-access.server";
import { sanitizeDocumentHtml } from "./rich-text.server";
import { getSupabase } from "./supabase.server";

const documentIdSchema = z.string().uuid();

export interface DocumentHeader {
  document: DocumentRow;
  access: DocumentAccess;
  network: { id: string; slug: string; name: string } | null;
  ownerName: string | null;
  lastEdited: Moment | null;
  lastEditorName: string | null;
}

interface HeaderRow extends DocumentRow {
  network: { id: string; slug: string; name_fi: string; name_sv: string | null } | null;
  owner: { name_fi: string; name_sv: string | null } | null;
  last_editor: { display_name: string } | null;
}

function momentIn(iso: string, locale: Locale): Moment {
  return moment(iso, dateTimeFormat(locale));
}

/** The document's row, names and the caller's access; a 404 when they may not open it. */
export async function requireDocument(
  request: Request,
  context: AppLoadContext,
  documentId: string | undefined,
  locale: Locale,
): Promise<DocumentHeader & { client: SupabaseClient; headers: Headers; userId: string }> {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const id = documentIdSchema.safeParse(documentId);
  if (!id.success) throw data({ notFound: true }, { status: 404, headers });
  const [{ data: row, error }, access] = await Promise.all([
    client
      .from("documents")
      .select(
        `${documentColumns}, network:networks(id, slug, name_fi, name_sv), owner:organisations!documents_owner_organisation_id_fkey(name_fi, name_sv), last_editor:profiles!documents_last_edited_by_fkey(display_name)`,
      )
      .eq("id", id.data)
      .maybeSingle<HeaderRow>(),
    documentAccess(client, id.data),
  ]);
  if (error) throw new Error(`Loading document ${id.data} failed: ${error.code} ${error.message}`);
  if (!row || access === null) throw data({ notFound: true }, { status: 404, headers });
  const changedAt = row.content_updated_at ?? row.updated_at;
  return {
    client,
    headers,
    userId: user.id,
    document: documentSchema.parse(row),
    access,
    network: row.network
      ? { id: row.network.id, slug: row.network.slug, name: networkName(row.network, locale) }
      : null,
    ownerName: row.owner ? organisationName(row.owner, locale) : null,
    lastEdited: momentIn(changedAt, locale),
    lastEditorName: row.last_editor?.display_name || null,
  };
}

/**
 * The stored HTML of the body, sanitised again for this response (tables and marks kept), and
 * the caller's access; a 404 when they may not open the document.
 */
export async function requireDocumentBody(
  request: Request,
  context: AppLoadContext,
  documentId: string | undefined,
): Promise<{ html: string; access: DocumentAccess; headers: Headers }> {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const id = documentIdSchema.safeParse(documentId);
  if (!id.success) throw data({ notFound: true }, { status: 404, headers });
  const [{ data: row, error }, access] = await Promise.all([
    client.from("documents").select("html").eq("id", id.data).maybeSingle<{ html: string }>(),
    documentAccess(client, id.data),
  ]);
  if (error) throw new Error(`Loading document body failed: ${error.code} ${error.message}`);
  if (!row || access === null) throw data({ notFound: true }, { status: 404, headers });
  return { html: sanitizeDocumentHtml(row.html), access, headers };
}

export type CollabTokenResult =
  | { kind: "issued"; session: CollabSession }
  | { kind: "notFound" }
  | { kind: "unavailable" }
  | { kind: "crossSite" }
  | { kind: "signedOut" };

/**
 * Whether a POST comes from this site's own pages. The session cookie is SameSite=Lax, which
 * already keeps it off cross-site POSTs; this refuses them outright as well, by the browser's
 * Sec-Fetch-Site or, where that is missing, by the Origin header.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("Origin");
  return origin !== null && origin === new URL(request.url).origin;
}

/** A collab token for the signed-in person, if document_access says they may open it. */
export async function issueCollabSession(
  request: Request,
  context: AppLoadContext,
  documentId: string | undefined,
): Promise<{ result: CollabTokenResult; headers: Headers }> {
  const { client, headers } = getSupabase(request, context);
  if (!isSameOriginPost(request)) return { result: { kind: "crossSite" }, headers };
  // A script asks, so a signed-out person gets a status rather than the login page.
  const user = await activeUserForResource(request, context);
  if (!user) return { result: { kind: "signedOut" }, headers };
  const id = documentIdSchema.safeParse(documentId);
  if (!id.success) return { result: { kind: "notFound" }, headers };
  const access = await documentAccess(client, id.data);
  if (access === null) return { result: { kind: "notFound" }, headers };
  const collab = context.collab;
  if (!collab) return { result: { kind: "unavailable" }, headers };
  const { data: profile, error } = await client
    .from("profiles")
    .select("display_name")
    .eq("id", user.id)
    .maybeSingle<{ display_name: string }>();
  if (error) throw new Error(`Loading the profile failed: ${error.code} ${error.message}`);
  const token = await collab.issueToken(user.id, id.data);
  return {
    result: {
      kind: "issued",
      session: {
        token,
        access,
        wsUrl: collabSocketUrl(request.url, collab.path),
        user: {
          id: user.id,
          name: profile?.display_name || user.email || "",
          colour: personColour(user.id),
        },
      },
    },
    headers,
  };
}
