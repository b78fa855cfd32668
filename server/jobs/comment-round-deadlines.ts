/** Closes the comment rounds whose deadline has passed: public.close_due_comment_rounds(). */
import type { Database } from "../embedded/db";

/** How many rounds were closed (each opener is notified by the function). */
export async function closeDueCommentRounds(db: Database): Promise<number> {
  return db.transaction({ role: "service_role" }, async (tx) => {
    const { rows } = await tx.query<{ closed: number | null }>(
      "select public.close_due_comment_rounds() as closed",
    );
    return rows[0]?.closed ?? 0;
  });
}
