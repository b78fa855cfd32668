import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { MeetingCancelledBadge, MeetingFacts } from "~/components/meetings/meeting-facts";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import { clearRichTextDraft } from "~/components/rich-text/rich-text-draft";
import { buttonClass } from "~/components/ui/button";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { createMinutesDocument } from "~/lib/documents.server";
import { getLocale } from "~/lib/i18n.server";
import {
  cancelMeetingRegistration,
  getMeeting,
  meetingFacts,
  meetingRegistrations,
  registerForMeeting,
} from "~/lib/meetings.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import { sanitizeRichText } from "~/lib/rich-text.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, isCoordinator, canWrite } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const meeting = await getMeeting(client, network.id, params.meetingId ?? "");
  if (!meeting) throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const registrations = await meetingRegistrations(client, meeting.id);
  const mine = registrations.find((registration) => registration.userId === user.id);
  const ended = new Date(meeting.ends_at).getTime() < Date.now();
  return data(
    {
      title: pageTitle(`${meeting.title} – ${networkName(network, locale)}`),
      slug: network.slug,
      networkId: network.id,
      meeting: meetingFacts(meeting, mine?.status ?? null, locale),
      agendaHtml: sanitizeRichText(meeting.agenda_html),
      minutesHtml: sanitizeRichText(meeting.minutes_html),
      minutesDocumentId: meeting.minutes_document_id,
      registered: registrations.filter((each) => each.status === "registered"),
      waitlisted: registrations.filter((each) => each.status === "waitlisted"),
      // Which controls to show; the database decides whether each action is allowed.
      canRegister: canWrite && meeting.registration_open && meeting.cancelled_at === null && !ended,
      canEdit: isCoordinator && canWrite,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type RegistrationErrorKey = "registrationClosed" | "registerForbidden" | "notRegistered";

interface ActionData {
  formError: { meetings: RegistrationErrorKey } | { db: DbErrorKey };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const meetingId = params.meetingId ?? "";
  const meeting = await getMeeting(client, network.id, meetingId);
  if (!meeting) throw data({ notFound: true }, { status: 404, headers });
  const intent = (await request.formData()).get("intent");
  const base = `/networks/${network.slug}/meetings/${meeting.id}`;
  if (intent === "register") {
    const result = await registerForMeeting(client, meeting.id);
    if ("status" in result) throw redirect(`${base}?done=${result.status}`, { headers });
    return refusal(result.error, headers);
  }
  if (intent === "cancelRegistration") {
    const error = await cancelMeetingRegistration(client, meeting.id);
    if (!error) throw redirect(`${base}?done=registrationCancelled`, { headers });
    return refusal(error, headers);
  }
  if (intent === "createMinutesDocument") {
    // create_minutes_document decides (coordinators of an open network) and returns the same
    // document on a second click.
    const created = await createMinutesDocument(client, meeting.id);
    if ("id" in created) throw redirect(`/documents/${created.id}`, { headers });
    const key = dbErrorKey(created.error);
    if (key === "unavailable") console.error("Creating the minutes document failed", created.error);
    return data<ActionData>({ formError: { db: key } }, { status: statusForDbError[key], headers });
  }
  return data<ActionData>({ formError: { db: "invalidValue" } }, { status: 400, headers });
}

/** The database's refusal in the words of this page where it has better ones than dbErrors. */
function refusal(error: { code?: string | null; message?: string | null }, headers: Headers) {
  const meetingsKey: RegistrationErrorKey | null =
    error.code === "55000"
      ? "registrationClosed"
      : error.code === "42501"
        ? "registerForbidden"
        : error.code === "P0002" && /not registered/.test(error.message ?? "")
          ? "notRegistered"
          : null;
  if (meetingsKey) {
    return data<ActionData>(
      { formError: { meetings: meetingsKey } },
      { status: meetingsKey === "notRegistered" ? 409 : 403, headers },
    );
  }
  const key = dbErrorKey(error);
  if (key === "unavailable") console.error("A meeting registration failed", error);
  return data<ActionData>({ formError: { db: key } }, { status: statusForDbError[key], headers });
}

const doneNotices = {
  registered: "meetings.registeredNotice",
  waitlisted: "meetings.waitlistedNotice",
  registrationCancelled: "meetings.registrationCancelledNotice",
  created: "meetings.createdNotice",
  saved: "meetings.savedNotice",
  cancelled: "meetings.meetingCancelledNotice",
} as const;

function isDone(value: string | null): value is keyof typeof doneNotices {
  return value !== null && value in doneNotices;
}

export default function MeetingPage() {
  const {
    slug,
    networkId,
    meeting,
    agendaHtml,
    minutesHtml,
    minutesDocumentId,
    registered,
    waitlisted,
    canRegister,
    canEdit,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const base = `/networks/${slug}/meetings/${meeting.id}`;
  const busy = navigation.state !== "idle";

  useEffect(() => {
    // The agenda typed on the creation page (and any edits) reached the database.
    if (done === "created") clearRichTextDraft(`meeting:new:${networkId}:agenda`);
    if (done === "saved") {
      clearRichTextDraft(`meeting:${meeting.id}:agenda`);
      clearRichTextDraft(`meeting:${meeting.id}:minutes`);
    }
  }, [done, networkId, meeting.id]);

  const formError = actionData?.formError;
  const formErrorMessage = formError
    ? "meetings" in formError
      ? t(`meetings.errors.${formError.meetings}`)
      : t(`dbErrors.${formError.db}`)
    : null;
  const isIn = meeting.myStatus === "registered" || meeting.myStatus === "waitlisted";

  return (
    <div className="space-y-6">
      <p>
        <Link
          to={`/networks/${slug}/meetings`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("meetings.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-2xl font-semibold">{meeting.title}</h2>
        {meeting.cancelled ? <MeetingCancelledBadge /> : null}
      </div>

      <ErrorSummary
        title={t("meetings.actionFailed")}
        formError={formErrorMessage ? { id: "meeting-error", message: formErrorMessage } : null}
      />
      {isDone(done) ? (
        <Notice tone={done === "waitlisted" ? "warning" : "success"}>{t(doneNotices[done])}</Notice>
      ) : null}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <MeetingFacts meeting={meeting} showVideoLink />
        <div className="flex flex-wrap gap-3">
          {canRegister && !isIn ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="register"
                className={buttonClass("primary")}
                disabled={busy}
              >
                {t("meetings.register")}
              </button>
            </Form>
          ) : null}
          {isIn && !meeting.cancelled ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="cancelRegistration"
                className={buttonClass("secondary")}
                disabled={busy}
              >
                {t("meetings.cancelRegistration")}
              </button>
            </Form>
          ) : null}
          <a href={`${base}.ics`} download className={buttonClass("secondary")}>
            {t("meetings.downloadIcs")}
          </a>
          {canEdit ? (
            <Link to={`${base}/edit`} className={buttonClass("secondary")}>
              {t("meetings.edit")}
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="agenda-heading" className="space-y-2">
        <h3 id="agenda-heading" className="text-xl font-semibold">
          {t("meetings.agenda")}
        </h3>
        {agendaHtml ? <RichTextContent html={agendaHtml} /> : <p>{t("meetings.noAgenda")}</p>}
      </section>

      <section aria-labelledby="minutes-heading" className="space-y-2">
        <h3 id="minutes-heading" className="text-xl font-semibold">
          {t("meetings.minutes")}
        </h3>
        {minutesDocumentId ? (
          <p>
            <Link to={`/documents/${minutesDocumentId}`} className={buttonClass("secondary")}>
              {t("documents.minutes.open")}
            </Link>
          </p>
        ) : canEdit ? (
          <Form method="post" className="space-y-2">
            <p className="text-sm text-slate-700">{t("documents.minutes.hint")}</p>
            <button
              type="submit"
              name="intent"
              value="createMinutesDocument"
              className={buttonClass("secondary")}
              disabled={busy}
            >
              {busy && navigation.formData?.get("intent") === "createMinutesDocument"
                ? t("documents.minutes.creating")
                : t("documents.minutes.create")}
            </button>
          </Form>
        ) : null}
        {minutesHtml ? <RichTextContent html={minutesHtml} /> : <p>{t("meetings.noMinutes")}</p>}
      </section>

      <section aria-labelledby="registrations-heading" className="space-y-2">
        <h3 id="registrations-heading" className="text-xl font-semibold">
          {t("meetings.registrationsTitle")} ({registered.length})
        </h3>
        {registered.length === 0 ? (
          <p>{t("meetings.noRegistrations")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {registered.map((person) => (
              <li key={person.userId}>{person.name}</li>
            ))}
          </ul>
        )}
        {waitlisted.length > 0 ? (
          <>
            <h4 className="text-lg font-semibold">
              {t("meetings.waitlistTitle")} ({waitlisted.length})
            </h4>
            <ol className="list-decimal pl-6">
              {waitlisted.map((person) => (
                <li key={person.userId}>{person.name}</li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </div>
  );
}
