import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { type Locale, i18nOptions } from "~/lib/i18n";
import {
  notificationKinds,
  notificationMessage,
  parseNotificationData,
} from "~/lib/notification-text";
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

describe("what a publishing notification says", () => {
  const doc = { actor_name: "Liisa Lakimies", title: "Perustelumallit" };

  it("tells a submission, an approval and a request for changes apart", () => {
    expect(message("fi", "review_requested", doc)).toBe(
      "Liisa Lakimies lähetti asiakirjan ”Perustelumallit” tarkastettavaksi",
    );
    expect(message("sv", "review_decided", { ...doc, status: "approved" })).toBe(
      "Dokumentet ”Perustelumallit” godkändes för publicering",
    );
    expect(message("en", "review_decided", { ...doc, status: "changes_requested" })).toBe(
      "Liisa Lakimies requested changes to the document “Perustelumallit”",
    );
    expect(message("fi", "review_decided", { ...doc, status: "withdrawn" })).toBe(
      "Asiakirjan ”Perustelumallit” tarkastus on päättynyt",
    );
  });

  it("names the published version, and falls back when the number is missing", () => {
    expect(message("fi", "document_published", { ...doc, status: "2" })).toBe(
      "Liisa Lakimies julkaisi asiakirjan ”Perustelumallit” version 2",
    );
    expect(message("sv", "document_published", { ...doc, status: "2" })).toBe(
      "Liisa Lakimies publicerade dokumentet ”Perustelumallit”, version 2",
    );
    expect(message("en", "document_published", { ...doc, status: "two" })).toBe(
      "Liisa Lakimies published the document “Perustelumallit”",
    );
    expect(message("fi", "translation_outdated", { title: "Handledning" })).toBe(
      "Käännös ”Handledning” on vanhentunut: alkuperäisestä asiakirjasta julkaistiin uusi versio",
    );
  });

  it("writes the review date as the calendar day in the reader's language", () => {
    const due = { title: "Perustelumallit", status: "2026-03-01" };
    expect(message("fi", "document_review_due", due)).toBe(
      "Asiakirjan ”Perustelumallit” sisältö on tarkistettava viimeistään 1.3.2026",
    );
    expect(message("en", "document_review_due", due)).toBe(
      "The content of the document “Perustelumallit” must be reviewed by 1 Mar 2026",
    );
    expect(message("sv", "document_review_due", { ...due, status: "soon" })).toBe(
      "Det är dags att granska innehållet i dokumentet ”Perustelumallit”",
    );
  });

  it("says what became of a reader's feedback, in words", () => {
    expect(message("fi", "feedback_received", doc)).toBe(
      "Liisa Lakimies antoi palautetta asiakirjasta ”Perustelumallit”",
    );
    expect(message("fi", "feedback_answered", { ...doc, status: "accepted" })).toBe(
      "Liisa Lakimies käsitteli palautettasi asiakirjasta ”Perustelumallit”. Tila: hyväksytty",
    );
    expect(message("sv", "feedback_answered", { ...doc, status: "in_progress" })).toBe(
      "Liisa Lakimies behandlade din respons på dokumentet ”Perustelumallit”. Status: under behandling",
    );
    expect(message("en", "feedback_answered", { ...doc, status: "bogus" })).toBe(
      "Liisa Lakimies handled your feedback on the document “Perustelumallit”",
    );
  });

  it("gives a comment round's deadline in Helsinki time and counts its responses", () => {
    // As open_comment_round() writes deadline::text: noon in Helsinki is 10:00 UTC in winter.
    const round = { actor_name: "Olli", title: "Lausuntopyyntö", status: "2025-12-04 10:00:00+00" };
    expect(message("fi", "comment_round_invited", round)).toMatch(
      /^Olli pyytää lausuntoa: ”Lausuntopyyntö”\. Määräaika 4\.12\.2025 klo 12\.00$/,
    );
    expect(
      message("en", "comment_round_invited", { ...round, status: "2025-12-04 12:00:00+02" }),
    ).toBe(message("en", "comment_round_invited", round));
    expect(message("sv", "comment_round_invited", { ...round, status: "tomorrow" })).toBe(
      "Olli begär utlåtande: ”Lausuntopyyntö”",
    );
    expect(message("fi", "comment_round_closed", { title: "Lausuntopyyntö", status: "1" })).toBe(
      "Lausuntokierros ”Lausuntopyyntö” on päättynyt: 1 lausunto",
    );
    expect(message("sv", "comment_round_closed", { title: "Remiss", status: "3" })).toBe(
      "Remissrundan ”Remiss” har avslutats: 3 utlåtanden",
    );
    expect(message("en", "comment_round_closed", { title: "Round", status: "0" })).toBe(
      "The comment round “Round” has closed: 0 responses",
    );
    expect(message("en", "comment_round_closed", {})).toBe(
      "The comment round “(untitled)” has closed",
    );
  });
});

describe("what a sparring notification says", () => {
  const question = { actor_name: "Helmi Hakala", title: "Omaehtoinen opiskelu" };

  it("tells the asker, the answerer and the lawyers what happened to the question", () => {
    expect(message("fi", "sparring_question_asked", question)).toBe(
      "Helmi Hakala esitti kysymyksen ”Omaehtoinen opiskelu”",
    );
    expect(message("fi", "sparring_answer_posted", question)).toBe(
      "Helmi Hakala vastasi kysymykseesi ”Omaehtoinen opiskelu”",
    );
    expect(message("sv", "sparring_answer_endorsed", question)).toBe(
      "Helmi Hakala rekommenderade ditt svar på frågan ”Omaehtoinen opiskelu”",
    );
    expect(message("en", "sparring_answer_accepted", question)).toBe(
      "Helmi Hakala accepted your answer to “Omaehtoinen opiskelu”",
    );
    expect(message("fi", "sparring_answer_promoted", question)).toBe(
      "Helmi Hakala nosti kysymyksen ”Omaehtoinen opiskelu” vastauksen tulkinnaksi",
    );
  });

  it("gives an overdue question's due time in Helsinki time, and does without it", () => {
    // As flag_overdue_sparring_questions() writes due_at::text.
    const overdue = { title: "Omaehtoinen opiskelu", status: "2025-12-04 14:00:00.123456+00" };
    expect(message("fi", "sparring_question_overdue", overdue)).toMatch(
      /^Kysymys ”Omaehtoinen opiskelu” on myöhässä: ensimmäinen vastaus piti antaa viimeistään 4\.12\.2025 klo 16\.00$/,
    );
    expect(message("sv", "sparring_question_overdue", { ...overdue, status: "soon" })).toBe(
      "Frågan ”Omaehtoinen opiskelu” är försenad: den har inte besvarats inom målet",
    );
    expect(message("en", "sparring_question_overdue", {})).toBe(
      "The question “(untitled)” is overdue: it has not been answered within the target",
    );
  });

  it("has words for every kind in every language", () => {
    for (const locale of ["fi", "sv", "en"] as const) {
      for (const kind of notificationKinds) {
        expect(message(locale, kind, question)).not.toMatch(/notifications\.kinds/);
      }
    }
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
