/**
 * The latest published version of a document: what readers see until the next one is published,
 * however the next draft is being edited meanwhile.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReadingView } from "~/components/library/reading-view";
import { getLocale } from "~/lib/i18n.server";
import { postFeedback, readingPage } from "~/lib/library.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { headers, ...page } = await readingPage(request, context, params.slug, null, locale);
  return data({ title: pageTitle(page.version.title), ...page }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const posted = await postFeedback(request, context, params.slug, null, locale);
  if ("redirectTo" in posted) throw redirect(posted.redirectTo, { headers: posted.headers });
  return data({ failure: posted.failure }, { status: posted.status, headers: posted.headers });
}

export default function LatestVersion() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <ReadingView {...page} failure={actionData?.failure ?? null} />;
}
