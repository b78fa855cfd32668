import { describe, expect, it } from "vitest";
import {
  paragraphField,
  parseHandleItem,
  parseOpenRound,
  parseResponse,
} from "../../app/lib/comment-round-form";

const now = new Date("2025-11-24T10:00:00Z"); // 12:00 in Helsinki
const organisation = "a0000000-0000-4000-8000-000000000001";
const person = "b0000000-0000-4000-8000-000000000002";

describe("opening a comment round", () => {
  it("reads the deadline as Helsinki time and removes repeated invitees", () => {
    const parsed = parseOpenRound(
      {
        title: "  Lausuntopyyntö  ",
        instructions: "",
        deadlineDate: "2025-12-05",
        deadlineTime: "16:00",
        organisations: [organisation, organisation],
        networks: [],
        people: [person],
      },
      now,
    );
    expect(parsed).toEqual({
      success: true,
      data: {
        title: "Lausuntopyyntö",
        instructions: "",
        deadline: "2025-12-05T14:00:00.000Z",
        organisations: [organisation],
        networks: [],
        people: [person],
      },
    });
  });

  it("refuses a deadline an hour away or less, over a year away, and no invitees", () => {
    const base = { title: "Kierros", organisations: [], networks: [], people: [] };
    expect(
      parseOpenRound({ ...base, deadlineDate: "2025-11-24", deadlineTime: "13:00" }, now),
    ).toEqual({
      success: false,
      fieldErrors: { deadlineDate: "deadlineTooSoon", invitees: "inviteesRequired" },
    });
    expect(
      parseOpenRound(
        { ...base, people: [person], deadlineDate: "2027-01-01", deadlineTime: "12:00" },
        now,
      ),
    ).toEqual({ success: false, fieldErrors: { deadlineDate: "deadlineTooLate" } });
  });

  it("names every missing field", () => {
    expect(parseOpenRound({ deadlineDate: "", deadlineTime: "" }, now)).toEqual({
      success: false,
      fieldErrors: {
        title: "titleRequired",
        deadlineDate: "dateRequired",
        deadlineTime: "timeRequired",
      },
    });
    expect(
      parseOpenRound(
        { title: "x", deadlineDate: "2025-12-01", deadlineTime: "12:00", people: ["nope"] },
        now,
      ),
    ).toMatchObject({ success: false, fieldErrors: { invitees: "invalid" } });
  });
});

describe("responding to a round", () => {
  const paragraphs = [
    { index: 0, text: "Ensimmäinen kappale." },
    { index: 1, text: "Toinen kappale." },
  ];
  const invitee = "c0000000-0000-4000-8000-000000000003";

  it("sends the general comment first and only the filled paragraph comments", () => {
    const parsed = parseResponse(
      { general: " Hyvä ohje. ", [paragraphField(1)]: "Tarkenna.", [paragraphField(0)]: "" },
      paragraphs,
      [invitee],
    );
    expect(parsed).toMatchObject({
      success: true,
      inviteeId: invitee,
      items: [
        { paragraph_index: null, paragraph_text: null, comment: "Hyvä ohje." },
        { paragraph_index: 1, paragraph_text: "Toinen kappale.", comment: "Tarkenna." },
      ],
    });
  });

  it("needs a comment, and a chosen party when there are several, keeping what was typed", () => {
    const other = "d0000000-0000-4000-8000-000000000004";
    const parsed = parseResponse({ general: "  " }, paragraphs, [invitee, other]);
    expect(parsed).toEqual({
      success: false,
      fieldErrors: { invitee: "partyRequired", comments: "commentsRequired" },
      values: { invitee: "", general: "  ", paragraphs: {} },
    });
    const tooLong = parseResponse({ invitee, [paragraphField(0)]: "x".repeat(5001) }, paragraphs, [
      invitee,
      other,
    ]);
    expect(tooLong).toMatchObject({
      success: false,
      fieldErrors: { "paragraph-0": "commentTooLong" },
    });
  });
});

describe("recording what was done", () => {
  it("accepts a known handling and a note", () => {
    expect(
      parseHandleItem({
        itemId: "e0000000-0000-4000-8000-000000000005",
        handling: "partly_accepted",
        note: " Muotoiltu uudelleen. ",
      }),
    ).toEqual({
      success: true,
      data: {
        itemId: "e0000000-0000-4000-8000-000000000005",
        handling: "partly_accepted",
        note: "Muotoiltu uudelleen.",
      },
    });
    expect(
      parseHandleItem({ itemId: "e0000000-0000-4000-8000-000000000005", handling: "ignored" }),
    ).toEqual({ success: false, fieldErrors: { handling: "invalid" } });
  });
});
