/** The organisation admin console's actions and audit entries, shared by server and page. */
import { z } from "zod";

export const memberActions = [
  "approve",
  "reject",
  "deactivate",
  "reactivate",
  "makeAdmin",
  "makeMember",
  "resetMfa",
] as const;
export type MemberAction = (typeof memberActions)[number];

export const memberActionSchema = z.object({
  intent: z.enum(memberActions, { message: "invalid" }),
  userId: z.string({ required_error: "invalid" }).uuid("invalid"),
  organisationId: z.string({ required_error: "invalid" }).uuid("invalid"),
});

/** Audit actions the console names in words; others show as recorded. */
export const knownAuditActions = [
  "membership.requested",
  "membership.approved",
  "membership.rejected",
  "membership.deactivated",
  "membership.reactivated",
  "membership.role_changed",
  "mfa.reset",
  "mfa.recovery_codes_generated",
  "mfa.recovery_code_used",
  "mfa.recovery_code_failed",
] as const;
export type KnownAuditAction = (typeof knownAuditActions)[number];

export function isKnownAuditAction(value: string): value is KnownAuditAction {
  return (knownAuditActions as readonly string[]).includes(value);
}

export const auditPageSize = 20;

/** `?page=` as a page index from 0; anything else is the first page. */
export function pageIndex(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 0;
}
