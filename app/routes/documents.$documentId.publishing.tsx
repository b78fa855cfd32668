/**
 * A document's way to the library (the "Julkaisu" tab): where it stands, the responsible board
 * and the submission under way with its reviews, the published versions, ownership and review
 * date, translation, comment rounds and archiving. The workflow functions decide who may do what;
 * the database's answers (document_access, can_manage_document, document_board_of.is_member, …)
 * only choose which controls are shown.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import { ArchivePanel } from "~/components/publishing/archive-panel";
import { CommentRoundsPanel } from "~/components/publishing/comment-rounds-panel";
import { PublishedVersions } from "~/components/publishing/published-versions";
import { PublishingState, ResponsibleBoardPanel } from "~/components/publishing/publishing-state";
import { StewardshipPanel } from "~/components/publishing/stewardship-panel";
import { SubmissionPanel } from "~/components/publishing/submission-panel";
import { SubmitForm } from "~/components/publishing/submit-form";
import { TranslationPanel } from "~/components/publishing/translation-panel";
import { requireDocument } from "~/lib/document-page.server";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import type { PublishingFailure } from "~/lib/publishing";
import { loadPublishing, performPublishingAction } from "~/lib/publishing.server";
import { isPublishingIntent, type PublishingIntent } from "~/lib/publishing-form";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const header = await requireDocument(request, context, params.documentId, locale);
  const [view, t] = await Promise.all([
    loadPublishing(header.client, header, locale),
    i18nServer.getFixedT(locale),
  ]);
  return data(
    { title: pageTitle(`${t("publishing.title")}: ${header.document.title}`), view },
    { headers: header.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const values = formValues(await request.formData());
  const result = await performPublishingAction(client, context, document.id, values);
  if (result.ok) {
    const done = new URLSearchParams({ done: result.intent });
    if (result.version !== null) done.set("version", String(result.version));
    throw redirect(`/documents/${document.id}/publishing?${done}`, { headers });
  }
  const { status, ok: _ok, ...failure } = result;
  return data<{ failure: PublishingFailure }>({ failure }, { status, headers });
}

export default function DocumentPublishing() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const failure = actionData?.failure ?? null;
  const failureOf = (intent: PublishingIntent) => (failure?.intent === intent ? failure : null);
  const doneParam = navigation.state === "idle" && !failure ? searchParams.get("done") : null;
  const done = isPublishingIntent(doneParam) ? doneParam : null;

  const isMember = view.board?.isMember === true;
  const canEdit = view.access === "edit";
  const canSubmit =
    canEdit &&
    view.board !== null &&
    (view.status === "draft" || view.status === "changes_requested" || view.status === "published");
  const canSteward =
    view.canManage || isMember || (view.owner.id !== null && view.owner.id === view.userId);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("publishing.title")}</h2>
        <p className="max-w-3xl text-slate-800">{t("publishing.intro")}</p>
      </div>
      {done ? (
        <Notice tone="success">
          {t(`publishing.done.${done}`, { version: searchParams.get("version") ?? "" })}
        </Notice>
      ) : null}

      <PublishingState view={view} />
      <ResponsibleBoardPanel view={view} />
      {view.submission ? (
        <SubmissionPanel view={view} submission={view.submission} failure={failure} />
      ) : null}
      {canSubmit && view.board ? (
        <SubmitForm
          key={`${view.status}-${view.publishedVersion ?? 0}`}
          boardName={view.board.name}
          failure={failureOf("submit")}
        />
      ) : null}
      <PublishedVersions slug={view.slug} versions={view.versions} />
      <StewardshipPanel
        view={view}
        canSteward={canSteward}
        failure={failureOf("stewardship")}
        markFailure={failureOf("markReviewed")}
      />
      <TranslationPanel view={view} canEdit={canEdit} failure={failureOf("translation")} />
      <CommentRoundsPanel documentId={view.documentId} rounds={view.rounds} canOpen={canEdit} />
      {view.canManage || isMember ? (
        <ArchivePanel
          archived={view.status === "archived"}
          failure={failureOf("archive")}
          reopenFailure={failureOf("reopen")}
        />
      ) : null}
    </div>
  );
}
