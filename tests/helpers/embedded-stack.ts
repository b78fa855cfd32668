/** The embedded Supabase API on a fresh migrated database, with real supabase-js clients. */
import { type SupabaseClient, createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import type { Database } from "../../server/embedded/db";
import { createAuthService } from "../../server/embedded/auth/index";
import {
  type AuthSettings,
  type EmbeddedSupabase,
  composeEmbeddedSupabase,
  createEmbeddedSupabase,
} from "../../server/embedded/index";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { type Backend, openMigratedDatabase } from "./databases";

/** Never contacted: every request goes through the in-process fetch. */
export const stackUrl = "http://embedded.test";

export interface EmbeddedStack {
  backend: Backend;
  db: Database;
  embedded: EmbeddedSupabase;
  /** A supabase-js client with the anon key (no session yet). */
  anonClient(): SupabaseClient;
  serviceClient(): SupabaseClient;
  /** Creates a confirmed user through the admin API and returns a client signed in as them. */
  signedInClient(
    email: string,
    password?: string,
  ): Promise<{ client: SupabaseClient; userId: string }>;
  /** The same API and database with an auth service built from other options (e.g. autoconfirm). */
  withAuth(auth: AuthTestOptions): EmbeddedSupabase;
  close(): Promise<void>;
}

export function clientFor(
  embedded: EmbeddedSupabase,
  key: string,
  schema = "public",
): SupabaseClient {
  const client = createClient(stackUrl, key, {
    db: { schema },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: embedded.fetch },
    realtime: { transport: WebSocket as never },
  });
  // Untyped tables either way; only the schema name's type parameter differs.
  return client as unknown as SupabaseClient;
}

export type AuthTestOptions = AuthSettings;

/** Cheap bcrypt for tests: cost 10 would spend most of a suite's time hashing. */
export const testAuthOptions: AuthTestOptions = { bcryptCost: 4 };

/**
 * `setupSql` (tables, policies, data a test file needs beyond the migrations) runs as the owner
 * before the REST schema cache is read. `auth` overrides the auth service's options (bcrypt cost
 * 4 unless given). `wrapDatabase` hands the embedded services a wrapper around the database (to
 * watch the statements they run, say); the stack's own `db` stays unwrapped.
 */
export async function startEmbeddedStack(
  backend: Backend,
  options: {
    setupSql?: string;
    auth?: AuthTestOptions;
    wrapDatabase?: (db: Database) => Database;
    /** Schemas the REST API exposes; the first is the clients' default. */
    schemas?: string[];
  } = {},
): Promise<EmbeddedStack> {
  const db = await openMigratedDatabase(backend);
  if (options.setupSql) await db.exec(options.setupSql);
  const keys = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const servicesDb = options.wrapDatabase ? options.wrapDatabase(db) : db;
  const embedded = await createEmbeddedSupabase({
    db: servicesDb,
    keys,
    siteUrl: stackUrl,
    auth: { ...testAuthOptions, ...options.auth },
    schemas: options.schemas,
  });
  const schema = options.schemas?.[0] ?? "public";
  const stack: EmbeddedStack = {
    backend,
    db,
    embedded,
    anonClient: () => clientFor(embedded, keys.anonKey, schema),
    serviceClient: () => clientFor(embedded, keys.serviceRoleKey, schema),
    async signedInClient(email, password = "correct horse battery staple") {
      const admin = stack.serviceClient();
      const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
      if (created.error) throw created.error;
      const client = stack.anonClient();
      const signedIn = await client.auth.signInWithPassword({ email, password });
      if (signedIn.error) throw signedIn.error;
      return { client, userId: created.data.user.id };
    },
    withAuth: (auth) =>
      composeEmbeddedSupabase(
        keys,
        createAuthService({
          ...testAuthOptions,
          ...options.auth,
          ...auth,
          db: servicesDb,
          keys,
          siteUrl: stackUrl,
        }),
        embedded.rest,
      ),
    close: () => db.close(),
  };
  return stack;
}
