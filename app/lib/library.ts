/**
 * The library as its pages show it: shapes the loaders return and the components render, and the
 * list's query in the URL. Shared by the server and the browser.
 */
import { type DocumentKind, documentKinds } from "./document";
import type { FeedbackStatus } from "./feedback-form";
import type { Moment } from "./moment";

export const libraryPerPage = 20;

export type LibraryKindFilter = DocumentKind | "all";

export interface LibraryQuery {
  kind: LibraryKindFilter;
  page: number;
}

export function libraryQuery(params: URLSearchParams): LibraryQuery {
  const kind = params.get("kind");
  const requested = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    kind: (documentKinds as readonly (string | null)[]).includes(kind)
      ? (kind as DocumentKind)
      : "all",
    page: Number.isFinite(requested) && requested >= 1 ? Math.min(requested, 10000) : 1,
  };
}

export function libraryUrl(query: LibraryQuery, page = 1): string {
  const search = new URLSearchParams();
  if (query.kind !== "all") search.set("kind", query.kind);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return `/library${text ? `?${text}` : ""}`;
}

export function versionPath(slug: string, number: number): string {
  return `/library/${slug}/v/${number}`;
}

/** A calendar day (a review date, a publication day) with the words to show for it. */
export interface Day {
  iso: string;
  text: string;
}

export interface LibraryListItem {
  slug: string;
  title: string;
  kind: DocumentKind;
  language: string;
  version: number;
  published: Day;
  ownerOrganisation: string | null;
  outdated: boolean;
}

export interface Translation {
  slug: string;
  language: string;
  title: string;
  outdated: boolean;
}

/** What a reader may know about a published document: nothing of its next draft. */
export interface LibraryDocument {
  documentId: string;
  slug: string;
  title: string;
  kind: DocumentKind;
  language: string;
  archived: boolean;
  latestVersion: number;
  ownerName: string | null;
  ownerOrganisation: string | null;
  reviewDue: Day | null;
  outdated: boolean;
  translations: Translation[];
  /** Whether the reader handles its feedback (owner, editors, board): only chooses links. */
  canHandle: boolean;
}

export interface Approval {
  name: string;
  organisation: string | null;
  decided: Moment;
}

export interface PublishedVersion {
  number: number;
  title: string;
  language: string;
  /** Sanitised again in this response. */
  html: string;
  changeSummary: string;
  approvals: Approval[];
  ownerName: string | null;
  published: Moment;
}

export interface VersionListEntry {
  number: number;
  published: Day;
  changeSummary: string;
}

/** A paragraph as the feedback form offers it: its number and a short excerpt. */
export interface ParagraphOption {
  index: number;
  excerpt: string;
}

export interface MyFeedback {
  id: string;
  versionNumber: number;
  paragraphIndex: number | null;
  paragraphText: string | null;
  problem: string;
  suggestion: string | null;
  created: Moment;
  status: FeedbackStatus;
  reply: { text: string; byName: string | null; at: Moment | null } | null;
}
