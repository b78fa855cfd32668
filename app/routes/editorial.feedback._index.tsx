/**
 * The feedback queue: readers' feedback on the published documents the person handles (RLS shows
 * theirs and what they gave themselves), newest first, filtered by status.
 */

import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { FeedbackListItems } from "~/components/editorial/feedback-list";
import { buttonClass } from "~/components/ui/button";
import { Pager } from "~/components/ui/pager";
import { requireActiveUser } from "~/lib/access.server";
import { listFeedback } from "~/lib/editorial.server";
import {
  feedbackFilterOf,
  feedbackFilters,
  feedbackQueueUrl,
  pageOf,
} from "~/lib/feedback-answer-form";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const url = new URL(request.url);
  const filter = feedbackFilterOf(url.searchParams.get("status"));
  const page = pageOf(url.searchParams.get("page"));
  const feedback = await listFeedback(client, filter, page, locale);
  return data({ title: pageTitle(t("editorial.queue.title")), filter, ...feedback }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function FeedbackQueue() {
  const { filter, items, total, page, pageCount } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const loading =
    navigation.state === "loading" && navigation.location.pathname === "/editorial/feedback";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("editorial.queue.title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("editorial.queue.intro")}</p>
      </header>

      <Form method="get" className="flex flex-wrap items-end gap-3" key={filter}>
        <SelectField
          id="status"
          label={t("editorial.queue.filterLabel")}
          defaultValue={filter}
          className="min-w-64"
        >
          {feedbackFilters.map((option) => (
            <option key={option} value={option}>
              {option === "open" || option === "all"
                ? t(`editorial.queue.filters.${option}`)
                : t(`editorial.feedbackStatus.${option}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass("secondary")} disabled={loading}>
          {t("editorial.queue.filterSubmit")}
        </button>
      </Form>

      <section aria-labelledby="queue-heading" className="space-y-3" aria-busy={loading}>
        <h2 id="queue-heading" className="sr-only">
          {t("editorial.queue.title")}
        </h2>
        {items.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-400 p-6">
            {t("editorial.queue.empty")}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700" aria-live="polite">
              {t("editorial.queue.count", { count: total })}
            </p>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white px-4">
              <FeedbackListItems items={items} />
            </ul>
          </>
        )}
        <Pager
          label={t("editorial.queue.pagination.label")}
          page={page}
          pageCount={pageCount}
          urlFor={(target) => feedbackQueueUrl(filter, target)}
        />
      </section>
    </div>
  );
}
