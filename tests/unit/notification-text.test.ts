import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { type Locale, i18nOptions } from "~/lib/i18n";
import { notificationMessage, parseNotificationData } from "~/lib/notification-text";
import { formatCursor, notificationActionSchema, parseCursor } from "~/lib/notifications-page";

const translators = {} as Record<Locale, TFunction>;

beforeAll(async () => {
  for (const locale of ["fi", "sv", "en"] as const) {
    const instance = i18next.createInstance();
    await instance.init({ ...i18nOptions, lng: locale });
    translators[locale] = instance.getFixedT(locale);
  }
});

const network = {
  network_name_fi: "Palkkatukiverkosto",
  network_name_sv: "Lönesubventionsnätverket",
};

function message(
  locale: Locale,
  kind: Parameters<typeof notificationMessage>[2]["kind"],
  data: object,
) {
  return notificationMessage(translators[locale], locale, {
    kind,
    data: parseNotificationData(data),
  });
}

describe("what a notification says", () => {
  it("names the actor and the thread in the reader's language", () => {
    const data = { ...network, actor_name: "Aino Asiantuntija", title: "Palkkatuen käsittelyajat" };
    expect(message("fi", "reply", data)).toBe(
      "Aino Asiantuntija vastasi ketjuun ”Palkkatuen käsittelyajat”",
    );
    expect(message("sv", "reply", data)).toBe(
      "Aino Asiantuntija svarade i tråden ”Palkkatuen käsittelyajat”",
    );
    expect(message("en", "reply", data)).toBe(
      "Aino Asiantuntija replied to the thread “Palkkatuen käsittelyajat”",
    );
  });

  it("uses the Swedish name of a network for Swedish readers, else the Finnish one", () => {
    const data = { ...network, actor_name: "Kalle" };
    expect(message("sv", "invitation", data)).toBe(
      "Kalle bjöd in dig till nätverket Lönesubventionsnätverket",
    );
    expect(message("en", "invitation", data)).toBe(
      "Kalle invited you to the network Palkkatukiverkosto",
    );
    expect(message("sv", "invitation", { network_name_fi: "Vain suomeksi" })).toBe(
      "Någon bjöd in dig till nätverket Vain suomeksi",
    );
  });

  it("tells an approval from a rejection, and each registration change apart", () => {
    expect(message("fi", "join_decided", { ...network, approved: true })).toBe(
      "Liittymispyyntösi verkostoon Palkkatukiverkosto hyväksyttiin",
    );
    expect(message("fi", "join_decided", { ...network, approved: false })).toBe(
      "Liittymispyyntöäsi verkostoon Palkkatukiverkosto ei hyväksytty",
    );
    const meeting = { title: "Kevätpäivät", actor_name: "Helmi" };
    expect(message("fi", "registration_changed", { ...meeting, status: "waitlisted" })).toBe(
      "Helmi ilmoittautui jonoon tapahtumaan ”Kevätpäivät”",
    );
    expect(message("en", "registration_changed", { ...meeting, status: "meeting_cancelled" })).toBe(
      "“Kevätpäivät” was cancelled",
    );
    expect(message("en", "registration_changed", { ...meeting, status: "something new" })).toBe(
      "The registration for “Kevätpäivät” changed",
    );
  });

  it("reads missing or mistyped data as a neutral wording, never as a crash", () => {
    expect(message("fi", "mention", { actor_name: 42, title: ["x"] })).toBe(
      "Joku mainitsi sinut: ”(nimetön)”",
    );
    expect(parseNotificationData(null)).toEqual(parseNotificationData({}));
    expect(message("en", "review_due", {})).toBe(
      "The network (unnamed) is due for its yearly review",
    );
  });
});

describe("the notification page's cursor and form", () => {
  it("round-trips a cursor and rejects anything else", () => {
    const cursor = {
      createdAt: "2025-11-24T08:15:00.123456+00:00",
      id: "0b6f3a5e-8f7e-4b1c-9a70-1d2e3f4a5b6c",
    };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
    expect(parseCursor(null)).toBeNull();
    expect(parseCursor("yesterday_0b6f3a5e-8f7e-4b1c-9a70-1d2e3f4a5b6c")).toBeNull();
    expect(parseCursor(`${cursor.createdAt}),id.gt.0_${cursor.id}`)).toBeNull();
    expect(parseCursor(`${cursor.createdAt}_not-an-id`)).toBeNull();
  });

  it("reads the two intents of the form, a missing checkbox as no", () => {
    expect(notificationActionSchema.parse({ intent: "markAllRead" })).toEqual({
      intent: "markAllRead",
    });
    expect(notificationActionSchema.parse({ intent: "saveDigest", dailyDigest: "on" })).toEqual({
      intent: "saveDigest",
      dailyDigest: true,
    });
    expect(notificationActionSchema.parse({ intent: "saveDigest" })).toEqual({
      intent: "saveDigest",
      dailyDigest: false,
    });
    expect(notificationActionSchema.safeParse({ intent: "deleteAll" }).success).toBe(false);
  });
});
