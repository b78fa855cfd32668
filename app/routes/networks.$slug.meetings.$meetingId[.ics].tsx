/** A meeting as an iCalendar file: "download to calendar" on the meeting page. */
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { buildIcs } from "~/lib/ics";
import { getMeeting } from "~/lib/meetings.server";
import { requireNetwork } from "~/lib/network-access.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const meeting = await getMeeting(client, network.id, params.meetingId ?? "");
  if (!meeting) throw data({ notFound: true }, { status: 404, headers });
  const t = await i18nServer.getFixedT(await getLocale(request));
  const origin = new URL(request.url).origin;
  const pageUrl = `${origin}/networks/${network.slug}/meetings/${meeting.id}`;
  const cancelled = meeting.cancelled_at !== null;
  const description = [meeting.agenda_text, meeting.video_url, pageUrl]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  const body = buildIcs({
    uid: `meeting-${meeting.id}@${new URL(origin).hostname}`,
    stamp: new Date(),
    start: new Date(meeting.starts_at),
    end: new Date(meeting.ends_at),
    summary: cancelled ? `${t("meetings.icsCancelled")}: ${meeting.title}` : meeting.title,
    location: meeting.location ?? meeting.video_url,
    url: pageUrl,
    description,
    cancelled,
    // Seconds since creation: grows with every change, so calendars replace an older copy.
    sequence: Math.max(
      0,
      Math.floor((Date.parse(meeting.updated_at) - Date.parse(meeting.created_at)) / 1000),
    ),
  });
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Content-Type", "text/calendar; charset=utf-8");
  responseHeaders.set("Content-Disposition", 'attachment; filename="meeting.ics"');
  return new Response(body, { status: 200, headers: responseHeaders });
}
