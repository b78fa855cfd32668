/** What the server runs every morning with the embedded stack. */
import { outboxMailer } from "../embedded/auth/mailer";
import type { Database } from "../embedded/db";
import { sendDailyDigests } from "./daily-digest";
import { sendDocumentReviewReminders } from "./document-review-reminders";
import { sendNetworkReviewReminders } from "./review-reminders";
import type { DailyJob } from "./scheduler";

export function dailyJobs(options: { db: Database; siteUrl: string }): DailyJob[] {
  const { db, siteUrl } = options;
  return [
    {
      name: "network_review_reminders",
      hour: 7,
      run: async ({ localDate }) => {
        await sendNetworkReviewReminders(db, localDate);
      },
    },
    {
      name: "document_review_reminders",
      hour: 7,
      run: async ({ localDate }) => {
        await sendDocumentReviewReminders(db, localDate);
      },
    },
    {
      // After the reminders, so that this morning's reminders are in this morning's digest.
      name: "notification_digest",
      hour: 7,
      run: async ({ now }) => {
        await sendDailyDigests({ db, mailer: outboxMailer(db), now, siteUrl });
      },
    },
  ];
}
