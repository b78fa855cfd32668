import { accessTokenHook } from "./auth/access-token-hook";
import { type AuthService, type AuthServiceOptions, createAuthService } from "./auth/index";
import type { Database } from "./db";
import { jsonResponse } from "./http";
import type { ApiKeys } from "./keys";
import { type RestService, createRestService } from "./rest/index";

export interface EmbeddedSupabase {
  keys: ApiKeys;
  auth: AuthService;
  rest: RestService;
  /** Serves /auth/v1/* and /rest/v1/*; any other path is a 404. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` that reaches `handle` in-process, for server-side supabase-js (no TCP hop). */
  fetch: typeof fetch;
}

const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
  "access-control-allow-headers":
    "authorization, apikey, content-type, prefer, range, accept, accept-profile, content-profile, x-client-info, x-supabase-api-version",
  "access-control-expose-headers": "content-range, content-location, location, preference-applied",
  "access-control-max-age": "86400",
};

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(corsHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

/** Auth settings beyond the shared database, keys and site URL (GoTrue's own configuration). */
export type AuthSettings = Partial<Omit<AuthServiceOptions, "db" | "keys" | "siteUrl">>;

/** Puts an auth and a REST service behind one handler; sync, so tests can swap the auth part. */
export function composeEmbeddedSupabase(
  keys: ApiKeys,
  auth: AuthService,
  rest: RestService,
): EmbeddedSupabase {
  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === "OPTIONS") return new Response(null, { status: 204 });
    if (pathname === "/auth/v1" || pathname.startsWith("/auth/v1/")) {
      return auth.handle(request, pathname.slice("/auth/v1".length) || "/");
    }
    if (pathname === "/rest/v1" || pathname.startsWith("/rest/v1/")) {
      return rest.handle(request, pathname.slice("/rest/v1".length) || "/");
    }
    return jsonResponse({ message: "no route matched with those values" }, 404);
  }

  async function handle(request: Request): Promise<Response> {
    try {
      return withCors(await route(request));
    } catch (error) {
      console.error("embedded supabase: unhandled error", error);
      return withCors(jsonResponse({ code: "PGRST000", message: "Internal server error" }, 500));
    }
  }

  const inProcessFetch: typeof fetch = async (input, init) => handle(new Request(input, init));

  return { keys, auth, rest, handle, fetch: inProcessFetch };
}

export async function createEmbeddedSupabase(options: {
  db: Database;
  keys: ApiKeys;
  siteUrl: string;
  auth?: AuthSettings;
  /** Schemas the REST API exposes, the first being the default (PostgREST's db-schemas). */
  schemas?: string[];
}): Promise<EmbeddedSupabase> {
  const auth = createAuthService({
    hooks: await accessTokenHook(options.db),
    ...options.auth,
    db: options.db,
    keys: options.keys,
    siteUrl: options.siteUrl,
  });
  const rest = await createRestService({
    db: options.db,
    keys: options.keys,
    schemas: options.schemas,
  });
  return composeEmbeddedSupabase(options.keys, auth, rest);
}
