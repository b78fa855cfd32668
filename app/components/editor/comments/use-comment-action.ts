/**
 * One comment form's round trip to the comments resource route: the fetcher, whether it is
 * pending, the refusal to show, and a callback once the route says it is done.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { CommentActionResult } from "~/lib/document-comment-form";

export type CommentActionSuccess = Extract<CommentActionResult, { ok: true }>;
export type CommentActionFailure = Extract<CommentActionResult, { ok: false }>;

export function useCommentAction(onDone: (result: CommentActionSuccess) => void) {
  const fetcher = useFetcher<CommentActionResult>();
  const done = useRef(onDone);
  done.current = onDone;
  const handled = useRef<CommentActionResult | undefined>(undefined);
  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result || result === handled.current) return;
    handled.current = result;
    if (result.ok) done.current(result);
  }, [fetcher.state, fetcher.data]);
  const failure: CommentActionFailure | null =
    fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  return { fetcher, failure, pending: fetcher.state !== "idle" };
}
