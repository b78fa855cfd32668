import { type AppLoadContext, redirect } from "@remix-run/node";
import { createServerClient, parseCookieHeader, serializeCookieHeader } from "@supabase/ssr";
import type { SupabaseClient, User, WebSocketLikeConstructor } from "@supabase/supabase-js";
import WebSocket from "ws";
import { currentPath } from "./safe-redirect";

/**
 * Node 20 has no global WebSocket, and supabase-js builds its realtime client eagerly. `ws` is what
 * realtime-js documents for Node; its types name ws's own Event classes where realtime-js names the
 * DOM's, so the constructor is restated in realtime-js's terms.
 */
const nodeWebSocket = WebSocket as unknown as WebSocketLikeConstructor;

/**
 * The session cookie's name, fixed rather than derived from the API host: in embedded mode that
 * host is whatever the browser used (127.0.0.1 or localhost), and the session must not depend on it.
 */
export const sessionCookieName = "sb-verkko-auth-token";

export interface RequestSupabase {
  /** supabase-js acting as the signed-in user (or anon), with the session in cookies. */
  client: SupabaseClient;
  /** Set-Cookie and no-store headers that every response to this request must carry. */
  headers: Headers;
  /**
   * The user, verified by the auth server (never trusted from the cookie alone); null if none.
   * Looked up once per request: call it before signing in or out only if you redirect afterwards.
   */
  getUser(): Promise<User | null>;
}

/**
 * One client per HTTP request, shared by the loaders Remix runs in parallel: if each made its own,
 * an expired session would be refreshed twice with one refresh token, and refresh-token rotation
 * treats the second use as theft and revokes the session.
 */
const clientsByRequest = new WeakMap<AppLoadContext, RequestSupabase>();

export function getSupabase(request: Request, context: AppLoadContext): RequestSupabase {
  const existing = clientsByRequest.get(context);
  if (existing) return existing;

  const headers = new Headers();
  const secure = new URL(request.url).protocol === "https:";
  const client = createServerClient(context.supabase.url, context.supabase.anonKey, {
    cookies: {
      getAll: () => parseCookieHeader(request.headers.get("Cookie") ?? ""),
      setAll(cookies, cacheHeaders) {
        for (const { name, value, options } of cookies) {
          // Only the server reads the session, so scripts in the page never need to.
          headers.append(
            "Set-Cookie",
            serializeCookieHeader(name, value, { ...options, httpOnly: true, secure }),
          );
        }
        for (const [name, value] of Object.entries(cacheHeaders)) headers.set(name, value);
      },
    },
    cookieOptions: { name: sessionCookieName, path: "/", sameSite: "lax", httpOnly: true, secure },
    global: { fetch: context.supabase.fetch, headers: context.supabase.headers },
    realtime: { transport: nodeWebSocket },
  });

  let user: Promise<User | null> | undefined;
  const supabase: RequestSupabase = {
    client,
    headers,
    getUser() {
      user ??= client.auth.getUser().then(({ data, error }) => {
        if (!error) return data.user;
        // No session, or one the server no longer accepts (supabase-js then clears the cookies).
        // Anything else (auth server down, network) is an outage, not a signed-out visitor.
        if (error.name === "AuthSessionMissingError") return null;
        if (error.status !== undefined && error.status >= 400 && error.status < 500) return null;
        throw error;
      });
      return user;
    },
  };
  clientsByRequest.set(context, supabase);
  return supabase;
}

/** The signed-in user, or a redirect to the login page that brings them back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<User> {
  const supabase = getSupabase(request, context);
  const user = await supabase.getUser();
  if (user) return user;
  const params = new URLSearchParams({ redirectTo: currentPath(request) });
  throw redirect(`/login?${params}`, { headers: supabase.headers });
}

/** How the interface names a person: their full name, else their e-mail address. */
export function displayName(user: Pick<User, "email" | "user_metadata">): string {
  const fullName: unknown = user.user_metadata?.full_name;
  if (typeof fullName === "string" && fullName.trim()) return fullName.trim();
  return user.email ?? "";
}

/**
 * Ends this browser's session on the auth server and clears its cookies. The cookies are cleared
 * even when the server cannot be reached: a person who signs out must be signed out here.
 */
export async function signOut(request: Request, context: AppLoadContext): Promise<Headers> {
  const supabase = getSupabase(request, context);
  const { error } = await supabase.client.auth.signOut({ scope: "local" });
  if (error) console.warn("Sign-out at the auth server failed; clearing the cookies anyway", error);
  const cleared = new Set(
    supabase.headers.getSetCookie().map((cookie) => cookie.slice(0, cookie.indexOf("="))),
  );
  const secure = new URL(request.url).protocol === "https:";
  for (const { name } of parseCookieHeader(request.headers.get("Cookie") ?? "")) {
    if (name.startsWith(sessionCookieName) && !cleared.has(name)) {
      supabase.headers.append(
        "Set-Cookie",
        serializeCookieHeader(name, "", {
          path: "/",
          maxAge: 0,
          httpOnly: true,
          secure,
          sameSite: "lax",
        }),
      );
    }
  }
  return supabase.headers;
}
