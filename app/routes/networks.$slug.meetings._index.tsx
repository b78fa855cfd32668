import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingCancelledBadge, MeetingFacts } from "~/components/meetings/meeting-facts";
import { buttonClass } from "~/components/ui/button";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { listMeetings, meetingFacts, pastMeetingsLimit } from "~/lib/meetings.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, isCoordinator, canWrite } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const when = new URL(request.url).searchParams.get("when") === "past" ? "past" : "upcoming";
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const meetings = await listMeetings(client, network.id, user.id, when);
  return data(
    {
      title: pageTitle(
        `${t(when === "past" ? "meetings.pastTitle" : "meetings.upcomingTitle")} – ${networkName(network, locale)}`,
      ),
      slug: network.slug,
      when,
      canArrange: isCoordinator && canWrite,
      meetings: meetings.map((meeting) => meetingFacts(meeting, meeting.myStatus, locale)),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function NetworkMeetings() {
  const { slug, when, canArrange, meetings } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/networks/${slug}/meetings`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-semibold">{t("meetings.title")}</h2>
        {canArrange ? (
          <Link to={`${base}/new`} className={buttonClass("primary")}>
            {t("meetings.newMeeting")}
          </Link>
        ) : null}
      </div>
      <nav aria-label={t("meetings.views")}>
        <ul className="flex gap-2">
          {(["upcoming", "past"] as const).map((each) => (
            <li key={each}>
              <Link
                to={each === "past" ? `${base}?when=past` : base}
                aria-current={each === when ? "page" : undefined}
                className={`block rounded-md px-3 py-2 font-medium ${
                  each === when
                    ? "bg-blue-50 text-blue-900 underline decoration-2 underline-offset-4"
                    : "text-slate-800 hover:bg-slate-100"
                }`}
              >
                {t(each === "past" ? "meetings.past" : "meetings.upcoming")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="meetings-list-heading" className="space-y-3">
        <h3 id="meetings-list-heading" className="text-xl font-semibold">
          {t(when === "past" ? "meetings.pastTitle" : "meetings.upcomingTitle")}
        </h3>
        {meetings.length === 0 ? (
          <p>{t(when === "past" ? "meetings.noPast" : "meetings.noUpcoming")}</p>
        ) : (
          <ul className="space-y-3">
            {meetings.map((meeting) => (
              <li key={meeting.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <article aria-labelledby={`meeting-${meeting.id}-title`} className="space-y-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <h4 id={`meeting-${meeting.id}-title`} className="text-lg font-semibold">
                      <Link
                        to={`${base}/${meeting.id}`}
                        className="text-blue-800 underline underline-offset-2"
                      >
                        {meeting.title}
                      </Link>
                    </h4>
                    {meeting.cancelled ? <MeetingCancelledBadge /> : null}
                  </div>
                  <MeetingFacts meeting={meeting} />
                </article>
              </li>
            ))}
          </ul>
        )}
        {when === "past" && meetings.length >= pastMeetingsLimit ? (
          <p className="text-sm text-slate-700">
            {t("meetings.pastLimited", { count: pastMeetingsLimit })}
          </p>
        ) : null}
      </section>
    </div>
  );
}
