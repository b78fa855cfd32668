/**
 * The networks' yearly review reminders: public.send_network_review_reminders(date), as
 * service_role, when the database has that function (it comes with the networks migration).
 */
import type { Database } from "../embedded/db";

/** How many networks' coordinators were reminded; null when the function does not exist. */
export async function sendNetworkReviewReminders(
  db: Database,
  localDate: string,
): Promise<number | null> {
  return db.transaction({ role: "service_role" }, async (tx) => {
    const { rows: found } = await tx.query<{ present: boolean }>(
      "select to_regprocedure('public.send_network_review_reminders(date)') is not null as present",
    );
    if (!found[0]?.present) return null;
    const { rows } = await tx.query<{ reminded: number | null }>(
      "select public.send_network_review_reminders($1::date) as reminded",
      [localDate],
    );
    return rows[0]?.reminded ?? 0;
  });
}
