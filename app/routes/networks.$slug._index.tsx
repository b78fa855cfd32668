import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OverviewSection } from "~/components/networks/overview-section";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { formatMeetingTime } from "~/lib/meeting-form";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { networkOverview } from "~/lib/network-overview.server";
import { pageTitle } from "~/lib/page-title";
import { isOverdue } from "~/lib/task-form";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, role } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const locale = await getLocale(request);
  const [t, overview] = await Promise.all([
    i18nServer.getFixedT(locale),
    networkOverview(client, { networkId: network.id, userId: user.id, isMember: role !== null }),
  ]);
  const intlLocale = locale === "en" ? "en-GB" : locale;
  const dateTime = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  });
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeZone: "UTC" });
  const joined = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  });
  const since = overview.previousVisit;
  return data(
    {
      title: pageTitle(`${t("networks.overview.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      previousVisit: since ? dateTime.format(new Date(since)) : null,
      isMember: role !== null,
      news: overview.news,
      threads: overview.threads.map((thread) => ({
        id: thread.id,
        title: thread.title,
        isQuestion: thread.kind === "question",
        answered: thread.answer_reply_id !== null,
        replies: thread.reply_count,
        author: thread.author?.display_name ?? null,
        lastActivity: dateTime.format(new Date(thread.last_activity_at)),
        lastActivityIso: thread.last_activity_at,
        isNew: since !== null && thread.created_at > since,
        hasNewReplies:
          since !== null && thread.created_at <= since && thread.last_activity_at > since,
      })),
      meetings: overview.meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title,
        when: formatMeetingTime(meeting.starts_at, meeting.ends_at, locale),
        startsAtIso: meeting.starts_at,
        place: meeting.location,
        online: meeting.video_url !== null,
        cancelled: meeting.cancelled_at !== null,
        capacity: meeting.capacity,
        registered: meeting.registered_count,
        myRegistration: meeting.myRegistration,
      })),
      tasks: overview.tasks.map((task) => ({
        id: task.id,
        title: task.title,
        status: task.status,
        due: task.due_date ? date.format(new Date(`${task.due_date}T00:00:00Z`)) : null,
        dueIso: task.due_date,
        overdue: isOverdue(task),
        mine: task.owner_id === user.id,
        owner: task.owner?.display_name ?? null,
      })),
      openTaskCount: overview.openTaskCount,
      members: overview.members.map((member) => ({
        id: member.user_id,
        name: member.profile?.display_name ?? "",
        role: member.role,
        joined: joined.format(new Date(member.joined_at)),
        joinedIso: member.joined_at,
      })),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const linkClass = "font-medium text-blue-800 underline underline-offset-4 hover:text-blue-950";
const markClass =
  "ml-2 inline-block rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap";

export default function NetworkOverview() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/networks/${loaded.slug}`;
  const news = loaded.news;

  return (
    <div className="space-y-8">
      <h2 className="sr-only">{t("networks.overview.title")}</h2>
      <section aria-labelledby="whats-new-heading" className="space-y-2">
        <h3 id="whats-new-heading" className="text-xl font-semibold">
          {t("networks.overview.whatsNew")}
        </h3>
        {!loaded.isMember ? (
          <p className="text-slate-800">{t("networks.overview.notMember")}</p>
        ) : loaded.previousVisit === null ? (
          <p className="text-slate-800">{t("networks.overview.firstVisit")}</p>
        ) : news && news.threads + news.replies + news.meetings + news.members > 0 ? (
          <>
            <p className="text-slate-800">
              {t("networks.overview.sinceVisit", { when: loaded.previousVisit })}
            </p>
            <ul className="flex flex-wrap gap-3">
              {(["threads", "replies", "meetings", "members"] as const).map((kind) => (
                <li
                  key={kind}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
                >
                  {t(`networks.overview.newCounts.${kind}`, { count: news[kind] })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-slate-800">
            {t("networks.overview.nothingNew", { when: loaded.previousVisit })}
          </p>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <OverviewSection
          id="latest-threads"
          title={t("networks.overview.threadsTitle")}
          empty={loaded.threads.length === 0 ? t("networks.overview.noThreads") : null}
          more={{ to: `${base}/discussions`, label: t("networks.overview.allThreads") }}
        >
          {loaded.threads.map((thread) => (
            <li key={thread.id} className="space-y-0.5">
              <Link to={`${base}/discussions/${thread.id}`} className={linkClass}>
                {thread.title}
              </Link>
              {thread.isNew ? (
                <span className={`${markClass} border-blue-800 bg-blue-50 text-blue-950`}>
                  {t("networks.overview.new")}
                </span>
              ) : thread.hasNewReplies ? (
                <span className={`${markClass} border-blue-800 bg-blue-50 text-blue-950`}>
                  {t("networks.overview.newReplies")}
                </span>
              ) : null}
              {thread.isQuestion ? (
                <span className={`${markClass} border-slate-600 bg-slate-100 text-slate-900`}>
                  {thread.answered
                    ? t("networks.overview.answered")
                    : t("networks.overview.question")}
                </span>
              ) : null}
              <p className="text-sm text-slate-700">
                {t("networks.overview.threadMeta", {
                  count: thread.replies,
                  author: thread.author ?? "–",
                })}{" "}
                <time dateTime={thread.lastActivityIso}>{thread.lastActivity}</time>
              </p>
            </li>
          ))}
        </OverviewSection>

        <OverviewSection
          id="upcoming-meetings"
          title={t("networks.overview.meetingsTitle")}
          empty={loaded.meetings.length === 0 ? t("networks.overview.noMeetings") : null}
          more={{ to: `${base}/meetings`, label: t("networks.overview.allMeetings") }}
        >
          {loaded.meetings.map((meeting) => (
            <li key={meeting.id} className="space-y-0.5">
              <Link to={`${base}/meetings/${meeting.id}`} className={linkClass}>
                {meeting.title}
              </Link>
              {meeting.cancelled ? (
                <span className={`${markClass} border-red-800 bg-red-50 text-red-900`}>
                  {t("networks.overview.cancelled")}
                </span>
              ) : null}
              {meeting.myRegistration ? (
                <span className={`${markClass} border-green-800 bg-green-50 text-green-950`}>
                  {t(`networks.overview.registration.${meeting.myRegistration}`)}
                </span>
              ) : null}
              <p className="text-sm text-slate-700">
                <time dateTime={meeting.startsAtIso}>{meeting.when}</time>
                {meeting.place ? ` · ${meeting.place}` : null}
                {meeting.online ? ` · ${t("networks.overview.online")}` : null}
              </p>
              <p className="text-sm text-slate-700">
                {meeting.capacity === null
                  ? t("networks.overview.registeredCount", { count: meeting.registered })
                  : t("networks.overview.registeredOfCapacity", {
                      count: meeting.registered,
                      capacity: meeting.capacity,
                    })}
              </p>
            </li>
          ))}
        </OverviewSection>

        <OverviewSection
          id="open-tasks"
          title={t("networks.overview.tasksTitle", { count: loaded.openTaskCount })}
          empty={loaded.tasks.length === 0 ? t("networks.overview.noTasks") : null}
          more={{ to: `${base}/tasks`, label: t("networks.overview.allTasks") }}
        >
          {loaded.tasks.map((task) => (
            <li key={task.id} className="space-y-0.5">
              <span className="font-medium">{task.title}</span>
              {task.mine ? (
                <span className={`${markClass} border-blue-800 bg-blue-50 text-blue-950`}>
                  {t("networks.overview.yourTask")}
                </span>
              ) : null}
              {task.overdue ? (
                <span className={`${markClass} border-red-800 bg-red-50 text-red-900`}>
                  {t("networks.overview.overdue")}
                </span>
              ) : null}
              <p className="text-sm text-slate-700">
                {t(`networks.overview.taskStatus.${task.status}`)}
                {task.owner ? ` · ${task.owner}` : ` · ${t("networks.overview.noOwner")}`}
                {task.due ? (
                  <>
                    {` · ${t("networks.overview.due")} `}
                    <time dateTime={task.dueIso ?? undefined}>{task.due}</time>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </OverviewSection>

        <OverviewSection
          id="newest-members"
          title={t("networks.overview.membersTitle")}
          empty={loaded.members.length === 0 ? t("networks.overview.noMembers") : null}
          more={{ to: `${base}/members`, label: t("networks.overview.allMembers") }}
        >
          {loaded.members.map((member) => (
            <li key={member.id}>
              <span className="font-medium">{member.name}</span>
              <span className="text-slate-700">
                {` · ${t(`networks.members.roles.${member.role}`)} · `}
                {t("networks.overview.joined")}{" "}
                <time dateTime={member.joinedIso}>{member.joined}</time>
              </span>
            </li>
          ))}
        </OverviewSection>
      </div>
    </div>
  );
}
