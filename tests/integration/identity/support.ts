/**
 * People for the identity flows: real sign-ups through the admin API (so the sign-up trigger runs)
 * and real password sign-ins; an aal2 session is the same session's token with `aal: "aal2"`,
 * signed with the development secret, as the auth service will issue after a TOTP verification.
 */
import { type SupabaseClient, createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { Database } from "../../../server/embedded/db";
import { signJwt } from "../../../server/embedded/jwt";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import type { Backend } from "../../helpers/databases";
import { type EmbeddedStack, stackUrl, startEmbeddedStack } from "../../helpers/embedded-stack";

export const tampere = "d0000000-0000-4000-8000-000000000001";
export const helsinki = "d0000000-0000-4000-8000-000000000002";
export const password = "correct horse battery staple";

const organisationsSql = `
insert into public.organisations (id, name_fi, name_sv, kind) values
  ('${tampere}', 'Tampereen työllisyysalue', 'Tammerfors sysselsättningsområde', 'employment_area'),
  ('${helsinki}', 'Helsingin työllisyysalue', 'Helsingfors sysselsättningsområde', 'employment_area');
insert into public.organisation_domains (domain, organisation_id) values
  ('tampere.test', '${tampere}'), ('helsinki.test', '${helsinki}');
`;

export function startIdentityStack(backend: Backend): Promise<EmbeddedStack> {
  return startEmbeddedStack(backend, { setupSql: organisationsSql });
}

export interface Person {
  userId: string;
  email: string;
  /** Signed in with the password: aal1. */
  client: SupabaseClient;
  /** The same session after a second factor: aal2. */
  aal2: SupabaseClient;
}

interface AccessTokenClaims {
  sub: string;
  session_id: string;
  email: string;
}

function claimsOf(token: string): AccessTokenClaims {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as AccessTokenClaims;
}

/** A client of the public schema that sends `token` as the bearer, as the app's server does. */
export function clientWithToken(stack: EmbeddedStack, token: string): SupabaseClient {
  return createClient(stackUrl, stack.embedded.keys.anonKey, {
    global: { fetch: stack.embedded.fetch, headers: { Authorization: `Bearer ${token}` } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

/** Signs a person up (the trigger matches their organisation) and in. */
export async function signUp(
  stack: EmbeddedStack,
  email: string,
  metadata: Record<string, unknown> = {},
): Promise<Person> {
  const created = await stack.serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: metadata,
  });
  if (created.error) throw created.error;
  const client = stack.anonClient();
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  const claims = claimsOf(signedIn.data.session.access_token);
  const aal2Token = await signJwt(
    {
      sub: claims.sub,
      role: "authenticated",
      aud: "authenticated",
      aal: "aal2",
      amr: [{ method: "totp", timestamp: Math.floor(Date.now() / 1000) }],
      session_id: claims.session_id,
      email: claims.email,
    },
    developmentJwtSecret,
    3600,
  );
  return { userId: created.data.user.id, email, client, aal2: clientWithToken(stack, aal2Token) };
}

/** Bootstrap as the owner: what a platform admin would have done before the test begins. */
export async function makeActive(
  db: Database,
  person: Person,
  organisationId: string,
  role: "member" | "admin" = "member",
): Promise<void> {
  await db.query(
    `insert into public.organisation_members (organisation_id, user_id, role, status)
     values ($1, $2, $3, 'active')
     on conflict (organisation_id, user_id) do update set role = excluded.role, status = 'active'`,
    [organisationId, person.userId, role],
  );
  await db.query("update public.profiles set home_organisation_id = $1 where id = $2", [
    organisationId,
    person.userId,
  ]);
}

export async function makePlatformAdmin(db: Database, person: Person): Promise<void> {
  await db.query("insert into public.platform_admins (user_id) values ($1)", [person.userId]);
}

/** A verified TOTP factor, as the auth service leaves one after enrol + verify. */
export async function addVerifiedFactor(db: Database, person: Person): Promise<void> {
  await db.query(
    "insert into auth.mfa_factors (user_id, friendly_name, factor_type, status) values ($1, 'puhelin', 'totp', 'verified')",
    [person.userId],
  );
}

export async function factorCount(db: Database, person: Person): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    "select count(*)::int as count from auth.mfa_factors where user_id = $1",
    [person.userId],
  );
  return rows[0]?.count ?? -1;
}

export interface MyAccess {
  user_id: string;
  status: string | null;
  organisation_id: string | null;
  role: string | null;
  is_platform_admin: boolean;
  aal: string;
}

export async function myAccess(client: SupabaseClient): Promise<MyAccess> {
  const { data, error } = await client.rpc("my_access");
  if (error) throw error;
  return data as MyAccess;
}
