/** The members tab's actions, shared by the server (which parses them) and the page (notices). */
export const memberIntents = [
  "approveRequest",
  "rejectRequest",
  "inviteEmail",
  "inviteUser",
  "revokeInvitation",
  "setRole",
  "remove",
] as const;
export type MemberIntent = (typeof memberIntents)[number];

export function isMemberIntent(value: unknown): value is MemberIntent {
  return (memberIntents as readonly unknown[]).includes(value);
}
