import type { Database } from "../db";
import type { ApiKeys } from "../keys";

export interface AuthServiceOptions {
  db: Database;
  keys: ApiKeys;
  /** Base URL people reach the app at, for links in e-mails (e.g. http://127.0.0.1:3000). */
  siteUrl: string;
  /** Lifetime of access tokens in seconds (GoTrue's JWT_EXP, default 3600). */
  accessTokenSeconds?: number;
}

export interface AuthService {
  /** Handles a request under /auth/v1; `path` is what follows that prefix, e.g. "/token". */
  handle(request: Request, path: string): Promise<Response>;
}

export function createAuthService(_options: AuthServiceOptions): AuthService {
  return {
    async handle() {
      return new Response(JSON.stringify({ code: 501, msg: "not implemented yet" }), { status: 501 });
    },
  };
}
