/**
 * The Remix side of a session: app/lib/supabase.server.ts against the real embedded auth, with
 * cookies carried between requests as a browser would carry them.
 */
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  displayName,
  getSupabase,
  requireUser,
  sessionCookieName,
  signOut,
} from "~/lib/supabase.server";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../../helpers/embedded-stack";

const password = "correct horse battery staple";
const email = "tuula.testaaja@lempaala.example";

let stack: EmbeddedStack;
const authCalls: string[] = [];

beforeAll(async () => {
  stack = await startEmbeddedStack("pglite");
  const created = await stack.serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { full_name: "Tuula Testaaja" },
  });
  if (created.error) throw created.error;
});

afterAll(async () => {
  await stack?.close();
});

/** A fresh load context, as the server makes one per HTTP request, counting auth calls. */
function loadContext(): AppLoadContext {
  const fetchCounting: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    authCalls.push(`${request.method} ${url.pathname}${url.search}`);
    return stack.embedded.fetch(request);
  };
  return {
    supabase: {
      url: stackUrl,
      anonKey: stack.embedded.keys.anonKey,
      fetch: fetchCounting,
      embedded: true,
      headers: { "x-verkko-client-ip": "192.0.2.10" },
    },
  };
}

/** What a browser keeps from Set-Cookie headers: new values replace, Max-Age=0 removes. */
function applySetCookies(jar: Map<string, string>, headers: Headers): Map<string, string> {
  const next = new Map(jar);
  for (const line of headers.getSetCookie()) {
    const [pair = "", ...attributes] = line.split(";");
    const name = pair.slice(0, pair.indexOf("="));
    const value = decodeURIComponent(pair.slice(pair.indexOf("=") + 1));
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
    if (expired || value === "") next.delete(name);
    else next.set(name, value);
  }
  return next;
}

function requestWith(jar: Map<string, string>, path = "/"): Request {
  const cookie = [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
  return new Request(`http://127.0.0.1:3000${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

async function signIn(): Promise<Map<string, string>> {
  const context = loadContext();
  const supabase = getSupabase(new Request("http://127.0.0.1:3000/login"), context);
  const { error } = await supabase.client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return applySetCookies(new Map(), supabase.headers);
}

/** The session as @supabase/ssr stores it: "base64-" + base64url(JSON), maybe split in chunks. */
function readSession(jar: Map<string, string>): Record<string, unknown> {
  const whole =
    jar.get(sessionCookieName) ??
    [...jar]
      .filter(([name]) => name.startsWith(`${sessionCookieName}.`))
      .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
      .map(([, value]) => value)
      .join("");
  return JSON.parse(Buffer.from(whole.replace(/^base64-/, ""), "base64url").toString("utf8"));
}

function withSession(
  jar: Map<string, string>,
  session: Record<string, unknown>,
): Map<string, string> {
  const next = new Map([...jar].filter(([name]) => !name.startsWith(sessionCookieName)));
  next.set(
    sessionCookieName,
    `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`,
  );
  return next;
}

describe("the per-request Supabase client", () => {
  it("signs in into httpOnly cookies and knows the user on the next request", async () => {
    const context = loadContext();
    const supabase = getSupabase(new Request("http://127.0.0.1:3000/login"), context);
    const { error } = await supabase.client.auth.signInWithPassword({ email, password });
    expect(error).toBeNull();
    const setCookies = supabase.headers.getSetCookie();
    expect(setCookies.length).toBeGreaterThan(0);
    for (const line of setCookies) {
      expect(line.startsWith(sessionCookieName)).toBe(true);
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/SameSite=Lax/i);
    }
    expect(supabase.headers.get("Cache-Control")).toContain("no-store");

    const jar = applySetCookies(new Map(), supabase.headers);
    const user = await requireUser(requestWith(jar), loadContext());
    expect(user.email).toBe(email);
    expect(displayName(user)).toBe("Tuula Testaaja");
  });

  it("shares one client and one user lookup among the loaders of a request", async () => {
    const jar = await signIn();
    const context = loadContext();
    const request = requestWith(jar);
    expect(getSupabase(request, context)).toBe(getSupabase(request, context));
    authCalls.length = 0;
    const users = await Promise.all([1, 2, 3].map(() => getSupabase(request, context).getUser()));
    expect(users.map((user) => user?.email)).toEqual([email, email, email]);
    expect(authCalls).toEqual(["GET /auth/v1/user"]);
  });

  it("refreshes an expired session once per request, however many loaders ask", async () => {
    const jar = await signIn();
    const stale = withSession(jar, {
      ...readSession(jar),
      expires_at: Math.floor(Date.now() / 1000) - 60,
    });
    const context = loadContext();
    const request = requestWith(stale);
    authCalls.length = 0;
    const users = await Promise.all([1, 2].map(() => getSupabase(request, context).getUser()));
    expect(users.map((user) => user?.email)).toEqual([email, email]);
    expect(authCalls.filter((call) => call.includes("grant_type=refresh_token"))).toHaveLength(1);

    // The rotated session reaches the browser, and the next request uses it.
    const refreshed = applySetCookies(stale, getSupabase(request, context).headers);
    expect(readSession(refreshed).refresh_token).not.toBe(readSession(jar).refresh_token);
    expect((await getSupabase(requestWith(refreshed), loadContext()).getUser())?.email).toBe(email);
  });

  it("sends someone without a session to the login page, remembering where they were", async () => {
    const attempt = requireUser(requestWith(new Map(), "/networks?tab=mine"), loadContext());
    const thrown = await attempt.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fnetworks%3Ftab%3Dmine");
  });

  it("treats a forged session cookie as no session", async () => {
    const jar = await signIn();
    const session = readSession(jar);
    const forged = withSession(jar, {
      ...session,
      access_token: `${String(session.access_token).slice(0, -4)}AAAA`,
    });
    expect(await getSupabase(requestWith(forged), loadContext()).getUser()).toBeNull();
  });

  it("signs out: clears the cookies, and the old session no longer counts", async () => {
    const jar = await signIn();
    const headers = await signOut(requestWith(jar), loadContext());
    const after = applySetCookies(jar, headers);
    expect([...after.keys()].filter((name) => name.startsWith(sessionCookieName))).toEqual([]);
    // Someone who kept a copy of the cookie cannot use it after sign-out.
    expect(await getSupabase(requestWith(jar), loadContext()).getUser()).toBeNull();
  });
});
