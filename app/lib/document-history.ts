/**
 * A document's history as pages show it, and what the history page's forms accept (a version
 * name, the version to restore). The database checks again (name_document_version,
 * restore_document_version and the versions' constraints); the schemas only give people their
 * mistakes back in words, next to the field.
 */
import { z } from "zod";
import { isUuid } from "./discussion-form";

/** document_versions.name's check constraint. */
export const versionNameMaxLength = 200;

export const nameVersionSchema = z.object({
  name: z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .max(versionNameMaxLength, "tooLong"),
});

export const restoreVersionSchema = z.object({
  versionId: z.string({ required_error: "invalid" }).refine(isUuid, "invalid"),
});

/** A `from`/`to` parameter of the compare page: a version id or the current text. */
export function isComparedRef(value: unknown): value is string {
  return value === currentRef || isUuid(value);
}

/** 'frozen': the content as it was submitted for review or sent out on a comment round. */
export type VersionKind = "auto" | "named" | "restore" | "frozen";

import type { Moment } from "./moment";

export type { Moment };

export interface VersionListItem {
  id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  createdAt: Moment;
  creatorName: string | null;
  contributorNames: string[];
  /** For a restore: the number of the version it brought back (null if that one is gone). */
  restoredFromNumber: number | null;
}

export type RestoreStatus =
  | { state: "pending"; versionNumber: number }
  | { state: "applied"; versionNumber: number }
  | { state: "failed"; versionNumber: number; failure: string };

export const currentRef = "current";

/** One side of a comparison: a version, or the document as it is now. */
export interface ComparedText {
  ref: string;
  /** Null for the current text. */
  number: number | null;
  kind: VersionKind | "current";
  name: string | null;
  createdAt: Moment | null;
  text: string;
}
