/**
 * What a person may do with a document, asked of the database as that person: the collab server
 * holds no permission logic of its own, document_access() is the one answer.
 */
import type { Database } from "../embedded/db";
import type { AccessLevel } from "./types";

const levels = new Set<string>(["edit", "comment", "view"]);

export async function askDocumentAccess(
  db: Pick<Database, "transaction">,
  userId: string,
  documentId: string,
): Promise<AccessLevel | null> {
  const { rows } = await db.transaction({ role: "authenticated", sub: userId }, (tx) =>
    tx.query<{ access: string | null }>("select public.document_access($1) as access", [
      documentId,
    ]),
  );
  const access = rows[0]?.access ?? null;
  return access !== null && levels.has(access) ? (access as AccessLevel) : null;
}
