/**
 * The published documents' review reminders: public.send_document_review_reminders(date), as
 * service_role, for the local (Helsinki) date of the morning run.
 */
import type { Database } from "../embedded/db";

/** How many documents' owners were reminded. */
export async function sendDocumentReviewReminders(
  db: Database,
  localDate: string,
): Promise<number> {
  return db.transaction({ role: "service_role" }, async (tx) => {
    const { rows } = await tx.query<{ reminded: number | null }>(
      "select public.send_document_review_reminders($1::date) as reminded",
      [localDate],
    );
    return rows[0]?.reminded ?? 0;
  });
}
