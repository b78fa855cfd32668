/** A network as the interface shows it; shared by loaders and components. */
import { z } from "zod";

export const networkKinds = [
  "national",
  "regional",
  "independent",
  "legal_sparring",
  "editorial_board",
  "ict",
] as const;
export const networkRoles = ["coordinator", "member", "observer"] as const;
export type NetworkRole = (typeof networkRoles)[number];

export const networkColumns =
  "id, slug, kind, name_fi, name_sv, purpose_fi, purpose_sv, owner_organisation_id, visibility, join_policy, allow_guests, topics, review_due, archived_at, last_activity_at, active_member_count, created_at";

export const networkSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(networkKinds),
  name_fi: z.string(),
  name_sv: z.string().nullable(),
  purpose_fi: z.string(),
  purpose_sv: z.string().nullable(),
  owner_organisation_id: z.string(),
  visibility: z.enum(["signed_in", "members"]),
  join_policy: z.enum(["open", "request", "invitation"]),
  allow_guests: z.boolean(),
  topics: z.array(z.string()),
  review_due: z.string(),
  archived_at: z.string().nullable(),
  last_activity_at: z.string(),
  active_member_count: z.number(),
  created_at: z.string(),
});
export type Network = z.infer<typeof networkSchema>;

/** The network's name in the reader's language (Swedish falls back to Finnish). */
export function networkName(network: Pick<Network, "name_fi" | "name_sv">, locale: string): string {
  return locale === "sv" ? (network.name_sv ?? network.name_fi) : network.name_fi;
}

export function networkPurpose(
  network: Pick<Network, "purpose_fi" | "purpose_sv">,
  locale: string,
): string {
  return locale === "sv" ? (network.purpose_sv ?? network.purpose_fi) : network.purpose_fi;
}
