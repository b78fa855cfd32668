/**
 * What the sparring settings page accepts: the response target, and naming or removing a lawyer.
 * set_sparring_target() and set_sparring_lawyer() decide again (and only the network's
 * coordinators may); the schema gives people their mistakes back in words.
 */
import { z } from "zod";
import { isUuid } from "./uuid";

/** The first answer is due within this many working days; sparring_settings checks the same. */
export const targetRange = { min: 1, max: 60 } as const;

export const sparringSettingsIntents = ["target", "lawyer"] as const;
export type SparringSettingsIntent = (typeof sparringSettingsIntents)[number];

export function isSparringSettingsIntent(value: unknown): value is SparringSettingsIntent {
  return (sparringSettingsIntents as readonly unknown[]).includes(value);
}

export const sparringSettingsSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("target"),
    working_days: z
      .string({ required_error: "required" })
      .trim()
      .min(1, "required")
      .regex(/^\d{1,3}$/, "invalid")
      .transform(Number)
      .pipe(z.number().int().min(targetRange.min, "invalid").max(targetRange.max, "invalid")),
  }),
  z.object({
    intent: z.literal("lawyer"),
    user_id: z.string({ required_error: "invalid" }).refine(isUuid, "invalid"),
    lawyer: z
      .enum(["true", "false"], { message: "invalid" })
      .transform((value) => value === "true"),
  }),
]);
export type SparringSettingsAction = z.output<typeof sparringSettingsSchema>;
