/**
 * The meeting form, shared by the create and edit pages: what a coordinator may type, and the
 * conversion between the form's wall-clock times (Europe/Helsinki, as people in Finland read a
 * clock) and the instants the database stores.
 */
import { z } from "zod";

export const meetingTimeZone = "Europe/Helsinki";

/** What a <input type="datetime-local"> submits: "2025-03-30T09:30" (seconds optional). */
const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds the zone is ahead of UTC at `instant` (e.g. +3 h in a Finnish summer). */
function zoneOffsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a Helsinki wall-clock time names, as an ISO string in UTC; null when the text is
 * not a date and time. A time skipped when clocks go forward (03:30 on the last Sunday of March)
 * is read with the offset in force just before the change, i.e. as 04:30 summer time; a time
 * that occurs twice in October is the first (summer-time) one.
 */
export function helsinkiLocalToUtc(local: string, timeZone = meetingTimeZone): string | null {
  const match = localDateTimePattern.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  const check = new Date(wall);
  if (
    Number.isNaN(wall) ||
    check.getUTCMonth() !== (month ?? 1) - 1 ||
    check.getUTCDate() !== day ||
    (hour ?? 0) > 23
  ) {
    return null;
  }
  // The offset of the hours around the wall time: try the earlier offset (before a change) first.
  const before = zoneOffsetAt(wall - 24 * 3600_000, timeZone);
  const after = zoneOffsetAt(wall + 24 * 3600_000, timeZone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const instant = wall - offset;
    if (zoneOffsetAt(instant, timeZone) === offset) return new Date(instant).toISOString();
  }
  // Skipped by a spring change: keep the offset of the time before it.
  return new Date(wall - Math.min(before, after)).toISOString();
}

/** An instant as the value of a datetime-local input in Helsinki time ("2025-03-30T09:30"). */
export function utcToHelsinkiLocal(iso: string, timeZone = meetingTimeZone): string {
  const instant = new Date(iso).getTime();
  const local = new Date(instant + zoneOffsetAt(instant, timeZone));
  return local.toISOString().slice(0, 16);
}

/** Today's date in Helsinki as YYYY-MM-DD. */
export function helsinkiToday(now: Date = new Date(), timeZone = meetingTimeZone): string {
  return utcToHelsinkiLocal(now.toISOString(), timeZone).slice(0, 10);
}

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(max, "tooLong"));

const localDateTime = z
  .string({ required_error: "required" })
  .trim()
  .min(1, "required")
  .transform((value, ctx) => {
    const iso = helsinkiLocalToUtc(value);
    if (!iso) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "dateTimeInvalid" });
      return z.NEVER;
    }
    return iso;
  });

/** The fields of the form except the agenda and minutes, which the rich-text reader handles. */
export const meetingDetailsSchema = z
  .object({
    title: z.string({ required_error: "required" }).trim().min(1, "required").max(200, "tooLong"),
    startsAt: localDateTime,
    endsAt: localDateTime,
    location: optionalText(500),
    videoUrl: optionalText(2000).refine(
      (value) => value === "" || /^https:\/\/[^\s]+$/i.test(value),
      "httpsOnly",
    ),
    capacity: z
      .string()
      .optional()
      .transform((value) => value?.trim() ?? "")
      .refine((value) => value === "" || /^\d{1,6}$/.test(value), "capacityInvalid")
      .transform((value) => (value === "" ? null : Number(value)))
      .refine((value) => value === null || (value >= 1 && value <= 100000), "capacityInvalid"),
    registrationOpen: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
  })
  .superRefine((value, ctx) => {
    const start = new Date(value.startsAt).getTime();
    const end = new Date(value.endsAt).getTime();
    if (end <= start) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "endBeforeStart" });
    } else if (end - start > 7 * 24 * 3600_000) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsAt"], message: "tooLongMeeting" });
    }
  });

export type MeetingDetails = z.output<typeof meetingDetailsSchema>;

/** Message keys under `meetings.errors` the schema uses. */
export const meetingFieldErrorKeys = [
  "required",
  "tooLong",
  "dateTimeInvalid",
  "httpsOnly",
  "capacityInvalid",
  "endBeforeStart",
  "tooLongMeeting",
] as const;
export type MeetingFieldErrorKey = (typeof meetingFieldErrorKeys)[number];

export const meetingFields = [
  "title",
  "startsAt",
  "endsAt",
  "location",
  "videoUrl",
  "capacity",
  "agenda",
  "minutes",
] as const;
export type MeetingField = (typeof meetingFields)[number];

export type MeetingFieldErrors = Partial<Record<MeetingField, MeetingFieldErrorKey>>;

function isMeetingFieldErrorKey(value: unknown): value is MeetingFieldErrorKey {
  return (meetingFieldErrorKeys as readonly unknown[]).includes(value);
}

function isMeetingField(value: unknown): value is MeetingField {
  return (meetingFields as readonly unknown[]).includes(value);
}

export type MeetingDetailsResult =
  | { success: true; data: MeetingDetails }
  | { success: false; fieldErrors: MeetingFieldErrors };

/** Validates the posted details; the first problem of each field as a `meetings.errors` key. */
export function parseMeetingDetails(input: Record<string, unknown>): MeetingDetailsResult {
  const parsed = meetingDetailsSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: MeetingFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isMeetingField(field) || fieldErrors[field]) continue;
    fieldErrors[field] = isMeetingFieldErrorKey(issue.message) ? issue.message : "required";
  }
  return { success: false, fieldErrors };
}

/** Values the form shows again after a failed submit, or a saved meeting's values. */
export interface MeetingFormValues {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  videoUrl: string;
  capacity: string;
  registrationOpen: boolean;
  agendaHtml: string;
  minutesHtml: string;
}

export const emptyMeetingFormValues: MeetingFormValues = {
  title: "",
  startsAt: "",
  endsAt: "",
  location: "",
  videoUrl: "",
  capacity: "",
  registrationOpen: true,
  agendaHtml: "",
  minutesHtml: "",
};

/** The posted form as values to show again (never trusted: only re-rendered). */
export function postedMeetingValues(form: FormData): MeetingFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const richHtml = (name: string) => {
    const html = form.get(`${name}_html`);
    if (typeof html === "string") return html;
    // Without JavaScript only the text arrives; show it again as text.
    return text(`${name}_text`)
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim() !== "")
      .map(
        (paragraph) =>
          `<p>${paragraph.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`,
      )
      .join("");
  };
  return {
    title: text("title"),
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    location: text("location"),
    videoUrl: text("videoUrl"),
    capacity: text("capacity"),
    registrationOpen: text("registrationOpen") === "on",
    agendaHtml: richHtml("agenda"),
    minutesHtml: richHtml("minutes"),
  };
}

/** A meeting's time as people read it, e.g. "ti 25.11.2025 klo 9.00–11.00", in Helsinki time. */
export function formatMeetingTime(startsAt: string, endsAt: string, locale: string): string {
  // British English writes dates day first, as Finnish and Swedish readers expect.
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    weekday: "short",
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: meetingTimeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** A meeting as the list and the meeting page show it; times already in the reader's words. */
export interface MeetingFactsData {
  id: string;
  title: string;
  when: string;
  startsAt: string;
  location: string | null;
  videoUrl: string | null;
  capacity: number | null;
  registered: number;
  waitlisted: number;
  cancelled: boolean;
  registrationOpen: boolean;
  myStatus: "registered" | "waitlisted" | "cancelled" | null;
}
