/**
 * Two versions of a document side by side in one text: what was added, removed and moved,
 * paragraph by paragraph. `?from=` and `?to=` are version ids or "current". Computed on the
 * server, so the browser receives the result rather than two whole texts.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { TextDiffView } from "~/components/history/text-diff-view";
import { buttonClass } from "~/components/ui/button";
import { type ComparedText, currentRef, isComparedRef } from "~/lib/document-history";
import { getComparedText } from "~/lib/document-history.server";
import { requireDocument } from "~/lib/document-page.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { diffText } from "~/lib/text-diff";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const url = new URL(request.url);
  const fromRef = url.searchParams.get("from") ?? "";
  const toRef = url.searchParams.get("to") ?? currentRef;
  const t = await i18nServer.getFixedT(locale);
  const title = pageTitle(`${t("history.diff.title")}: ${document.title}`);
  const [from, to] =
    isComparedRef(fromRef) && isComparedRef(toRef)
      ? await Promise.all([
          getComparedText(client, context, document.id, fromRef, locale),
          getComparedText(client, context, document.id, toRef, locale),
        ])
      : [null, null];
  if (!from || !to) {
    return data({ title, documentId: document.id, comparison: null }, { status: 404, headers });
  }
  const side = ({ text: _text, ...meta }: ComparedText) => meta;
  return data(
    {
      title,
      documentId: document.id,
      comparison: { from: side(from), to: side(to), diff: diffText(from.text, to.text) },
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

function sideName(t: TFunction, side: Omit<ComparedText, "text">): string {
  if (side.kind === "current") return t("history.current");
  const number = t("history.versionNumber", { number: side.number });
  return side.name ? `${number} – ${side.name}` : number;
}

export default function CompareVersions() {
  const { documentId, comparison } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const historyHref = `/documents/${documentId}/history`;
  return (
    <div className="space-y-6">
      <p>
        <Link to={historyHref} className="text-blue-800 underline underline-offset-2">
          {t("history.diff.backToHistory")}
        </Link>
      </p>
      <h2 className="text-2xl font-semibold">{t("history.diff.title")}</h2>
      {comparison ? (
        <>
          <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
            {(
              [
                ["from", comparison.from],
                ["to", comparison.to],
              ] as const
            ).map(([key, side]) => (
              <div key={key} className="contents">
                <dt className="font-medium">{t(`history.diff.${key}`)}</dt>
                <dd data-testid={`compare-${key}`}>
                  {sideName(t, side)}
                  {side.createdAt ? (
                    <>
                      {" "}
                      (<time dateTime={side.createdAt.iso}>{side.createdAt.text}</time>)
                    </>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
          <p>
            <Link
              to={`${historyHref}/compare?${new URLSearchParams({
                from: comparison.to.ref,
                to: comparison.from.ref,
              })}`}
              className={buttonClass("secondary")}
            >
              {t("history.diff.swap")}
            </Link>
          </p>
          {comparison.from.ref === comparison.to.ref ? (
            <Notice>{t("history.compare.sameChosen")}</Notice>
          ) : null}
          <TextDiffView diff={comparison.diff} />
        </>
      ) : (
        <Notice tone="warning">{t("history.diff.notFound")}</Notice>
      )}
    </div>
  );
}
