/** Flags sparring questions whose first answer is overdue: public.flag_overdue_sparring_questions(). */
import type { Database } from "../embedded/db";

/** How many questions were flagged (the function tells each network's coordinators, once). */
export async function flagOverdueSparringQuestions(db: Database): Promise<number> {
  return db.transaction({ role: "service_role" }, async (tx) => {
    const { rows } = await tx.query<{ flagged: number | null }>(
      "select public.flag_overdue_sparring_questions() as flagged",
    );
    return rows[0]?.flagged ?? 0;
  });
}
