/**
 * One event as an iCalendar file (RFC 5545), for "download to calendar". Times are written in
 * UTC so no VTIMEZONE is needed; text is escaped (§3.3.11) and lines are folded at 75 octets
 * without splitting a UTF-8 character (§3.1); lines end in CRLF.
 */

export interface CalendarEvent {
  /** Globally unique and stable across downloads, so a calendar updates the event it has. */
  uid: string;
  /** When this file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
  /** A cancelled meeting is sent with STATUS:CANCELLED, so calendars strike it out. */
  cancelled?: boolean;
  /** Bumped when the event changes, so calendars replace an older copy. */
  sequence?: number;
}

/** 20250330T063000Z */
export function formatIcsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** TEXT values: backslash, semicolon and comma escaped, newlines as \n (§3.3.11). */
export function escapeIcsText(text: string): string {
  const escaped = text
    .replace(/\r\n?/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
  // Other control characters are not allowed in TEXT (§3.3.11); they are dropped.
  return Array.from(escaped)
    .filter((character) => {
      const code = character.charCodeAt(0);
      return code === 0x09 || (code >= 0x20 && code !== 0x7f);
    })
    .join("");
}

const encoder = new TextEncoder();

/** Splits a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldIcsLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentOctets = 0;
  // The first line may hold 75 octets; continuations 74 after their leading space.
  let limit = 75;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = "";
      currentOctets = 0;
      limit = 74;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The whole VCALENDAR with one VEVENT. */
export function buildIcs(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Verkko//Verkko meetings//FI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${formatIcsDateTime(event.stamp)}`,
    `DTSTART:${formatIcsDateTime(event.start)}`,
    `DTEND:${formatIcsDateTime(event.end)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  // URL is of type URI, not TEXT: it is not escaped, only checked to be one line.
  if (event.url && !/[\r\n]/.test(event.url)) lines.push(`URL:${event.url}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  lines.push(
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  );
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
