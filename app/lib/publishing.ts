/** The publishing tab's view of a document, as the loader shapes it and the components show it. */
import type { DocumentAccess, documentStatuses } from "./document";
import type { FormErrorKey } from "./form-errors";
import type { Moment } from "./moment";
import type { PublishingErrorKey, PublishingIntent } from "./publishing-form";

export type DocumentStatus = (typeof documentStatuses)[number];
export type SubmissionStatus =
  | "in_review"
  | "changes_requested"
  | "approved"
  | "published"
  | "withdrawn";

/** A calendar date (YYYY-MM-DD) with the words to show for it. */
export interface CalendarDate {
  iso: string;
  text: string;
}

export interface ResponsibleBoard {
  id: string;
  slug: string;
  name: string;
  approvalsRequired: number;
  organisationsRequired: number;
  /** document_board_of.is_member: whether the caller reviews for this board. */
  isMember: boolean;
}

export interface Review {
  reviewerId: string;
  reviewerName: string | null;
  organisationName: string | null;
  decision: "approve" | "request_changes";
  comment: string;
  decidedAt: Moment;
}

export interface Submission {
  id: string;
  status: SubmissionStatus;
  changeSummary: string;
  versionId: string;
  submittedBy: string | null;
  submitterName: string | null;
  submittedAt: Moment;
  approvalsRequired: number;
  organisationsRequired: number;
  approvals: number;
  organisations: number;
  reviews: Review[];
}

export interface Approver {
  name: string;
  organisation: string | null;
}

export interface PublishedVersion {
  number: number;
  publishedAt: Moment;
  changeSummary: string;
  approvers: Approver[];
  ownerName: string | null;
}

export interface CommentRoundItem {
  id: string;
  title: string;
  deadline: Moment;
  open: boolean;
  responses: number;
}

export interface Option {
  id: string;
  name: string;
}

export interface PublishingView {
  documentId: string;
  status: DocumentStatus;
  language: "fi" | "sv";
  slug: string | null;
  publishedVersion: number | null;
  publishedAt: Moment | null;
  access: DocumentAccess;
  /** can_manage_document and can_handle_document, for showing controls only. */
  canManage: boolean;
  canHandle: boolean;
  board: ResponsibleBoard | null;
  /** The latest submission while it is under way or waiting for changes; null otherwise. */
  submission: Submission | null;
  versions: PublishedVersion[];
  rounds: CommentRoundItem[];
  owner: { id: string | null; name: string | null; organisationName: string | null };
  reviewDue: CalendarDate | null;
  /** Whether the review date has passed (a published document that is not archived). */
  reviewOverdue: boolean;
  /** What publishing would set the review date to: today plus the board's interval. */
  defaultReviewDue: CalendarDate;
  /** The earliest and latest review date the database accepts. */
  reviewDueRange: { min: string; max: string };
  ownerCandidates: Option[];
  translationOf: { id: string; title: string | null } | null;
  /** Documents in the other language the caller reads, for editors choosing a source. */
  translationSources: Option[];
  outdated: boolean;
  userId: string;
}

/** A refused action of the tab, with what was typed so nothing is lost. */
export interface PublishingFailure {
  intent: PublishingIntent;
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, FormErrorKey>>;
  formError: PublishingErrorKey | null;
}
