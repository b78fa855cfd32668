/**
 * The daily digest e-mail: one plain-text message per person, in their language, listing their
 * unread notifications with links to the site. The words are the notification page's own.
 */
import i18next, { type TFunction } from "i18next";
import { type Locale, i18nOptions, supportedLocales } from "../../app/lib/i18n";
import {
  isNotificationKind,
  notificationMessage,
  parseNotificationData,
} from "../../app/lib/notification-text";
import { safeRedirect } from "../../app/lib/safe-redirect";
import type { MailMessage } from "../embedded/auth/mailer";

/** One notification as collect_notification_digests() returns it. */
export interface DigestItem {
  kind: string;
  link: string;
  data: unknown;
  created_at: string;
}

export interface DigestRecipient {
  email: string;
  displayName: string;
  locale: Locale;
  notifications: DigestItem[];
}

/** Beyond this many, the e-mail says how many more there are and points to the page. */
export const maxDigestItems = 30;

export type Translators = Record<Locale, TFunction>;

/** A translation function per language, from the app's own strings. */
export async function digestTranslators(): Promise<Translators> {
  const entries = await Promise.all(
    supportedLocales.map(async (locale) => {
      const instance = i18next.createInstance();
      await instance.init({ ...i18nOptions, lng: locale });
      return [locale, instance.getFixedT(locale)] as const;
    }),
  );
  return Object.fromEntries(entries) as Translators;
}

/** Titles and names are people's text: one line each, whatever they typed. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function renderDigestEmail(
  t: TFunction,
  recipient: DigestRecipient,
  siteUrl: string,
  timeZone = "Europe/Helsinki",
): Omit<MailMessage, "kind"> {
  const { locale } = recipient;
  const count = recipient.notifications.length;
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone,
  });
  const absolute = (path: string) => new URL(safeRedirect(path, "/notifications"), siteUrl).href;
  const name = oneLine(recipient.displayName);

  const items = recipient.notifications.slice(0, maxDigestItems).map((item) => {
    const message = isNotificationKind(item.kind)
      ? notificationMessage(t, locale, { kind: item.kind, data: parseNotificationData(item.data) })
      : t("notifications.title");
    return `- ${oneLine(message)} (${format.format(new Date(item.created_at))})\n  ${absolute(item.link)}`;
  });
  const more = count - items.length;

  const paragraphs = [
    name ? t("notifications.digest.greeting", { name }) : t("notifications.digest.greetingNoName"),
    t("notifications.digest.intro", { count }),
    items.join("\n"),
    ...(more > 0 ? [t("notifications.digest.more", { count: more })] : []),
    t("notifications.digest.seeAll", { url: absolute("/notifications") }),
    t("notifications.digest.footer"),
  ];
  return {
    to: recipient.email,
    subject: t("notifications.digest.subject", { count }),
    text: `${paragraphs.join("\n\n")}\n`,
  };
}
