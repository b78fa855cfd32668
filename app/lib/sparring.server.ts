/**
 * A sparring network's questions: the list with its filters, asking a question, and the similar
 * earlier questions and interpretations the ask form suggests. Everything is asked as the
 * signed-in person: sparring_question_list() shows a network's questions to its members only,
 * ask_sparring_question() decides who may ask (and its trigger refuses personal data), and
 * similar_sparring_items() searches only what the person may read.
 */
import { type AppLoadContext, data } from "@remix-run/node";
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import type { DbErrorLike } from "./db-errors";
import type { Locale } from "./i18n";
import type { LegalSectionRef } from "./legal-acts";
import { dateTimeFormat, type Moment, moment } from "./moment";
import { type NetworkContext, requireNetwork } from "./network-access.server";
import { type QuestionFilters, questionPageSize } from "./sparring-list";
import {
  type QuestionInput,
  type QuestionStatus,
  questionStatuses,
} from "./sparring-question-form";

/** The workspace network of a sparring page; 404 for a network of another kind. */
export async function requireSparringNetwork(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
): Promise<NetworkContext> {
  const found = await requireNetwork(request, context, slug);
  if (found.network.kind !== "legal_sparring") {
    throw data({ notFound: true }, { status: 404, headers: found.headers });
  }
  return found;
}

// The list ---------------------------------------------------------------------------------------

export interface ListedSection extends LegalSectionRef {
  id: string;
}

export interface ListedQuestion {
  id: string;
  title: string;
  status: QuestionStatus;
  tags: string[];
  authorName: string | null;
  organisation: string | null;
  asked: Moment;
  overdue: boolean;
  answerCount: number;
  sections: ListedSection[];
}

const sectionJson = z.object({
  id: z.string(),
  act_id: z.string(),
  chapter: z.string().nullable(),
  section: z.string(),
});

const listRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(questionStatuses),
  tags: z.array(z.string()).nullable(),
  author_name: z.string().nullable(),
  organisation_name_fi: z.string().nullable(),
  organisation_name_sv: z.string().nullable(),
  created_at: z.string(),
  overdue: z.boolean(),
  answer_count: z.number(),
  sections: z.array(sectionJson).nullable(),
});

export interface QuestionPage {
  questions: ListedQuestion[];
  page: number;
  hasNext: boolean;
}

/** One page of the network's questions, newest first, as the filters narrow them. */
export async function listQuestions(
  client: SupabaseClient,
  networkId: string,
  filters: QuestionFilters,
  locale: Locale,
): Promise<QuestionPage> {
  // One row more than a page says whether there is a next page without counting them all.
  const { data: rows, error } = await client.rpc("sparring_question_list", {
    network_id: networkId,
    status: filters.status,
    section_id: filters.section,
    search_text: filters.search || null,
    max_rows: questionPageSize + 1,
    skip: (filters.page - 1) * questionPageSize,
  });
  if (error) throw new Error(`Loading the questions failed: ${error.code} ${error.message}`);
  const format = dateTimeFormat(locale);
  const parsed = z.array(listRow).parse(rows ?? []);
  return {
    page: filters.page,
    hasNext: parsed.length > questionPageSize,
    questions: parsed.slice(0, questionPageSize).map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      tags: row.tags ?? [],
      authorName: row.author_name,
      organisation:
        locale === "sv" && row.organisation_name_sv
          ? row.organisation_name_sv
          : row.organisation_name_fi,
      asked: moment(row.created_at, format),
      overdue: row.overdue,
      answerCount: row.answer_count,
      sections: (row.sections ?? []).map((section) => ({
        id: section.id,
        actId: section.act_id,
        chapter: section.chapter,
        section: section.section,
      })),
    })),
  };
}

// Asking -----------------------------------------------------------------------------------------

export type AskOutcome =
  | { ok: true; id: string }
  | { ok: false; error: DbErrorLike & { details?: string | null } };

export async function askQuestion(
  client: SupabaseClient,
  networkId: string,
  question: QuestionInput,
): Promise<AskOutcome> {
  const { data: id, error } = await client.rpc("ask_sparring_question", {
    network_id: networkId,
    title: question.title,
    body: question.body,
    section_ids: question.sectionIds,
    tags: question.tags,
  });
  if (error) return { ok: false, error };
  return { ok: true, id: z.string().parse(id) };
}

// Similar items ----------------------------------------------------------------------------------

export const similarKinds = ["question", "interpretation"] as const;

export interface SimilarItem {
  kind: (typeof similarKinds)[number];
  id: string;
  title: string;
  link: string;
  excerpt: string;
}

const similarRow = z.object({
  kind: z.enum(similarKinds),
  id: z.string(),
  title: z.string(),
  link: z.string(),
  excerpt: z.string().nullable(),
});

export const similarMinLength = 3;
export const similarMaxRows = 6;

/** Earlier questions and published interpretations like the words typed, best first. */
export async function similarItems(client: SupabaseClient, text: string): Promise<SimilarItem[]> {
  const words = text.trim().slice(0, 2000);
  if (words.length < similarMinLength) return [];
  const { data: rows, error } = await client.rpc("similar_sparring_items", {
    search_text: words,
    max_rows: similarMaxRows,
  });
  if (error) throw new Error(`Searching similar items failed: ${error.code} ${error.message}`);
  return z
    .array(similarRow)
    .parse(rows ?? [])
    .map((row) => ({ ...row, excerpt: row.excerpt ?? "" }));
}
