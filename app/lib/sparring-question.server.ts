/**
 * One sparring question and its answers: reading them, answering, endorsing, accepting, and
 * promoting the accepted answer to an interpretation. Everything is asked as the signed-in
 * person: sparring_question, sparring_answers_of and the functions that change them decide who
 * reads and does what; this module asks, shapes the answer and names refusals.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { type CitedSection, citedSections } from "./cited-sections";
import { type DbErrorKey, type DbErrorLike, dbErrorKey, statusForDbError } from "./db-errors";
import type { Locale } from "./i18n";
import type { PromoteFields, PromoteFormValues } from "./interpretation-form";
import { type InterpretationOption, refusedPersonalData } from "./interpretations";
import { loadInterpretationOptions } from "./interpretations.server";
import type { LegalAct } from "./legal-acts";
import { loadLegalActs } from "./legal-acts.server";
import { failLoading } from "./load-failure";
import { dateTimeFormat, type Moment, moment } from "./moment";
import type { PersonalDataKind } from "./personal-data";
import { helsinkiToday } from "./publishing.server";
import { plainTextToHtml, sanitizeRichText } from "./rich-text.server";
import type { AnswerFormValues } from "./sparring-answer-form";
import { type QuestionStatus, questionStatuses } from "./sparring-question-form";

export interface QuestionView {
  id: string;
  networkId: string;
  networkSlug: string;
  networkName: string;
  title: string;
  body: string;
  tags: string[];
  status: QuestionStatus;
  authorName: string | null;
  organisation: string | null;
  created: Moment;
  due: Moment;
  overdue: boolean;
  acceptedAnswerId: string | null;
  sections: CitedSection[];
  isAuthor: boolean;
  canAnswer: boolean;
  isLawyer: boolean;
}

export interface AnswerView {
  id: string;
  authorId: string | null;
  authorName: string | null;
  organisation: string | null;
  authorIsLawyer: boolean;
  /** Sanitised in this request (decision 010). */
  bodyHtml: string;
  created: Moment;
  isAccepted: boolean;
  endorsers: string[];
  endorsedByMe: boolean;
  isMine: boolean;
  sections: CitedSection[];
  interpretations: { documentId: string; slug: string; title: string; version: number }[];
  promotedDocumentId: string | null;
}

function organisationName(
  row: { organisation_name_fi: string | null; organisation_name_sv: string | null },
  locale: Locale,
): string | null {
  return locale === "sv" && row.organisation_name_sv
    ? row.organisation_name_sv
    : row.organisation_name_fi;
}

const questionRow = z.object({
  id: z.string(),
  network_id: z.string(),
  network_slug: z.string(),
  network_name_fi: z.string(),
  network_name_sv: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()).nullable(),
  status: z.enum(questionStatuses),
  author_id: z.string().nullable(),
  author_name: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  created_at: z.string(),
  due_at: z.string(),
  overdue: z.boolean(),
  accepted_answer_id: z.string().nullable(),
  sections: z.unknown(),
  is_author: z.boolean(),
  can_answer: z.boolean(),
  is_lawyer: z.boolean(),
});

/** The question, or null when there is none the reader may read. */
export async function loadQuestion(
  client: SupabaseClient,
  questionId: string,
  locale: Locale,
): Promise<QuestionView | null> {
  const { data, error } = await client
    .rpc("sparring_question", { question_id: questionId })
    .maybeSingle();
  if (error) failLoading("the sparring question", error);
  if (!data) return null;
  const row = questionRow.parse(data);
  const format = dateTimeFormat(locale);
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    networkName: locale === "sv" && row.network_name_sv ? row.network_name_sv : row.network_name_fi,
    title: row.title,
    body: row.body,
    tags: row.tags ?? [],
    status: row.status,
    authorName: row.author_name,
    organisation: organisationName(row, locale),
    created: moment(row.created_at, format),
    due: moment(row.due_at, format),
    overdue: row.overdue,
    acceptedAnswerId: row.accepted_answer_id,
    sections: citedSections(row.sections, locale),
    isAuthor: row.is_author,
    canAnswer: row.can_answer,
    isLawyer: row.is_lawyer,
  };
}

const answerRow = z.object({
  id: z.string(),
  author_id: z.string().nullable(),
  author_name: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  author_is_lawyer: z.boolean().nullable(),
  body_html: z.string(),
  created_at: z.string(),
  is_accepted: z.boolean().nullable(),
  endorsements: z.array(z.object({ user_id: z.string(), name: z.string().nullable() })),
  endorsed_by_me: z.boolean(),
  sections: z.unknown(),
  interpretations: z.array(
    z.object({ document_id: z.string(), slug: z.string(), title: z.string(), version: z.number() }),
  ),
  promoted_document_id: z.string().nullable(),
});

/** The question's answers in the order they were written. */
export async function loadAnswers(
  client: SupabaseClient,
  questionId: string,
  userId: string,
  locale: Locale,
): Promise<AnswerView[]> {
  const { data, error } = await client.rpc("sparring_answers_of", { question_id: questionId });
  if (error) failLoading("the answers", error);
  const format = dateTimeFormat(locale);
  return z
    .array(answerRow)
    .parse(data ?? [])
    .map((row) => ({
      id: row.id,
      authorId: row.author_id,
      authorName: row.author_name,
      organisation: organisationName(row, locale),
      authorIsLawyer: row.author_is_lawyer === true,
      bodyHtml: sanitizeRichText(row.body_html),
      created: moment(row.created_at, format),
      isAccepted: row.is_accepted === true,
      endorsers: row.endorsements.map((endorsement) => endorsement.name ?? ""),
      endorsedByMe: row.endorsed_by_me,
      isMine: row.author_id === userId,
      sections: citedSections(row.sections, locale),
      interpretations: row.interpretations.map((each) => ({
        documentId: each.document_id,
        slug: each.slug,
        title: each.title,
        version: each.version,
      })),
      promotedDocumentId: row.promoted_document_id,
    }));
}

export interface QuestionPage {
  question: QuestionView;
  answers: AnswerView[];
  /** For the answer form; empty when the reader may not answer. */
  acts: LegalAct[];
  interpretations: InterpretationOption[];
}

/** The question page of network `networkId`, or null when the reader may not read it there. */
export async function loadQuestionPage(
  client: SupabaseClient,
  networkId: string,
  questionId: string,
  userId: string,
  locale: Locale,
): Promise<QuestionPage | null> {
  const question = await loadQuestion(client, questionId, locale);
  if (!question || question.networkId !== networkId) return null;
  const [answers, acts, interpretations] = await Promise.all([
    loadAnswers(client, questionId, userId, locale),
    question.canAnswer ? loadLegalActs(client) : Promise.resolve([]),
    question.canAnswer ? loadInterpretationOptions(client) : Promise.resolve([]),
  ]);
  return { question, answers, acts, interpretations };
}

/** The answer as it was posted, to show again after a refusal (sanitised, never trusted). */
export function postedAnswerValues(form: FormData): AnswerFormValues {
  const html = form.get("body_html");
  const text = form.get("body_text");
  return {
    bodyHtml:
      typeof html === "string" && html.trim() !== ""
        ? sanitizeRichText(html)
        : plainTextToHtml(typeof text === "string" ? text : ""),
    sectionIds: form.getAll("sectionIds").filter((id): id is string => typeof id === "string"),
    interpretationId:
      typeof form.get("interpretationId") === "string" ? String(form.get("interpretationId")) : "",
  };
}

// Refusals -----------------------------------------------------------------------------------------

/** What a person is told when the database refuses: a key, or the personal data it found. */
export type SparringRefusal =
  | { kind: "db"; key: DbErrorKey }
  | { kind: "personalData"; found: PersonalDataKind[] };

export function describeRefusal(
  error: DbErrorLike & { details?: string | null },
  what: string,
): { refusal: SparringRefusal; status: number } {
  const found = refusedPersonalData(error);
  if (found) return { refusal: { kind: "personalData", found }, status: 400 };
  const key = dbErrorKey(error);
  if (key === "unavailable") console.error(`${what} failed`, error);
  return { refusal: { kind: "db", key }, status: statusForDbError[key] };
}

// Changes ----------------------------------------------------------------------------------------

type Outcome<T = null> = { ok: true; value: T } | { ok: false; error: DbErrorLike };

export async function answerQuestion(
  client: SupabaseClient,
  questionId: string,
  answer: { html: string; sectionIds: string[]; interpretationIds: string[] },
): Promise<Outcome<string>> {
  const { data, error } = await client.rpc("answer_sparring_question", {
    question_id: questionId,
    body_html: answer.html,
    section_ids: answer.sectionIds,
    interpretation_ids: answer.interpretationIds,
  });
  if (error) return { ok: false, error };
  return { ok: true, value: String(data) };
}

export async function endorseAnswer(
  client: SupabaseClient,
  answerId: string,
  endorse: boolean,
): Promise<Outcome> {
  const { error } = await client.rpc("endorse_sparring_answer", { answer_id: answerId, endorse });
  return error ? { ok: false, error } : { ok: true, value: null };
}

export async function acceptAnswer(client: SupabaseClient, answerId: string): Promise<Outcome> {
  const { error } = await client.rpc("accept_sparring_answer", { answer_id: answerId });
  return error ? { ok: false, error } : { ok: true, value: null };
}

// Promoting ----------------------------------------------------------------------------------------

export interface PromotePage {
  question: QuestionView;
  accepted: AnswerView | null;
  acts: LegalAct[];
  defaults: PromoteFormValues;
  supersedeOptions: InterpretationOption[];
}

/**
 * What the promote form starts from: the question's title, the network's Finnish name as the
 * issuing body (the interpretation is written in Finnish), today, and the sections the question
 * and its accepted answer cite.
 */
export async function loadPromotePage(
  client: SupabaseClient,
  question: QuestionView,
  networkNameFi: string,
  userId: string,
  locale: Locale,
): Promise<PromotePage> {
  const answers = await loadAnswers(client, question.id, userId, locale);
  const accepted = answers.find((answer) => answer.id === question.acceptedAnswerId) ?? null;
  const sectionIds = [
    ...new Set([...question.sections, ...(accepted?.sections ?? [])].map((section) => section.id)),
  ];
  const mayPromote = question.isLawyer && accepted !== null && !accepted.promotedDocumentId;
  return {
    question,
    accepted,
    acts: mayPromote ? await loadLegalActs(client) : [],
    defaults: {
      title: question.title,
      issuingBody: networkNameFi,
      justification: "",
      validFrom: helsinkiToday(),
      validTo: "",
      supersedes: "",
      sectionIds,
    },
    supersedeOptions: mayPromote ? await loadInterpretationOptions(client) : [],
  };
}

export async function promoteAnswer(
  client: SupabaseClient,
  answerId: string,
  fields: PromoteFields,
): Promise<Outcome<string>> {
  const { data, error } = await client.rpc("promote_sparring_answer", {
    answer_id: answerId,
    title: fields.title,
    issuing_body: fields.issuingBody,
    justification: fields.justification,
    valid_from: fields.validFrom,
    valid_to: fields.validTo,
    supersedes: fields.supersedes,
    section_ids: fields.sectionIds,
  });
  if (error) return { ok: false, error };
  return { ok: true, value: String(data) };
}
