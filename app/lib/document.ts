/** A document as the interface shows it; shared by loaders and components. */
import { z } from "zod";

export const documentKinds = [
  "guidance",
  "interpretation",
  "manual",
  "system_instruction",
  "disruption_notice",
  "good_practice",
  "page",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentStatuses = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "published",
  "archived",
] as const;

export const accessLevels = ["view", "comment", "edit"] as const;
export type DocumentAccess = (typeof accessLevels)[number];

export const documentLanguages = ["fi", "sv"] as const;

/** Everything but the derived body (content, text, html), which pages load only when shown. */
export const documentColumns =
  "id, kind, title, language, owner_organisation_id, network_id, status, created_by, created_at, updated_at, content_updated_at, last_edited_by";

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  language: z.enum(documentLanguages),
  owner_organisation_id: z.string(),
  network_id: z.string().nullable(),
  status: z.enum(documentStatuses),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  content_updated_at: z.string().nullable(),
  last_edited_by: z.string().nullable(),
});
export type DocumentRow = z.infer<typeof documentSchema>;

export const documentAccessSchema = z.enum(accessLevels).nullable();

/** Whether the person may change the text (commenters and viewers only read it). */
export function canEditText(access: DocumentAccess | null): boolean {
  return access === "edit";
}

export function canComment(access: DocumentAccess | null): boolean {
  return access === "edit" || access === "comment";
}
