import { Form, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { NetworkRole } from "~/lib/network";
import type { MembershipIntent, NotificationLevel } from "~/lib/network-membership";

export interface MembershipState {
  slug: string;
  role: NetworkRole | null;
  archived: boolean;
  joinPolicy: "open" | "request" | "invitation";
  isGuest: boolean;
  pendingRequestId: string | null;
  notificationLevel: NotificationLevel;
}

function useSubmitting(intent: MembershipIntent): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

/** A form posting to the workspace layout's action, whichever tab the person is on. */
function MembershipForm(props: {
  state: MembershipState;
  intent: MembershipIntent;
  children: React.ReactNode;
  className?: string;
}) {
  // Back to the tab the person is on after the action.
  const location = useLocation();
  return (
    <Form method="post" action={`/networks/${props.state.slug}`} className={props.className}>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      {props.children}
    </Form>
  );
}

/** Join, ask to join, withdraw, leave and the notification level, as the join policy allows. */
export function MembershipControls({ state }: { state: MembershipState }) {
  const { t } = useTranslation();
  const joining = useSubmitting("join");
  const requesting = useSubmitting("request");
  const withdrawing = useSubmitting("withdraw");
  const leaving = useSubmitting("leave");
  const saving = useSubmitting("notifications");

  if (state.role) {
    return (
      <div className="flex flex-wrap items-end gap-4">
        <MembershipForm state={state} intent="notifications" className="flex items-end gap-2">
          <div className="space-y-1">
            <label htmlFor="notification-level" className="block text-sm font-medium">
              {t("networks.membership.notificationLevel")}
            </label>
            <select
              id="notification-level"
              name="level"
              defaultValue={state.notificationLevel}
              className={`${inputClass} py-1.5`}
            >
              <option value="all">{t("networks.membership.levels.all")}</option>
              <option value="default">{t("networks.membership.levels.default")}</option>
              <option value="mute">{t("networks.membership.levels.mute")}</option>
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")} disabled={saving}>
            {saving ? t("networks.membership.saving") : t("networks.membership.saveLevel")}
          </button>
        </MembershipForm>
        <details className="group">
          <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>
            {t("networks.membership.leave")}
          </summary>
          <div className="mt-2 max-w-md space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3">
            <p>{t("networks.membership.leaveConfirmText")}</p>
            <MembershipForm state={state} intent="leave">
              <button type="submit" className={buttonClass("primary")} disabled={leaving}>
                {leaving ? t("networks.membership.leaving") : t("networks.membership.leaveConfirm")}
              </button>
            </MembershipForm>
          </div>
        </details>
      </div>
    );
  }

  if (state.archived) return <p className="text-slate-800">{t("networks.membership.archived")}</p>;
  if (state.isGuest) return <p className="text-slate-800">{t("networks.membership.guest")}</p>;
  if (state.joinPolicy === "invitation") {
    return <p className="text-slate-800">{t("networks.membership.invitationOnly")}</p>;
  }
  if (state.joinPolicy === "open") {
    return (
      <MembershipForm state={state} intent="join">
        <button type="submit" className={buttonClass("primary")} disabled={joining}>
          {joining ? t("networks.membership.joining") : t("networks.membership.join")}
        </button>
      </MembershipForm>
    );
  }
  if (state.pendingRequestId) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-medium">{t("networks.membership.requestSent")}</p>
        <MembershipForm state={state} intent="withdraw">
          <input type="hidden" name="requestId" value={state.pendingRequestId} />
          <button type="submit" className={buttonClass("secondary")} disabled={withdrawing}>
            {withdrawing ? t("networks.membership.withdrawing") : t("networks.membership.withdraw")}
          </button>
        </MembershipForm>
      </div>
    );
  }
  return (
    <details>
      <summary className={`${buttonClass("primary")} cursor-pointer list-none`}>
        {t("networks.membership.request")}
      </summary>
      <MembershipForm state={state} intent="request" className="mt-2 max-w-lg space-y-2">
        <div className="space-y-1">
          <label htmlFor="join-message" className="block font-medium">
            {t("networks.membership.requestMessage")}
          </label>
          <p id="join-message-hint" className="text-sm text-slate-700">
            {t("networks.membership.requestMessageHint")}
          </p>
          <textarea
            id="join-message"
            name="message"
            rows={3}
            maxLength={2000}
            aria-describedby="join-message-hint"
            className={inputClass}
          />
        </div>
        <button type="submit" className={buttonClass("primary")} disabled={requesting}>
          {requesting ? t("networks.membership.requesting") : t("networks.membership.sendRequest")}
        </button>
      </MembershipForm>
    </details>
  );
}
