import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/editorial/status-badge";
import { buttonClass } from "~/components/ui/button";
import type { SparringPerson } from "~/lib/sparring-admin.server";

function PersonText(props: { person: SparringPerson; id: string }) {
  const { t } = useTranslation();
  return (
    <span id={props.id} className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{props.person.name}</span>
      {props.person.organisation ? (
        <span className="text-sm text-slate-700">{props.person.organisation}</span>
      ) : null}
      <span className="text-sm text-slate-700">
        ({t(`sparringAdmin.settings.roles.${props.person.role}`)})
      </span>
      {props.person.isLawyer ? (
        <StatusBadge tone="info">{t("sparringAdmin.settings.lawyerBadge")}</StatusBadge>
      ) : null}
    </span>
  );
}

/** The network's lawyers, for members who may not change them. */
export function LawyerList(props: { lawyers: SparringPerson[] }) {
  const { t } = useTranslation();
  if (props.lawyers.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-400 p-4">
        {t("sparringAdmin.settings.noLawyers")}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200">
      {props.lawyers.map((lawyer) => (
        <li key={lawyer.userId} className="py-2">
          <PersonText person={lawyer} id={`lawyer-${lawyer.userId}`} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The coordinators' list: every coordinator and member with a button to name them a lawyer or to
 * take the role away. Each button names the person it is about through aria-describedby.
 */
export function LawyerChoices(props: { people: SparringPerson[] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pendingFor =
    navigation.state !== "idle" && navigation.formData?.get("intent") === "lawyer"
      ? navigation.formData.get("user_id")
      : null;
  if (props.people.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-400 p-4">
        {t("sparringAdmin.settings.noCandidates")}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200">
      {props.people.map((person) => {
        const textId = `lawyer-choice-${person.userId}`;
        const pending = pendingFor === person.userId;
        return (
          <li
            key={person.userId}
            className="flex flex-wrap items-center justify-between gap-3 py-3"
          >
            <PersonText person={person} id={textId} />
            <Form method="post">
              <input type="hidden" name="intent" value="lawyer" />
              <input type="hidden" name="user_id" value={person.userId} />
              <input type="hidden" name="lawyer" value={person.isLawyer ? "false" : "true"} />
              <button
                type="submit"
                className={buttonClass("secondary")}
                aria-describedby={textId}
                disabled={pending}
              >
                {pending
                  ? t("sparringAdmin.settings.saving")
                  : person.isLawyer
                    ? t("sparringAdmin.settings.removeLawyer")
                    : t("sparringAdmin.settings.nameLawyer")}
              </button>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}
