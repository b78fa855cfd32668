/**
 * Asks the page's server for a collab token (POST /documents/:id/collab-token). The answer says
 * what the database said: a session with the person's current access, no access any more, the
 * collab server is not there, or the person is signed out. Network failures are "failed", which
 * the caller retries.
 */
import { type CollabSession, collabSessionSchema } from "~/lib/collab-session";

export type SessionAnswer =
  | { kind: "issued"; session: CollabSession }
  | { kind: "notFound" }
  | { kind: "unavailable" }
  | { kind: "signedOut" }
  | { kind: "failed" };

export async function requestCollabSession(documentId: string): Promise<SessionAnswer> {
  let response: Response;
  try {
    response = await fetch(`/documents/${encodeURIComponent(documentId)}/collab-token`, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return { kind: "failed" };
  }
  // 401: signed out or no longer active (a redirect would be the login page, never JSON).
  if (response.status === 401 || response.redirected) return { kind: "signedOut" };
  if (response.status === 404) return { kind: "notFound" };
  if (response.status === 503) return { kind: "unavailable" };
  if (!response.ok) return { kind: "failed" };
  const session = collabSessionSchema.safeParse(await response.json().catch(() => null));
  return session.success ? { kind: "issued", session: session.data } : { kind: "failed" };
}
