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
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { MeetingCancelledBadge } from "~/components/meetings/meeting-facts";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { buttonClass } from "~/components/ui/button";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  type MeetingField,
  type MeetingFieldErrors,
  type MeetingFormValues,
  meetingFields,
  parseMeetingDetails,
  postedMeetingValues,
  utcToHelsinkiLocal,
} from "~/lib/meeting-form";
import { cancelMeeting, getMeeting, updateMeeting } from "~/lib/meetings.server";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import { richTextFromForm, sanitizeRichText } from "~/lib/rich-text.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const meeting = await getMeeting(client, network.id, params.meetingId ?? "");
  if (!meeting) throw data({ notFound: true }, { status: 404, headers });
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const values: MeetingFormValues = {
    title: meeting.title,
    startsAt: utcToHelsinkiLocal(meeting.starts_at),
    endsAt: utcToHelsinkiLocal(meeting.ends_at),
    location: meeting.location ?? "",
    videoUrl: meeting.video_url ?? "",
    capacity: meeting.capacity === null ? "" : String(meeting.capacity),
    registrationOpen: meeting.registration_open,
    agendaHtml: sanitizeRichText(meeting.agenda_html),
    minutesHtml: sanitizeRichText(meeting.minutes_html),
  };
  return data(
    {
      title: pageTitle(
        `${t("meetings.editTitle")}: ${meeting.title} – ${networkName(network, locale)}`,
      ),
      slug: network.slug,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      cancelled: meeting.cancelled_at !== null,
      updatedAt: meeting.updated_at,
      values,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  values: MeetingFormValues | null;
  fieldErrors: MeetingFieldErrors;
  formError: DbErrorKey | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const meeting = await getMeeting(client, network.id, params.meetingId ?? "");
  if (!meeting) throw data({ notFound: true }, { status: 404, headers });
  const form = await request.formData();
  const meetingPage = `/networks/${network.slug}/meetings/${meeting.id}`;

  if (form.get("intent") === "cancelMeeting") {
    const error = await cancelMeeting(client, meeting.id);
    if (!error) throw redirect(`${meetingPage}?done=cancelled`, { headers });
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Cancelling a meeting failed", error);
    return data<ActionData>(
      { values: null, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }

  const posted = postedMeetingValues(form);
  const values = {
    ...posted,
    agendaHtml: sanitizeRichText(posted.agendaHtml),
    minutesHtml: sanitizeRichText(posted.minutesHtml),
  };
  const details = parseMeetingDetails(formValues(form));
  const agenda = richTextFromForm(form, "agenda", { maxTextLength: 20000, required: false });
  const minutes = richTextFromForm(form, "minutes", { maxTextLength: 40000, required: false });
  const fieldErrors: MeetingFieldErrors = details.success ? {} : details.fieldErrors;
  if (!agenda.success) fieldErrors.agenda = agenda.error;
  if (!minutes.success) fieldErrors.minutes = minutes.error;
  if (!details.success || !agenda.success || !minutes.success) {
    return data<ActionData>({ values, fieldErrors, formError: null }, { status: 400, headers });
  }
  const error = await updateMeeting(client, meeting.id, details.data, agenda, minutes);
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("Saving a meeting failed", error);
    return data<ActionData>(
      { values, fieldErrors: {}, formError },
      { status: statusForDbError[formError], headers },
    );
  }
  throw redirect(`${meetingPage}?done=saved`, { headers });
}

export default function EditMeeting() {
  const { slug, meetingId, meetingTitle, cancelled, updatedAt, values } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const confirmCancel = searchParams.get("confirmCancel") === "1" && !cancelled;
  const meetingPage = `/networks/${slug}/meetings/${meetingId}`;

  useEffect(() => {
    if (confirmCancel) confirmRef.current?.focus();
  }, [confirmCancel]);

  const fieldErrors = actionData?.fieldErrors ?? {};
  const errors: Partial<Record<MeetingField, string>> = {};
  for (const field of meetingFields) {
    const key = fieldErrors[field];
    if (key) errors[field] = t(`meetings.errors.${key}`);
  }
  const problems = meetingFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });

  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-2xl font-semibold">
          {t("meetings.editTitle")}: {meetingTitle}
        </h2>
        {cancelled ? <MeetingCancelledBadge /> : null}
      </div>
      <p>
        <Link to={meetingPage} className="text-blue-800 underline underline-offset-2">
          {t("meetings.backToMeeting")}
        </Link>
      </p>
      <ErrorSummary
        title={t("meetings.errorSummary")}
        formError={
          actionData?.formError
            ? { id: "meeting-form-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
        problems={problems}
      />

      {confirmCancel ? (
        <section
          aria-labelledby="confirm-cancel-heading"
          className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
        >
          <h3
            id="confirm-cancel-heading"
            ref={confirmRef}
            tabIndex={-1}
            className="text-xl font-semibold"
          >
            {t("meetings.confirmCancelTitle", { title: meetingTitle })}
          </h3>
          <p>{t("meetings.confirmCancelText")}</p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="cancelMeeting"
                className={buttonClass("primary")}
                disabled={navigation.state !== "idle"}
              >
                {t("meetings.confirmCancelSubmit")}
              </button>
            </Form>
            <Link to="." className={buttonClass("secondary")}>
              {t("meetings.keepMeeting")}
            </Link>
          </div>
        </section>
      ) : null}

      <MeetingForm
        values={actionData?.values ?? values}
        errors={errors}
        mode="edit"
        draftKey={`meeting:${meetingId}`}
        editorKey={updatedAt}
      />

      {!cancelled && !confirmCancel ? (
        <section aria-labelledby="cancel-meeting-heading" className="space-y-2">
          <h3 id="cancel-meeting-heading" className="text-xl font-semibold">
            {t("meetings.cancelMeeting")}
          </h3>
          <p>{t("meetings.cancelMeetingHint")}</p>
          <Link to="?confirmCancel=1" className={buttonClass("secondary")}>
            {t("meetings.cancelMeeting")}
          </Link>
        </section>
      ) : null}
    </div>
  );
}
