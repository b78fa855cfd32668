/** What the server runs every minute with the embedded stack. */
import type { Database } from "../embedded/db";
import { closeDueCommentRounds } from "./comment-round-deadlines";
import type { IntervalJob } from "./interval-jobs";
import { flagOverdueSparringQuestions } from "./sparring-overdue";

export function minuteJobs(options: { db: Database }): IntervalJob[] {
  const { db } = options;
  return [
    {
      // Responses are refused from the deadline on anyway; this tells the organiser.
      name: "close_due_comment_rounds",
      everyMs: 60_000,
      run: async () => {
        await closeDueCommentRounds(db);
      },
    },
    {
      // Lawyers see overdue questions in their queue anyway; this tells the coordinators.
      name: "flag_overdue_sparring_questions",
      everyMs: 60_000,
      run: async () => {
        await flagOverdueSparringQuestions(db);
      },
    },
  ];
}
