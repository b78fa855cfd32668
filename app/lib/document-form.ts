/**
 * What the document workspace forms accept: a new document, a grant, a revoke, and the list's
 * search. The database checks everything again (create_document, grant_document_permission);
 * this only gives people their mistakes back in words, next to the field.
 */
import { z } from "zod";
import { accessLevels, documentKinds, documentLanguages } from "./document";
import { isUuid, uuidPattern } from "./uuid";

/** documents.title's check constraint. */
export const documentTitleMaxLength = 300;
export const documentSearchMaxLength = 200;
export const documentsPerPage = 20;

export { isUuid };

const uuid = z.string({ required_error: "required" }).regex(uuidPattern, "invalid");

/** An empty select ("no network") is null, anything else must be an id. */
const optionalUuid = z
  .string()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(uuid.nullable());

export const createDocumentSchema = z.object({
  title: z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .max(documentTitleMaxLength, "tooLong"),
  kind: z.enum(documentKinds, { errorMap: () => ({ message: "kindInvalid" }) }),
  language: z.enum(documentLanguages, { errorMap: () => ({ message: "invalid" }) }),
  networkId: optionalUuid,
});
export type CreateDocumentFields = z.output<typeof createDocumentSchema>;
export const createDocumentFields = ["title", "kind", "language", "networkId"] as const;
export type CreateDocumentField = (typeof createDocumentFields)[number];

/** What a create form shows again after a failed submit (only re-rendered, never trusted). */
export interface CreateDocumentValues {
  title: string;
  kind: string;
  language: string;
  networkId: string;
}

export const emptyCreateDocumentValues: CreateDocumentValues = {
  title: "",
  kind: "guidance",
  language: "fi",
  networkId: "",
};

export function postedCreateDocumentValues(values: Record<string, unknown>): CreateDocumentValues {
  const text = (key: string, fallback: string) => {
    const value = values[key];
    return typeof value === "string" ? value : fallback;
  };
  return {
    title: text("title", ""),
    kind: text("kind", emptyCreateDocumentValues.kind),
    language: text("language", emptyCreateDocumentValues.language),
    networkId: text("networkId", ""),
  };
}

export const granteeKinds = ["user", "organisation", "network"] as const;
export type GranteeKind = (typeof granteeKinds)[number];

export const grantSchema = z.object({
  grantee: z.enum(granteeKinds, { errorMap: () => ({ message: "invalid" }) }),
  granteeId: uuid,
  level: z.enum(accessLevels, { errorMap: () => ({ message: "invalid" }) }),
});
export type GrantFields = z.output<typeof grantSchema>;

export const revokeSchema = z.object({ permissionId: uuid });

export const kindFilters = ["all", ...documentKinds] as const;
export type KindFilter = (typeof kindFilters)[number];

export interface DocumentListQuery {
  search: string;
  kind: KindFilter;
  page: number;
}

/** The list's search from its URL; anything odd falls back to the whole list. */
export function documentListQuery(params: URLSearchParams): DocumentListQuery {
  const kind = params.get("kind");
  const requested = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    search: (params.get("q") ?? "").trim().slice(0, documentSearchMaxLength),
    kind: (kindFilters as readonly (string | null)[]).includes(kind) ? (kind as KindFilter) : "all",
    page: Number.isFinite(requested) && requested >= 1 ? Math.min(requested, 10000) : 1,
  };
}

export function documentListUrl(query: DocumentListQuery, page = 1): string {
  const search = new URLSearchParams();
  if (query.search) search.set("q", query.search);
  if (query.kind !== "all") search.set("kind", query.kind);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return `/documents${text ? `?${text}` : ""}`;
}
