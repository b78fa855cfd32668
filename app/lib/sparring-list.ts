/**
 * The question list's filters as its address carries them (?status=&section=&q=&page=), read
 * on the server and written by the pager and the filter form in the browser.
 */
import { type QuestionStatus, questionStatuses } from "./sparring-question-form";
import { uuidPattern as uuid } from "./uuid";

export const questionPageSize = 20;

export interface QuestionFilters {
  status: QuestionStatus | null;
  section: string | null;
  search: string;
  page: number;
}

/** ?status=&section=&q=&page= as the list understands them; anything else is ignored. */
export function questionFiltersFrom(params: URLSearchParams): QuestionFilters {
  const status = params.get("status");
  const section = params.get("section")?.trim() ?? "";
  const requested = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    status: (questionStatuses as readonly (string | null)[]).includes(status)
      ? (status as QuestionStatus)
      : null,
    section: uuid.test(section) ? section.toLowerCase() : null,
    search: (params.get("q") ?? "").trim().slice(0, 200),
    page: Number.isFinite(requested) && requested >= 1 ? Math.min(requested, 10000) : 1,
  };
}

/** The list's address with the filters kept, for the pager and the filter form. */
export function questionListUrl(slug: string, filters: QuestionFilters, page = 1): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.section) search.set("section", filters.section);
  if (filters.search) search.set("q", filters.search);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return `/networks/${slug}/sparring${query ? `?${query}` : ""}`;
}
