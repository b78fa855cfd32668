import type { TFunction } from "i18next";
import type { Refusal } from "~/lib/network-members.server";

/** The words for a refusal of the database, shared by the members, settings and invitations pages. */
export function refusalText(t: TFunction, refusal: Refusal): string {
  return refusal.kind === "network"
    ? t(`networks.members.refusals.${refusal.key}`)
    : t(`dbErrors.${refusal.key}`);
}

/** A person's name with their title, organisation and "guest" mark, as every list shows them. */
export function MemberIdentity(props: {
  name: string;
  title: string | null;
  organisation: string | null;
  isGuest: boolean;
  guestLabel: string;
}) {
  return (
    <>
      <span className="font-medium">{props.name}</span>
      {props.isGuest ? (
        <span className="ml-2 inline-block rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
          {props.guestLabel}
        </span>
      ) : null}
      {props.title || props.organisation ? (
        <span className="block text-sm font-normal text-slate-700">
          {[props.title, props.organisation].filter(Boolean).join(", ")}
        </span>
      ) : null}
    </>
  );
}
