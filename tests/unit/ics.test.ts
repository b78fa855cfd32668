/** "Download to calendar": the iCalendar file a meeting becomes, and the Helsinki clock it is typed in. */
import { describe, expect, it } from "vitest";
import { buildIcs, escapeIcsText, foldIcsLine, formatIcsDateTime } from "~/lib/ics";
import { helsinkiLocalToUtc, helsinkiToday, utcToHelsinkiLocal } from "~/lib/meeting-form";

/** Unfolds and splits a calendar into its content lines, as a calendar program reads it. */
function contentLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
}

function property(ics: string, name: string): string | undefined {
  return contentLines(ics)
    .find((line) => line.startsWith(`${name}:`))
    ?.slice(name.length + 1);
}

const meeting = {
  uid: "meeting-3f0c@verkko.example",
  stamp: new Date("2025-11-24T08:00:00Z"),
  start: new Date("2025-12-02T07:00:00Z"),
  end: new Date("2025-12-02T09:30:00Z"),
  summary: "Verkoston kokous: työnhakijan palvelumalli, 380/2023",
  location: "KEHA-keskus, Kauppakatu 1; neuvotteluhuone Näsi",
  url: "https://verkko.example/networks/tyonhaku/meetings/3f0c",
  description: "1. Avaus\n2. Palvelumallin muutokset, kommentit\n3. Muut asiat \\ seuraava kokous",
};

describe("the meeting as an iCalendar file", () => {
  const ics = buildIcs(meeting);

  it("is one VCALENDAR with one VEVENT, every line ending in CRLF", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(contentLines(ics).filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  });

  it("names the event by a stable UID and gives its times in UTC", () => {
    expect(property(ics, "UID")).toBe("meeting-3f0c@verkko.example");
    expect(property(ics, "DTSTAMP")).toBe("20251124T080000Z");
    expect(property(ics, "DTSTART")).toBe("20251202T070000Z");
    expect(property(ics, "DTEND")).toBe("20251202T093000Z");
    expect(property(ics, "STATUS")).toBe("CONFIRMED");
  });

  it("escapes commas, semicolons, backslashes and newlines in text", () => {
    expect(property(ics, "SUMMARY")).toBe("Verkoston kokous: työnhakijan palvelumalli\\, 380/2023");
    expect(property(ics, "LOCATION")).toBe("KEHA-keskus\\, Kauppakatu 1\\; neuvotteluhuone Näsi");
    expect(property(ics, "DESCRIPTION")).toBe(
      "1. Avaus\\n2. Palvelumallin muutokset\\, kommentit\\n3. Muut asiat \\\\ seuraava kokous",
    );
    expect(property(ics, "URL")).toBe(meeting.url);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const long = buildIcs({ ...meeting, description: "Työllisyysalueiden yhteistyö ".repeat(20) });
    const encoder = new TextEncoder();
    for (const line of long.split("\r\n")) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(property(long, "DESCRIPTION")).toBe("Työllisyysalueiden yhteistyö ".repeat(20));
  });

  it("marks a cancelled meeting and leaves out what is not there", () => {
    const cancelled = buildIcs({
      ...meeting,
      location: null,
      url: null,
      description: null,
      cancelled: true,
    });
    expect(property(cancelled, "STATUS")).toBe("CANCELLED");
    expect(property(cancelled, "LOCATION")).toBeUndefined();
    expect(property(cancelled, "URL")).toBeUndefined();
    expect(property(cancelled, "DESCRIPTION")).toBeUndefined();
  });

  it("has the helpers behave on their own", () => {
    expect(formatIcsDateTime(new Date("2025-03-30T01:05:09.123Z"))).toBe("20250330T010509Z");
    expect(escapeIcsText("a\r\nb\u0007c")).toBe("a\\nbc");
    const folded = foldIcsLine(`DESCRIPTION:${"ä".repeat(60)}`);
    expect(folded.split("\r\n ").join("")).toBe(`DESCRIPTION:${"ä".repeat(60)}`);
  });
});

describe("Helsinki wall-clock time in the meeting form", () => {
  it("reads winter time as UTC+2 and summer time as UTC+3", () => {
    expect(helsinkiLocalToUtc("2025-01-15T09:00")).toBe("2025-01-15T07:00:00.000Z");
    expect(helsinkiLocalToUtc("2025-07-15T09:00")).toBe("2025-07-15T06:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 30 March 2025: 03:00 became 04:00.
    expect(helsinkiLocalToUtc("2025-03-30T02:30")).toBe("2025-03-30T00:30:00.000Z");
    expect(helsinkiLocalToUtc("2025-03-30T04:30")).toBe("2025-03-30T01:30:00.000Z");
    // 03:30 never happened: read with the winter offset, i.e. 04:30 summer time.
    expect(helsinkiLocalToUtc("2025-03-30T03:30")).toBe("2025-03-30T01:30:00.000Z");
    // 26 October 2025: 04:00 became 03:00 again; 03:30 happened twice, the first is meant.
    expect(helsinkiLocalToUtc("2025-10-26T03:30")).toBe("2025-10-26T00:30:00.000Z");
    expect(helsinkiLocalToUtc("2025-10-26T05:00")).toBe("2025-10-26T03:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    expect(helsinkiLocalToUtc("")).toBeNull();
    expect(helsinkiLocalToUtc("2025-02-30T10:00")).toBeNull();
    expect(helsinkiLocalToUtc("30.1.2025 10:00")).toBeNull();
    expect(helsinkiLocalToUtc("2025-01-01T24:00")).toBeNull();
  });

  it("shows a stored instant back in Helsinki time, and today's Helsinki date", () => {
    expect(utcToHelsinkiLocal("2025-07-15T06:00:00Z")).toBe("2025-07-15T09:00");
    expect(utcToHelsinkiLocal("2025-01-15T07:00:00.000Z")).toBe("2025-01-15T09:00");
    // 23.30 UTC on 31 December is already New Year's Day in Helsinki.
    expect(helsinkiToday(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});
