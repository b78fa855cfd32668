/**
 * The embedded GoTrue-compatible auth API (/auth/v1): what supabase-js `auth.*` and
 * @supabase/ssr call, over auth.users / auth.sessions / auth.refresh_tokens.
 */
import { type AuthServiceOptions, resolveConfig } from "./config";
import { AuthError, OAuthError, fromDatabaseError } from "./errors";
import { pruneLoginAttempts } from "./rate-limit";
import { clientInfo } from "./request-context";
import { errorResponse } from "./responses";
import { matchRoute } from "./routes";

export type { AuthHooks, AuthServiceOptions, MfaOptions, RateLimitOptions } from "./config";
export { AuthError } from "./errors";
export { readOutbox, type OutboxEmail } from "./mailer";
export { endAllSessionsOfUser } from "./sessions";

export interface AuthService {
  /** Handles a request under /auth/v1; `path` is what follows that prefix, e.g. "/token". */
  handle(request: Request, path: string): Promise<Response>;
}

const pruneEveryMs = 60_000;

export function createAuthService(options: AuthServiceOptions): AuthService {
  const config = resolveConfig(options);
  let lastPruned = 0;

  return {
    async handle(request, path) {
      const match = matchRoute(request.method, path);
      try {
        if (match.kind === "not-found") throw new AuthError(404, "not_found", "Not Found");
        if (match.kind === "method-not-allowed")
          throw new AuthError(405, "validation_failed", "Method Not Allowed");
        const now = config.now().getTime();
        if (now - lastPruned > pruneEveryMs) {
          lastPruned = now;
          await pruneLoginAttempts(config, config.db);
        }
        return await match.handler({
          request,
          url: new URL(request.url),
          config,
          client: clientInfo(request, config),
          params: match.params,
        });
      } catch (error) {
        if (error instanceof AuthError || error instanceof OAuthError) {
          return errorResponse(request, error);
        }
        const known = fromDatabaseError(error);
        if (known) return errorResponse(request, known);
        throw error;
      }
    },
  };
}
