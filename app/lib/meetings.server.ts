/**
 * A network's meetings and registrations. Reads go through RLS (readers of the network see its
 * meetings); coordinators arrange and change meetings through the table's policies, and people
 * register through register_for_meeting / cancel_meeting_registration, which decide the waiting
 * list. This module only asks and reports the database's answer.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import { formatMeetingTime, type MeetingDetails, type MeetingFactsData } from "./meeting-form";
import { isUuid } from "./uuid";

export type RegistrationStatus = "registered" | "waitlisted" | "cancelled";

export interface Meeting {
  id: string;
  network_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  location: string | null;
  video_url: string | null;
  capacity: number | null;
  registration_open: boolean;
  registered_count: number;
  waitlisted_count: number;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface MeetingWithTexts extends Meeting {
  agenda_html: string;
  agenda_text: string;
  minutes_html: string;
  minutes_text: string;
  /** The co-edited minutes, once a coordinator has started them. */
  minutes_document_id: string | null;
}

const meetingColumns =
  "id, network_id, title, starts_at, ends_at, location, video_url, capacity, registration_open, registered_count, waitlisted_count, created_at, updated_at, cancelled_at";
const meetingWithTextColumns = `${meetingColumns}, agenda_html, agenda_text, minutes_html, minutes_text, minutes_document_id`;

export const pastMeetingsLimit = 50;

export interface MeetingListItem extends Meeting {
  myStatus: RegistrationStatus | null;
}

/**
 * Upcoming meetings (not yet ended), soonest first, or past ones, latest first; each with the
 * caller's own registration.
 */
export async function listMeetings(
  client: SupabaseClient,
  networkId: string,
  userId: string,
  when: "upcoming" | "past",
  now: Date = new Date(),
): Promise<MeetingListItem[]> {
  const query = client.from("meetings").select(meetingColumns).eq("network_id", networkId);
  const { data, error } = await (when === "upcoming"
    ? query.gte("ends_at", now.toISOString()).order("starts_at", { ascending: true }).limit(200)
    : query
        .lt("ends_at", now.toISOString())
        .order("starts_at", { ascending: false })
        .limit(pastMeetingsLimit)
  ).returns<Meeting[]>();
  if (error) throw error;
  if (data.length === 0) return [];
  const { data: mine, error: mineError } = await client
    .from("meeting_registrations")
    .select("meeting_id, status")
    .eq("user_id", userId)
    .in(
      "meeting_id",
      data.map((meeting) => meeting.id),
    )
    .returns<{ meeting_id: string; status: RegistrationStatus }[]>();
  if (mineError) throw mineError;
  const statuses = new Map(mine.map((row) => [row.meeting_id, row.status]));
  return data.map((meeting) => ({ ...meeting, myStatus: statuses.get(meeting.id) ?? null }));
}

/** The meeting with its agenda and minutes, or null when it is not in this network (or hidden). */
export async function getMeeting(
  client: SupabaseClient,
  networkId: string,
  meetingId: string,
): Promise<MeetingWithTexts | null> {
  if (!isUuid(meetingId)) return null;
  const { data, error } = await client
    .from("meetings")
    .select(meetingWithTextColumns)
    .eq("id", meetingId)
    .eq("network_id", networkId)
    .maybeSingle<MeetingWithTexts>();
  if (error) throw error;
  return data;
}

export interface Registration {
  userId: string;
  name: string;
  status: RegistrationStatus;
  createdAt: string;
}

/** Who has registered and who waits, in the order they came (the waiting list's order). */
export async function meetingRegistrations(
  client: SupabaseClient,
  meetingId: string,
): Promise<Registration[]> {
  const { data, error } = await client
    .from("meeting_registrations")
    .select("user_id, status, created_at, profiles(display_name)")
    .eq("meeting_id", meetingId)
    .neq("status", "cancelled")
    .order("created_at", { ascending: true })
    .returns<
      {
        user_id: string;
        status: RegistrationStatus;
        created_at: string;
        profiles: { display_name: string } | null;
      }[]
    >();
  if (error) throw error;
  return data.map((row) => ({
    userId: row.user_id,
    name: row.profiles?.display_name || "–",
    status: row.status,
    createdAt: row.created_at,
  }));
}

function detailsRow(details: MeetingDetails) {
  return {
    title: details.title,
    starts_at: details.startsAt,
    ends_at: details.endsAt,
    location: details.location || null,
    video_url: details.videoUrl || null,
    capacity: details.capacity,
    registration_open: details.registrationOpen,
  };
}

export interface RichText {
  html: string;
  text: string;
}

/** Arranges a meeting; the policy lets only the network's coordinators. */
export async function createMeeting(
  client: SupabaseClient,
  networkId: string,
  details: MeetingDetails,
  agenda: RichText,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client
    .from("meetings")
    .insert({
      network_id: networkId,
      ...detailsRow(details),
      agenda_html: agenda.html,
      agenda_text: agenda.text,
    })
    .select("id")
    .single<{ id: string }>();
  if (error) return { error };
  return { id: data.id };
}

/**
 * Saves a meeting's details, agenda and minutes. An update the policy filters out changes no
 * row: that is reported as the database's refusal (42501), not as success.
 */
export async function updateMeeting(
  client: SupabaseClient,
  meetingId: string,
  details: MeetingDetails,
  agenda: RichText,
  minutes: RichText,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("meetings")
      .update({
        ...detailsRow(details),
        agenda_html: agenda.html,
        agenda_text: agenda.text,
        minutes_html: minutes.html,
        minutes_text: minutes.text,
      })
      .eq("id", meetingId)
      .select("id"),
  );
}

/** Cancels the meeting (it stays, marked cancelled); registered people are notified. */
export async function cancelMeeting(
  client: SupabaseClient,
  meetingId: string,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("meetings")
      .update({ cancelled_at: new Date().toISOString() })
      .eq("id", meetingId)
      .is("cancelled_at", null)
      .select("id"),
  );
}

export async function registerForMeeting(
  client: SupabaseClient,
  meetingId: string,
): Promise<{ status: RegistrationStatus } | { error: DbErrorLike }> {
  const { data, error } = await client.rpc("register_for_meeting", { meeting_id: meetingId });
  if (error) return { error };
  return { status: data as RegistrationStatus };
}

export async function cancelMeetingRegistration(
  client: SupabaseClient,
  meetingId: string,
): Promise<DbErrorLike | null> {
  const { error } = await client.rpc("cancel_meeting_registration", { meeting_id: meetingId });
  return error;
}

/** An update that matched no row was refused by a policy (or the row is gone). */
export function expectOneRow(result: {
  data: unknown[] | null;
  error: DbErrorLike | null;
}): DbErrorLike | null {
  if (result.error) return result.error;
  if (!result.data || result.data.length === 0) {
    return { code: "42501", message: "the change was not allowed" };
  }
  return null;
}

export { isUuid };

/** The list's and the meeting page's view of a meeting, with its time in the reader's words. */
export function meetingFacts(
  meeting: Meeting,
  myStatus: RegistrationStatus | null,
  locale: string,
): MeetingFactsData {
  return {
    id: meeting.id,
    title: meeting.title,
    when: formatMeetingTime(meeting.starts_at, meeting.ends_at, locale),
    startsAt: meeting.starts_at,
    location: meeting.location,
    videoUrl: meeting.video_url,
    capacity: meeting.capacity,
    registered: meeting.registered_count,
    waitlisted: meeting.waitlisted_count,
    cancelled: meeting.cancelled_at !== null,
    registrationOpen: meeting.registration_open,
    myStatus,
  };
}
