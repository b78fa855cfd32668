/**
 * Sends the daily digests: collect_notification_digests() as service_role (a background job of
 * the server, not anyone's request) hands over each person's undigested unread notifications and
 * marks them digested, then one e-mail per person goes to the mailer. A notification is e-mailed
 * at most once: one whose e-mail fails is not collected again (it stays on the page).
 */
import { resolveLocale } from "../../app/lib/i18n";
import type { Mailer } from "../embedded/auth/mailer";
import type { Database } from "../embedded/db";
import { type DigestItem, digestTranslators, renderDigestEmail } from "./digest-email";

interface DigestRow {
  recipient_id: string;
  email: string;
  display_name: string | null;
  preferred_locale: string | null;
  notifications: DigestItem[];
}

export interface DigestRun {
  /** E-mails handed to the mailer. */
  sent: number;
  /** People whose e-mail the mailer refused. */
  failed: number;
  notifications: number;
}

export async function sendDailyDigests(options: {
  db: Database;
  mailer: Mailer;
  /** Notifications created before this are due. */
  now: Date;
  /** The address people use (VERKKO_PUBLIC_URL), for the links. */
  siteUrl: string;
}): Promise<DigestRun> {
  const { rows } = await options.db.transaction({ role: "service_role" }, (tx) =>
    tx.query<DigestRow>(
      `select recipient_id, email, display_name, preferred_locale, notifications
         from public.collect_notification_digests($1)`,
      [options.now],
    ),
  );
  const translators = await digestTranslators();
  const run: DigestRun = { sent: 0, failed: 0, notifications: 0 };
  for (const row of rows) {
    const locale = resolveLocale(row.preferred_locale);
    const mail = renderDigestEmail(
      translators[locale],
      {
        email: row.email,
        displayName: row.display_name ?? "",
        locale,
        notifications: row.notifications,
      },
      options.siteUrl,
    );
    try {
      await options.mailer.sendMail({ ...mail, kind: "notification_digest" });
      run.sent += 1;
      run.notifications += row.notifications.length;
    } catch (error) {
      run.failed += 1;
      console.error(`The daily digest to ${row.recipient_id} could not be sent`, error);
    }
  }
  return run;
}
