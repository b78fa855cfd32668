/**
 * One published version of a document at its permanent address, for ever: a citation made today
 * still shows the same text after the next publication. What changed is shown against the
 * version before it.
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
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { postFeedback, readingPage } from "~/lib/library.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { headers, ...page } = await readingPage(
    request,
    context,
    params.slug,
    params.number ?? "",
    locale,
  );
  const t = await i18nServer.getFixedT(locale);
  const version = t("library.document.version", { number: page.version.number });
  return data({ title: pageTitle(`${page.version.title} (${version})`), ...page }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const posted = await postFeedback(request, context, params.slug, params.number ?? "", locale);
  if ("redirectTo" in posted) throw redirect(posted.redirectTo, { headers: posted.headers });
  return data({ failure: posted.failure }, { status: posted.status, headers: posted.headers });
}

export default function PublishedVersionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <ReadingView {...page} failure={actionData?.failure ?? null} />;
}
