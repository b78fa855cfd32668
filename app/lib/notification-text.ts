/**
 * What a notification says, in the reader's language, from the display data the database captured
 * when it was created (see supabase/migrations/*_notifications.sql for `data` by kind). Shared by
 * the notification page and the daily e-mail digest.
 */
import type { TFunction } from "i18next";
import { z } from "zod";
import type { Locale } from "./i18n";

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
  | "review_due";

function messageKey(kind: NotificationKind, data: NotificationData): MessageKey {
  if (kind === "join_decided") return data.approved === false ? "join_rejected" : "join_approved";
  if (kind === "registration_changed" && isRegistrationStatus(data.status)) {
    return `registration_${data.status}`;
  }
  return kind;
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
  });
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return (notificationKinds as readonly unknown[]).includes(value);
}
