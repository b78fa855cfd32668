import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { dbErrorKey, statusForDbError } from "~/lib/db-errors";
import {
  type CommentActionResult,
  type CommentField,
  type CommentsPayload,
  commentIntents,
  type PeoplePayload,
  parseCommentForm,
} from "~/lib/document-comment-form";
import {
  applyCommentAction,
  documentAccess,
  listCommentThreads,
  searchMentionPeople,
} from "~/lib/document-comments.server";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { activeUserForResource } from "~/lib/resource-access.server";
import { getSupabase } from "~/lib/supabase.server";

/**
 * The comments of a document as JSON, for the editor's comments panel: GET lists the threads
 * (or, with `?people=`, the people a comment can mention); POST creates a thread or a reply,
 * edits, deletes, resolves or reopens. A document the person may not see is 404.
 */
async function start(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const user = await activeUserForResource(request, context);
  const supabase = getSupabase(request, context);
  const headers = new Headers(supabase.headers);
  headers.set("Cache-Control", "no-store");
  const t = await i18nServer.getFixedT(request);
  if (!user)
    return {
      refused: Response.json({ error: t("comments.errors.signedOut") }, { status: 401, headers }),
    };
  const access = await documentAccess(supabase.client, id);
  if (!access) {
    return { refused: Response.json({ error: t("dbErrors.notFound") }, { status: 404, headers }) };
  }
  return { user, access, client: supabase.client, headers, t };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const documentId = params.documentId ?? "";
  const started = await start(request, context, documentId);
  if ("refused" in started) return started.refused;
  const { user, access, client, headers } = started;
  const locale = await getLocale(request);
  const people = new URL(request.url).searchParams.get("people");
  if (people !== null) {
    return Response.json(
      {
        people: await searchMentionPeople(client, people, user.id, locale),
      } satisfies PeoplePayload,
      { headers },
    );
  }
  return Response.json(
    {
      access,
      threads: await listCommentThreads(client, documentId, user.id, access, locale),
    } satisfies CommentsPayload,
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const documentId = params.documentId ?? "";
  const started = await start(request, context, documentId);
  if ("refused" in started) return started.refused;
  const { client, headers, t } = started;
  const values = formValues(await request.formData(), ["mentions"]);
  const intent = commentIntents.find((known) => known === values.intent) ?? null;
  const parsed = parseCommentForm(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<CommentField, string>> = {};
    for (const [field, key] of Object.entries(parsed.fieldErrors)) {
      fieldErrors[field as CommentField] = t(`comments.errors.${key}`);
    }
    return Response.json(
      { ok: false, intent, fieldErrors, formError: null } satisfies CommentActionResult,
      { status: 400, headers },
    );
  }
  const result = await applyCommentAction(client, documentId, parsed.data);
  if ("error" in result) {
    const key = dbErrorKey(result.error);
    if (key === "unavailable")
      console.error(`Comment action ${parsed.data.intent} failed`, result.error);
    return Response.json(
      {
        ok: false,
        intent,
        fieldErrors: {},
        formError: t(`dbErrors.${key}`),
      } satisfies CommentActionResult,
      { status: statusForDbError[key], headers },
    );
  }
  return Response.json(
    { ok: true, intent: parsed.data.intent, id: result.id } satisfies CommentActionResult,
    { headers },
  );
}
