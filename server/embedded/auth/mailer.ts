/**
 * E-mails the embedded stack would send (the auth service's, and the app's own through
 * `sendMail`), written to embedded.email_outbox instead of leaving the machine. The development
 * outbox page reads them with `readOutbox`.
 */
import type { Queryable } from "../db";

export type EmailKind = "signup" | "invite" | "recovery" | "magiclink" | "email_change";

export interface OutboxEmail {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  kind: EmailKind | string;
  /** The verification link in the e-mail, when it has one. */
  link: string | null;
  createdAt: Date;
}

const subjects: Record<EmailKind, string> = {
  signup: "Confirm Your Signup",
  invite: "You have been invited",
  recovery: "Reset Your Password",
  magiclink: "Your Magic Link",
  email_change: "Confirm Email Change",
};

const introductions: Record<EmailKind, string> = {
  signup: "Follow this link to confirm your user:",
  invite: "You have been invited to create a user. Follow this link to accept the invite:",
  recovery: "Follow this link to reset the password for your user:",
  magiclink: "Follow this link to sign in:",
  email_change: "Follow this link to confirm the update of your e-mail address:",
};

export function composeEmail(
  kind: EmailKind,
  link: string,
  otp: string,
): { subject: string; body: string } {
  return {
    subject: subjects[kind],
    body: `${introductions[kind]}\n\n${link}\n\nAlternatively, enter the code: ${otp}\n`,
  };
}

export async function sendEmail(
  q: Queryable,
  email: {
    recipient: string;
    kind: EmailKind;
    subject: string;
    body: string;
    link: string;
    now: Date;
  },
): Promise<void> {
  await q.query(
    `insert into embedded.email_outbox (recipient, subject, body, kind, link, created_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [email.recipient, email.subject, email.body, email.kind, email.link, email.now],
  );
}

/** An e-mail of the app itself (not of the auth service), such as the daily digest. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What it is, for the outbox (e.g. "notification_digest"). */
  kind: string;
}

/** Where the app's own e-mails go; the embedded stack's is the outbox (`outboxMailer`). */
export interface Mailer {
  sendMail(mail: MailMessage): Promise<void>;
}

/** Writes `mail` to the outbox, where the development page shows it. */
export async function sendMail(q: Queryable, mail: MailMessage, now = new Date()): Promise<void> {
  await q.query(
    `insert into embedded.email_outbox (recipient, subject, body, kind, created_at)
     values ($1, $2, $3, $4, $5)`,
    [mail.to, mail.subject, mail.text, mail.kind, now],
  );
}

export function outboxMailer(q: Queryable): Mailer {
  return { sendMail: (mail) => sendMail(q, mail) };
}

interface OutboxRow {
  id: string | number;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  link: string | null;
  created_at: Date;
}

/** The outbox, newest first; only the e-mails to `recipient` (case-insensitive) when given. */
export async function readOutbox(
  db: Queryable,
  recipient?: string,
  options: { limit?: number } = {},
): Promise<OutboxEmail[]> {
  const { rows } = await db.query<OutboxRow>(
    `select id, recipient, subject, body, kind, link, created_at from embedded.email_outbox
      where $1::text is null or lower(recipient) = lower($1)
      order by id desc limit $2`,
    [recipient ?? null, options.limit ?? 100],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    kind: row.kind,
    link: row.link,
    createdAt: new Date(row.created_at),
  }));
}
