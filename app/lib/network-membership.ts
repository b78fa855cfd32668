/**
 * The membership actions of a network's workspace header, as the form posts them; shared by the
 * layout's action (which passes them to SQL functions) and its page (which names the result).
 */
import { z } from "zod";

export const notificationLevels = ["all", "default", "mute"] as const;
export type NotificationLevel = (typeof notificationLevels)[number];

export const membershipIntents = ["join", "request", "withdraw", "leave", "notifications"] as const;
export type MembershipIntent = (typeof membershipIntents)[number];

export const membershipActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("join") }),
  z.object({
    intent: z.literal("request"),
    message: z
      .string()
      .trim()
      .max(2000, "tooLong")
      .optional()
      .transform((value) => value || null),
  }),
  z.object({ intent: z.literal("withdraw"), requestId: z.string().uuid("invalid") }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("notifications"), level: z.enum(notificationLevels) }),
]);
export type MembershipAction = z.output<typeof membershipActionSchema>;
