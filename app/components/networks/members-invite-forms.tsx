import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { FieldErrors } from "~/lib/form-errors";
import { type NetworkRole, networkRoles } from "~/lib/network";
import type { InviteCandidate, Refusal } from "~/lib/network-members.server";
import { useSubmitting } from "./members-action-button";
import { MemberIdentity, refusalText } from "./members-refusal";

const selectClass = "rounded-md border border-slate-500 bg-white px-2 py-2";

function RoleSelect(props: { id: string; label: string; defaultValue?: string; srOnly?: boolean }) {
  const { t } = useTranslation();
  const initial = (networkRoles as readonly string[]).includes(props.defaultValue ?? "")
    ? (props.defaultValue as NetworkRole)
    : "member";
  return (
    <div className="space-y-1">
      <label htmlFor={props.id} className={props.srOnly ? "sr-only" : "block font-medium"}>
        {props.label}
      </label>
      <select id={props.id} name="role" defaultValue={initial} className={selectClass}>
        {networkRoles.map((role) => (
          <option key={role} value={role}>
            {t(`networks.members.roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Inviting people, two ways: by e-mail address (also someone who has no account yet) or by
 * searching people by name. The search is a plain GET form, so it works without JavaScript.
 */
export function MembersInviteForms(props: {
  find: string;
  searchResults: InviteCandidate[];
  searchRefusal: Refusal | null;
  actionData: {
    intent: string | null;
    fieldErrors: FieldErrors;
    values: Record<string, string>;
  } | null;
}) {
  const { t } = useTranslation();
  const emailPosted = props.actionData?.intent === "inviteEmail" ? props.actionData : null;
  const fieldError = (field: string) => {
    const key = emailPosted?.fieldErrors[field];
    return key ? t(`forms.errors.${key}`) : null;
  };
  const sendingEmail = useSubmitting("inviteEmail");
  const messageError = fieldError("message");
  return (
    <section aria-labelledby="invite-heading" className="space-y-6">
      <h3 id="invite-heading" className="text-xl font-semibold">
        {t("networks.members.inviteTitle")}
      </h3>

      <Form
        method="post"
        noValidate
        aria-labelledby="invite-email-heading"
        className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h4 id="invite-email-heading" className="text-lg font-semibold">
          {t("networks.members.inviteByEmail")}
        </h4>
        <TextField
          id="invite-email"
          name="email"
          type="email"
          autoComplete="off"
          label={t("networks.members.emailLabel")}
          hint={t("networks.members.emailHint")}
          error={fieldError("email")}
          defaultValue={emailPosted?.values.email ?? ""}
          required
        />
        <RoleSelect
          id="invite-role"
          label={t("networks.members.role")}
          defaultValue={emailPosted?.values.role}
        />
        <div className="space-y-1">
          <label htmlFor="invite-message" className="block font-medium">
            {t("networks.members.messageLabel")}
          </label>
          <textarea
            id="invite-message"
            name="message"
            rows={3}
            maxLength={2000}
            defaultValue={emailPosted?.values.message ?? ""}
            aria-invalid={messageError ? true : undefined}
            aria-describedby={messageError ? "invite-message-error" : undefined}
            className={inputClass}
          />
          {messageError ? (
            <p id="invite-message-error" className="text-sm font-medium text-red-800">
              {messageError}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          name="intent"
          value="inviteEmail"
          disabled={sendingEmail}
          className={buttonClass("primary")}
        >
          {sendingEmail ? t("networks.members.inviting") : t("networks.members.invite")}
        </button>
      </Form>

      <div className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h4 id="invite-search-heading" className="text-lg font-semibold">
          {t("networks.members.inviteBySearch")}
        </h4>
        <Form
          method="get"
          role="search"
          aria-labelledby="invite-search-heading"
          className="flex flex-wrap items-end gap-3"
        >
          <div className="space-y-1">
            <label htmlFor="invite-find" className="block font-medium">
              {t("networks.members.searchLabel")}
            </label>
            <p id="invite-find-hint" className="text-sm text-slate-700">
              {t("networks.members.searchHint")}
            </p>
            <input
              id="invite-find"
              name="find"
              type="search"
              autoComplete="off"
              defaultValue={props.find}
              aria-describedby="invite-find-hint"
              className={inputClass}
            />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("networks.members.search")}
          </button>
        </Form>
        <SearchResults
          find={props.find}
          people={props.searchResults}
          refusal={props.searchRefusal}
        />
      </div>
    </section>
  );
}

function SearchResults(props: {
  find: string;
  people: InviteCandidate[];
  refusal: Refusal | null;
}) {
  const { t } = useTranslation();
  if (props.refusal) {
    return <p className="font-medium text-red-800">{refusalText(t, props.refusal)}</p>;
  }
  if (props.find.trim().length === 0) return null;
  if (props.find.trim().length < 2) {
    return <p role="status">{t("networks.members.searchTooShort")}</p>;
  }
  return (
    <div className="space-y-2">
      <p role="status">{t("networks.members.searchCount", { count: props.people.length })}</p>
      {props.people.length > 0 ? (
        <ul
          aria-label={t("networks.members.searchResults")}
          className="divide-y divide-slate-200 rounded-md border border-slate-200"
        >
          {props.people.map((candidate) => (
            <SearchResult key={candidate.userId} candidate={candidate} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SearchResult(props: { candidate: InviteCandidate }) {
  const { t } = useTranslation();
  const { candidate } = props;
  const submitting = useSubmitting("inviteUser", ["userId", candidate.userId]);
  return (
    <li className="flex flex-wrap items-end gap-3 p-3">
      <p className="mr-auto min-w-0">
        <MemberIdentity
          name={candidate.name}
          title={candidate.title}
          organisation={candidate.organisation}
          isGuest={candidate.isGuest}
          guestLabel={t("networks.members.guest")}
        />
      </p>
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={candidate.userId} />
        <RoleSelect
          id={`invite-role-${candidate.userId}`}
          label={t("networks.members.roleFor", { name: candidate.name })}
          srOnly
        />
        <button
          type="submit"
          name="intent"
          value="inviteUser"
          disabled={submitting}
          aria-label={`${t("networks.members.invite")}: ${candidate.name}`}
          className={buttonClass("secondary")}
        >
          {t("networks.members.invite")}
        </button>
      </Form>
    </li>
  );
}
