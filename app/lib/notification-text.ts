/**
 * What a notification says, in the reader's language, from the display data the database captured
 * when it was created (see supabase/migrations/*_notifications.sql for `data` by kind). Shared by
 * the notification page and the daily e-mail digest.
 */
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Locale } from "./i18n";
import { dateTimeFormat } from "./moment";

export const notificationKinds = [
  "join_request",
  "join_decided",
  "invitation",
  "new_thread",
  "reply",
  "mention",
  "task_assigned",
  "registration_changed",
  "review_due",
  "review_requested",
  "review_decided",
  "document_published",
  "translation_outdated",
  "document_review_due",
  "feedback_received",
  "feedback_answered",
  "comment_round_invited",
  "comment_round_closed",
  "sparring_question_asked",
  "sparring_answer_posted",
  "sparring_answer_endorsed",
  "sparring_answer_accepted",
  "sparring_answer_promoted",
  "sparring_question_overdue",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

const optionalText = z
  .unknown()
  .transform((value) => (typeof value === "string" && value.trim() ? value.trim() : undefined));

/** Unknown keys are ignored and wrong types read as missing: old rows must never break a page. */
export const notificationDataSchema = z.object({
  actor_name: optionalText,
  network_name_fi: optionalText,
  network_name_sv: optionalText,
  title: optionalText,
  /** The start of a post, shown under the message. */
  excerpt: optionalText,
  approved: z.unknown().transform((value) => (typeof value === "boolean" ? value : undefined)),
  status: optionalText,
});
export type NotificationData = z.output<typeof notificationDataSchema>;

export function parseNotificationData(value: unknown): NotificationData {
  const parsed = notificationDataSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : notificationDataSchema.parse({});
}

/** As private.notify is called by the meetings migration: someone's registration, or yours. */
const registrationStatuses = [
  "registered",
  "waitlisted",
  "cancelled",
  "promoted",
  "meeting_changed",
  "meeting_cancelled",
] as const;
type RegistrationStatus = (typeof registrationStatuses)[number];

function isRegistrationStatus(value: unknown): value is RegistrationStatus {
  return (registrationStatuses as readonly unknown[]).includes(value);
}

type MessageKey =
  | "join_request"
  | "join_approved"
  | "join_rejected"
  | "invitation"
  | "new_thread"
  | "reply"
  | "mention"
  | "task_assigned"
  | `registration_${RegistrationStatus}`
  | "registration_changed"
  | "review_due"
  | "review_requested"
  | "review_approved"
  | "review_changes_requested"
  | "review_decided"
  | "document_published"
  | "document_published_version"
  | "translation_outdated"
  | "document_review_due"
  | "document_review_due_date"
  | "feedback_received"
  | "feedback_answered"
  | "feedback_answered_status"
  | "comment_round_invited"
  | "comment_round_invited_deadline"
  | "comment_round_closed"
  | "comment_round_closed_count"
  | "sparring_question_asked"
  | "sparring_answer_posted"
  | "sparring_answer_endorsed"
  | "sparring_answer_accepted"
  | "sparring_answer_promoted"
  | "sparring_question_overdue"
  | "sparring_question_overdue_due";

/** document_feedback.status, as answer_feedback() puts it in `status`. */
const feedbackStatuses = ["new", "in_progress", "accepted", "rejected", "done"] as const;

function isFeedbackStatus(value: unknown): value is (typeof feedbackStatuses)[number] {
  return (feedbackStatuses as readonly unknown[]).includes(value);
}

/** A count or a version number in `status`: digits only. */
function wholeNumber(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** A date in `status` ('YYYY-MM-DD', as Postgres writes a date), read as that calendar day. */
function calendarDay(value: string | undefined): Date | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(day.getTime()) ? undefined : day;
}

/** An instant in `status`, as Postgres writes a timestamptz ('2025-12-04 10:00:00+02'). */
function instant(value: string | undefined): Date | undefined {
  const match = value
    ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:(Z)|([+-]\d{2}):?(\d{2})?)$/.exec(
        value,
      )
    : null;
  if (!match) return undefined;
  const zone = match[3] ?? `${match[4]}:${match[5] ?? "00"}`;
  const parsed = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function intlLocale(locale: Locale): string {
  // British English writes dates day first, as Finnish and Swedish readers expect.
  return locale === "en" ? "en-GB" : locale;
}

function messageKey(kind: NotificationKind, data: NotificationData): MessageKey {
  switch (kind) {
    case "join_decided":
      return data.approved === false ? "join_rejected" : "join_approved";
    case "registration_changed":
      return isRegistrationStatus(data.status) ? `registration_${data.status}` : kind;
    case "review_decided":
      if (data.status === "approved") return "review_approved";
      if (data.status === "changes_requested") return "review_changes_requested";
      return kind;
    case "document_published":
      return wholeNumber(data.status) ? "document_published_version" : kind;
    case "document_review_due":
      return calendarDay(data.status) ? "document_review_due_date" : kind;
    case "feedback_answered":
      return isFeedbackStatus(data.status) ? "feedback_answered_status" : kind;
    case "comment_round_invited":
      return instant(data.status) ? "comment_round_invited_deadline" : kind;
    case "comment_round_closed":
      return wholeNumber(data.status) !== undefined ? "comment_round_closed_count" : kind;
    case "sparring_question_overdue":
      return instant(data.status) ? "sparring_question_overdue_due" : kind;
    default:
      return kind;
  }
}

/** What `status` adds to the message of some kinds: a number, a date, a deadline, a state. */
function statusValues(
  t: TFunction,
  locale: Locale,
  kind: NotificationKind,
  data: NotificationData,
) {
  const number = wholeNumber(data.status);
  const day = calendarDay(data.status);
  const deadline = instant(data.status);
  return {
    ...(number !== undefined
      ? kind === "comment_round_closed"
        ? { count: number }
        : { version: number }
      : {}),
    ...(day
      ? {
          date: new Intl.DateTimeFormat(intlLocale(locale), {
            dateStyle: "medium",
            timeZone: "UTC",
          }).format(day),
        }
      : {}),
    ...(deadline ? { deadline: dateTimeFormat(locale).format(deadline) } : {}),
    ...(isFeedbackStatus(data.status)
      ? { status: t(`notifications.feedbackStatuses.${data.status}`) }
      : {}),
  };
}

/** The network's name in `locale`: Swedish when there is one, else the Finnish name. */
function networkName(data: NotificationData, locale: Locale): string | undefined {
  return locale === "sv" ? (data.network_name_sv ?? data.network_name_fi) : data.network_name_fi;
}

export function notificationMessage(
  t: TFunction,
  locale: Locale,
  notification: { kind: NotificationKind; data: NotificationData },
): string {
  const { data } = notification;
  return t(`notifications.kinds.${messageKey(notification.kind, data)}`, {
    actor: data.actor_name ?? t("notifications.someone"),
    network: networkName(data, locale) ?? t("notifications.unnamedNetwork"),
    title: data.title ?? t("notifications.untitled"),
    ...statusValues(t, locale, notification.kind, data),
  });
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return (notificationKinds as readonly unknown[]).includes(value);
}
