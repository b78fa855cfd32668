/**
 * Hears the database ask for server-side edits — 'verkko_document_restore' (payload: restore id)
 * and 'verkko_document_comment' (payload: comment id) — and makes them one at a time. On start it
 * catches up with what was asked while no server listened: pending restores, and threads of the
 * last day that are not anchored yet.
 */
import type { Database } from "../embedded/db";
import type { OpenDocument } from "./index";
import { anchorCommentThread, applyPendingRestores } from "./server-edits";

/** How far back a starting server looks for threads still to anchor. */
const catchUpWindow = "1 day";

/** For CollabServerOptions.startServerEdits: starts listening, returns the stop function. */
export function serverEditsOf(db: Database) {
  return async (openDocument: OpenDocument): Promise<() => Promise<void>> => {
    // One edit at a time: two restores of one document must not interleave.
    let queue: Promise<void> = Promise.resolve();
    let stopped = false;
    const enqueue = (task: () => Promise<unknown>, what: string) => {
      queue = queue.then(async () => {
        if (stopped) return;
        try {
          await task();
        } catch (error) {
          console.error(`Collab: ${what} failed`, error);
        }
      });
    };
    const anchor = (commentId: string) =>
      enqueue(
        () => anchorCommentThread(db, commentId, openDocument),
        `anchoring comment ${commentId}`,
      );

    const unlisten = await Promise.all([
      db.listen("verkko_document_restore", (restoreId) =>
        enqueue(() => applyPendingRestores(db, openDocument, restoreId), `restore ${restoreId}`),
      ),
      db.listen("verkko_document_comment", anchor),
    ]);

    enqueue(() => applyPendingRestores(db, openDocument), "catching up with restores");
    const { rows } = await db.query<{ id: string }>(
      `select id from public.document_comments
       where thread_id is null and anchored_at is null
         and created_at > now() - $1::interval
       order by created_at`,
      [catchUpWindow],
    );
    for (const { id } of rows) anchor(id);

    return async () => {
      stopped = true;
      await Promise.all(unlisten.map((stop) => stop()));
      await queue;
    };
  };
}
