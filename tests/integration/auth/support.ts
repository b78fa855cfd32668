/** Helpers the auth conformance tests share (not a test file itself). */
import { type SupabaseClient, createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { type OutboxEmail, readOutbox } from "../../../server/embedded/auth/index";
import type { EmbeddedSupabase } from "../../../server/embedded/index";
import { type EmbeddedStack, stackUrl } from "../../helpers/embedded-stack";

export const password = "correct horse battery staple";

/** A supabase-js client that sends extra headers (e.g. X-Forwarded-For) with every request. */
export interface ClientOptions {
  key?: string;
  headers?: Record<string, string>;
  flowType?: "implicit" | "pkce";
  /** Another auth configuration over the same database (see `stack.withAuth`). */
  embedded?: EmbeddedSupabase;
}

export function client(stack: EmbeddedStack, options: ClientOptions = {}): SupabaseClient {
  const embedded = options.embedded ?? stack.embedded;
  return createClient(stackUrl, options.key ?? embedded.keys.anonKey, {
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      flowType: options.flowType ?? "implicit",
    },
    global: { fetch: embedded.fetch, headers: options.headers ?? {} },
    realtime: { transport: WebSocket as never },
  });
}

/** A plain HTTP call to /auth/v1, for what supabase-js never sends (bad bodies, odd headers). */
export function call(
  stack: EmbeddedStack,
  method: string,
  path: string,
  options: {
    body?: string | object;
    token?: string;
    headers?: Record<string, string>;
    embedded?: EmbeddedSupabase;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    apikey: stack.embedded.keys.anonKey,
    "x-supabase-api-version": "2024-01-01",
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const embedded = options.embedded ?? stack.embedded;
  return embedded.fetch(`${stackUrl}/auth/v1${path}`, {
    method,
    headers,
    body,
    redirect: "manual",
  });
}

/** The newest e-mail to `recipient`, failing when there is none. */
export async function latestEmail(stack: EmbeddedStack, recipient: string): Promise<OutboxEmail> {
  const [email] = await readOutbox(stack.db, recipient);
  if (!email) throw new Error(`no e-mail to ${recipient} in the outbox`);
  return email;
}

export function otpOf(email: OutboxEmail): string {
  const match = /code: (\d{6})/.exec(email.body);
  if (!match?.[1]) throw new Error("no code in the e-mail");
  return match[1];
}

export function tokenHashOf(email: OutboxEmail): string {
  if (!email.link) throw new Error("no link in the e-mail");
  const token = new URL(email.link).searchParams.get("token");
  if (!token) throw new Error("no token in the link");
  return token;
}

/** Follows a verification link the way a browser would, returning where it redirects to. */
export async function followLink(stack: EmbeddedStack, link: string): Promise<URL> {
  const response = await stack.embedded.fetch(link, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 303 || !location)
    throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location);
}

let counter = 0;
/** A fresh address per test, so tests in one file do not see each other's users. */
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name}.${counter}.${Date.now().toString(36)}@example.test`;
}
