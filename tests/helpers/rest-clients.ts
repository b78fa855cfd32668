/** supabase-js clients for the REST suite: signed in by a self-minted token, no auth service needed. */
import { type SupabaseClient, createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { EmbeddedSupabase } from "../../server/embedded/index";
import { signJwt } from "../../server/embedded/jwt";
import { developmentJwtSecret } from "../../server/embedded/keys";
import { stackUrl } from "./embedded-stack";

/** The REST suite's fixture lives in its own schema, exposed as the API's default. */
export const conformanceSchema = "conformance";

export const userA = { id: "00000000-0000-4000-8000-00000000000a", email: "aino@example.test" };
export const userB = { id: "00000000-0000-4000-8000-00000000000b", email: "bertil@example.test" };

export function userToken(user: { id: string; email: string }, expiresInSeconds = 3600): Promise<string> {
  return signJwt(
    { sub: user.id, role: "authenticated", aud: "authenticated", email: user.email },
    developmentJwtSecret,
    expiresInSeconds,
  );
}

/** A client that sends `token` as the bearer on every request, as a signed-in browser would. */
export function clientWithToken(embedded: EmbeddedSupabase, token: string): SupabaseClient {
  const client = createClient(stackUrl, embedded.keys.anonKey, {
    db: { schema: conformanceSchema },
    global: { fetch: embedded.fetch, headers: { Authorization: `Bearer ${token}` } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  // Untyped tables either way; only the schema name's type parameter differs.
  return client as unknown as SupabaseClient;
}

export async function signedInAs(
  embedded: EmbeddedSupabase,
  user: { id: string; email: string },
): Promise<SupabaseClient> {
  return clientWithToken(embedded, await userToken(user));
}

/** A raw request to /rest/v1 through the in-process fetch, for headers supabase-js hides. */
export function restFetch(
  embedded: EmbeddedSupabase,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("apikey")) headers.set("apikey", embedded.keys.anonKey);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  return embedded.fetch(`${stackUrl}/rest/v1${path}`, { ...init, headers });
}
