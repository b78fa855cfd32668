/** The caller's access to a document, as public.document_access() answers it through RLS. */
import type { SupabaseClient } from "@supabase/supabase-js";
import { type DocumentAccess, documentAccessSchema } from "./document";

/** 'edit', 'comment' or 'view'; null when the caller may not open the document (or no such id). */
export async function documentAccess(
  client: SupabaseClient,
  documentId: string,
): Promise<DocumentAccess | null> {
  const { data, error } = await client.rpc("document_access", { document_id: documentId });
  if (error) {
    // A malformed id is simply a document that is not there.
    if (error.code === "22P02") return null;
    throw new Error(`document_access failed: ${error.code} ${error.message}`);
  }
  return documentAccessSchema.parse(data);
}
