/** The platform admin's forms: organisations and their e-mail domains. */
import { z } from "zod";

export const organisationKinds = [
  "municipality",
  "employment_area",
  "state_agency",
  "kuntaliitto",
  "wellbeing_county",
  "ngo",
  "education",
  "vendor",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

const optionalText = z
  .string()
  .trim()
  .max(200, "tooLong")
  .optional()
  .transform((value) => value || null);

const optionalId = z
  .union([z.literal(""), z.string().uuid("invalid")])
  .optional()
  .transform((value) => value || null);

export const organisationSchema = z.object({
  nameFi: z
    .string({ required_error: "nameRequired", invalid_type_error: "nameRequired" })
    .trim()
    .min(1, "nameRequired")
    .max(200, "tooLong"),
  nameSv: optionalText,
  kind: z.enum(organisationKinds, { message: "kindInvalid" }),
  parentId: optionalId,
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

/** The same rule as the table's check constraint, so the form can say what is wrong. */
export const domainPattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export const domainSchema = z.object({
  organisationId: z.string({ required_error: "invalid" }).uuid("invalid"),
  domain: z
    .string({ required_error: "domainInvalid", invalid_type_error: "domainInvalid" })
    .trim()
    .toLowerCase()
    // People paste "@tampere.fi" or a whole address; the part after the last @ is the domain.
    .transform((value) => value.slice(value.lastIndexOf("@") + 1))
    .pipe(z.string().max(253, "domainInvalid").regex(domainPattern, "domainInvalid")),
});
