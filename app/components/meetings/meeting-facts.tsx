import { useTranslation } from "react-i18next";
import type { MeetingFactsData } from "~/lib/meeting-form";

/** "Kokous on peruttu" with a symbol, so it is not told by colour alone. */
export function MeetingCancelledBadge() {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-800 bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900">
      <span aria-hidden="true">✕</span>
      {t("meetings.meetingCancelled")}
    </span>
  );
}

/** Time, place, video link, places taken, waiting list and the reader's own registration. */
export function MeetingFacts(props: { meeting: MeetingFactsData; showVideoLink?: boolean }) {
  const { t } = useTranslation();
  const { meeting } = props;
  const capacityText =
    meeting.capacity === null
      ? t("meetings.registeredCount", { registered: meeting.registered })
      : t("meetings.capacityCount", { registered: meeting.registered, capacity: meeting.capacity });
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
      <dt className="font-medium">{t("meetings.when")}</dt>
      <dd>
        <time dateTime={meeting.startsAt}>{meeting.when}</time>
      </dd>
      {meeting.location ? (
        <>
          <dt className="font-medium">{t("meetings.place")}</dt>
          <dd>{meeting.location}</dd>
        </>
      ) : null}
      {meeting.videoUrl ? (
        <>
          <dt className="font-medium">{t("meetings.video")}</dt>
          <dd>
            {props.showVideoLink ? (
              <a
                href={meeting.videoUrl}
                rel="noopener noreferrer"
                target="_blank"
                className="break-all text-blue-800 underline underline-offset-2"
              >
                {t("meetings.openVideo")}
              </a>
            ) : (
              <span className="break-all">{meeting.videoUrl}</span>
            )}
          </dd>
        </>
      ) : null}
      <dt className="font-medium">{t("meetings.registrationsTitle")}</dt>
      <dd>
        {capacityText}
        {meeting.waitlisted > 0 ? (
          <> · {t("meetings.waitlistCount", { count: meeting.waitlisted })}</>
        ) : null}
        {!meeting.registrationOpen && !meeting.cancelled ? (
          <> · {t("meetings.registrationClosed")}</>
        ) : null}
      </dd>
      <dt className="font-medium">{t("meetings.yourStatus")}</dt>
      <dd>
        {meeting.myStatus === "registered" ? <span aria-hidden="true">✓ </span> : null}
        {t(`meetings.statuses.${meeting.myStatus ?? "none"}`)}
      </dd>
    </dl>
  );
}
