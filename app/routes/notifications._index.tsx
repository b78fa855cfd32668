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
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { DailyDigestForm } from "~/components/notifications/daily-digest-form";
import { NotificationList } from "~/components/notifications/notification-list";
import { buttonClass } from "~/components/ui/button";
import { requireActiveUser } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { notificationMessage } from "~/lib/notification-text";
import {
  dailyDigestEnabled,
  markNotificationsRead,
  notificationPage,
  setDailyDigest,
} from "~/lib/notifications.server";
import { formatCursor, notificationActionSchema, parseCursor } from "~/lib/notifications-page";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const supabase = getSupabase(request, context);
  const before = parseCursor(new URL(request.url).searchParams.get("before"));
  const locale = await getLocale(request);
  const [t, page, dailyDigest] = await Promise.all([
    i18nServer.getFixedT(locale),
    notificationPage(supabase, before),
    dailyDigestEnabled(supabase, user.id),
  ]);
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  });
  const oldest = page.notifications.at(-1);
  return data(
    {
      title: pageTitle(t("notifications.title")),
      notifications: page.notifications.map((notification) => ({
        id: notification.id,
        text: notificationMessage(t, locale, notification),
        excerpt: notification.data.excerpt ?? null,
        href: `/notifications/${notification.id}/open`,
        read: notification.read,
        at: format.format(new Date(notification.createdAt)),
        atIso: notification.createdAt,
      })),
      olderCursor:
        page.hasOlder && oldest
          ? formatCursor({ createdAt: oldest.createdAt, id: oldest.id })
          : null,
      firstPage: before === null,
      dailyDigest,
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  formError: DbErrorKey;
}

function isDatabaseError(error: unknown): error is { code: string } {
  return (
    typeof error === "object" && error !== null && typeof Reflect.get(error, "code") === "string"
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireActiveUser(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(notificationActionSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<ActionData>(
      { formError: "invalidValue" },
      { status: 400, headers: supabase.headers },
    );
  }
  const input = parsed.data;
  try {
    if (input.intent === "markAllRead") await markNotificationsRead(supabase, null);
    else await setDailyDigest(supabase, input.dailyDigest);
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("A notification action failed", error);
    return data<ActionData>(
      { formError },
      { status: statusForDbError[formError], headers: supabase.headers },
    );
  }
  throw redirect(`/notifications?done=${input.intent}`, { headers: supabase.headers });
}

export default function Notifications() {
  const { notifications, olderCursor, firstPage, dailyDigest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const busy = navigation.state === "submitting";

  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("notifications.title")}</h1>
        <p className="text-slate-800">{t("notifications.intro")}</p>
      </div>

      <ErrorSummary
        title={t("notifications.actionFailed")}
        formError={
          actionData?.formError
            ? { id: "notifications-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
      />
      {done === "markAllRead" ? (
        <Notice tone="success">{t("notifications.allMarkedRead")}</Notice>
      ) : null}
      {done === "saveDigest" ? (
        <Notice tone="success">{t("notifications.digestSaved")}</Notice>
      ) : null}

      {notifications.length === 0 ? (
        <div className="space-y-1 rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-medium">{t("notifications.empty")}</p>
          <p className="text-slate-700">{t("notifications.emptyHint")}</p>
        </div>
      ) : (
        <div className="space-y-4">
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="markAllRead"
              className={buttonClass("secondary")}
              disabled={busy}
            >
              {t("notifications.markAllRead")}
            </button>
          </Form>
          <NotificationList items={notifications} />
        </div>
      )}

      {olderCursor || !firstPage ? (
        <nav aria-label={t("notifications.pages")} className="flex flex-wrap gap-4">
          {firstPage ? null : (
            <Link to="/notifications" className="text-blue-800 underline underline-offset-4">
              {t("notifications.newest")}
            </Link>
          )}
          {olderCursor ? (
            <Link
              to={`/notifications?${new URLSearchParams({ before: olderCursor })}`}
              className="text-blue-800 underline underline-offset-4"
            >
              {t("notifications.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <DailyDigestForm enabled={dailyDigest} busy={busy} />
    </div>
  );
}
