/**
 * What a board's settings form accepts: the quorum, the review interval and what the board is
 * responsible for. configure_editorial_board() and editorial_boards' constraints decide again
 * (and only the board's coordinators may); the schema gives people their mistakes back in words.
 */
import { z } from "zod";
import { documentKinds } from "./document";
import { isUuid } from "./uuid";

export const approvalsRange = { min: 1, max: 10 } as const;
export const intervalRange = { min: 30, max: 1095 } as const;

/** Fields that repeat in the posted form (checkboxes). */
export const boardSettingsRepeated = ["document_kinds", "network_ids"] as const;

const wholeNumber = (min: number, max: number) =>
  z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\d{1,5}$/, "invalid")
    .transform(Number)
    .pipe(z.number().int().min(min, "invalid").max(max, "invalid"));

export const boardSettingsSchema = z
  .object({
    approvals_required: wholeNumber(approvalsRange.min, approvalsRange.max),
    organisations_required: wholeNumber(approvalsRange.min, approvalsRange.max),
    review_interval_days: wholeNumber(intervalRange.min, intervalRange.max),
    document_kinds: z
      .array(z.enum(documentKinds, { message: "invalid" }))
      .max(documentKinds.length, "invalid")
      .transform((kinds) => [...new Set(kinds)]),
    network_ids: z
      .array(z.string().refine(isUuid, "invalid"))
      .max(500, "invalid")
      .transform((ids) => [...new Set(ids)]),
  })
  .superRefine((value, context) => {
    if (value.organisations_required > value.approvals_required) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["organisations_required"],
        message: "invalid",
      });
    }
  });
export type BoardSettings = z.output<typeof boardSettingsSchema>;

export const boardSettingsFields = [
  "approvals_required",
  "organisations_required",
  "review_interval_days",
  "document_kinds",
  "network_ids",
] as const;
export type BoardSettingsField = (typeof boardSettingsFields)[number];
