/** SQL for auth.users and auth.identities. Every value is a bound parameter. */
import type { Queryable } from "../db";

export type JsonObject = Record<string, unknown>;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_token_new: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: JsonObject;
  raw_user_meta_data: JsonObject;
  created_at: Date;
  updated_at: Date;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: JsonObject;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email: string | null;
}

const userColumns = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
  confirmation_token, confirmation_sent_at, recovery_token, recovery_sent_at, email_change,
  email_change_token_new, email_change_sent_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, phone, phone_confirmed_at, confirmed_at,
  banned_until, deleted_at, is_anonymous`;

/** Columns a caller may change through `updateUser`; anything else is not writable here. */
export interface UserPatch {
  email?: string | null;
  encrypted_password?: string | null;
  email_confirmed_at?: Date | null;
  invited_at?: Date | null;
  confirmation_token?: string | null;
  confirmation_sent_at?: Date | null;
  recovery_token?: string | null;
  recovery_sent_at?: Date | null;
  email_change?: string | null;
  email_change_token_new?: string | null;
  email_change_sent_at?: Date | null;
  last_sign_in_at?: Date | null;
  raw_app_meta_data?: JsonObject;
  raw_user_meta_data?: JsonObject;
  role?: string | null;
  phone?: string | null;
  banned_until?: Date | null;
  deleted_at?: Date | null;
}

const patchColumns: ReadonlyArray<keyof UserPatch> = [
  "email",
  "encrypted_password",
  "email_confirmed_at",
  "invited_at",
  "confirmation_token",
  "confirmation_sent_at",
  "recovery_token",
  "recovery_sent_at",
  "email_change",
  "email_change_token_new",
  "email_change_sent_at",
  "last_sign_in_at",
  "raw_app_meta_data",
  "raw_user_meta_data",
  "role",
  "phone",
  "banned_until",
  "deleted_at",
];

const jsonColumns = new Set<keyof UserPatch>(["raw_app_meta_data", "raw_user_meta_data"]);

/** The one-time token columns a verification link can name. */
export type TokenColumn = "confirmation_token" | "recovery_token" | "email_change_token_new";

export async function findUserById(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(
    `select ${userColumns} from auth.users where id = $1${forUpdate ? " for update" : ""}`,
    [id],
  );
  return rows[0];
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(
    `select ${userColumns} from auth.users where lower(email) = lower($1) and deleted_at is null`,
    [email],
  );
  return rows[0];
}

/**
 * The user whose one-time token in `column` equals `tokenHash`. Tokens of PKCE flows are stored
 * with GoTrue's `pkce_` prefix; both spellings of the link find them.
 */
export async function findUserByToken(
  q: Queryable,
  column: TokenColumn,
  tokenHash: string,
): Promise<UserRow | undefined> {
  const bare = tokenHash.replace(/^pkce_/, "");
  if (bare === "") return undefined;
  const { rows } = await q.query<UserRow>(
    `select ${userColumns} from auth.users
      where ${column} in ($1::text, 'pkce_' || $1::text) and deleted_at is null
      for update`,
    [bare],
  );
  return rows[0];
}

export interface NewUser {
  id?: string;
  email: string | null;
  phone?: string | null;
  encryptedPassword: string | null;
  emailConfirmedAt: Date | null;
  invitedAt?: Date | null;
  appMetadata: JsonObject;
  userMetadata: JsonObject;
  role: string;
  aud: string;
  bannedUntil?: Date | null;
  now: Date;
}

export async function insertUser(q: Queryable, user: NewUser): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `insert into auth.users (id, instance_id, aud, role, email, phone, encrypted_password,
        email_confirmed_at, invited_at, raw_app_meta_data, raw_user_meta_data, banned_until,
        created_at, updated_at, is_anonymous)
     values (coalesce($1::uuid, gen_random_uuid()), '00000000-0000-0000-0000-000000000000', $2, $3,
        $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $12, false)
     returning ${userColumns}`,
    [
      user.id ?? null,
      user.aud,
      user.role,
      user.email,
      user.phone ?? null,
      user.encryptedPassword ?? "",
      user.emailConfirmedAt,
      user.invitedAt ?? null,
      JSON.stringify(user.appMetadata),
      JSON.stringify(user.userMetadata),
      user.bannedUntil ?? null,
      user.now,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into auth.users returned no row");
  return row;
}

export async function updateUser(
  q: Queryable,
  id: string,
  patch: UserPatch,
  now: Date,
): Promise<UserRow> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const column of patchColumns) {
    if (!(column in patch)) continue;
    const value = patch[column];
    params.push(jsonColumns.has(column) ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}${jsonColumns.has(column) ? "::jsonb" : ""}`);
  }
  params.push(now);
  sets.push(`updated_at = $${params.length}`);
  const { rows } = await q.query<UserRow>(
    `update auth.users set ${sets.join(", ")} where id = $1 returning ${userColumns}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new Error(`auth.users row ${id} vanished during an update`);
  return row;
}

export async function insertEmailIdentity(q: Queryable, user: UserRow, now: Date): Promise<void> {
  const identityData = {
    sub: user.id,
    email: user.email,
    email_verified: user.email_confirmed_at !== null,
    phone_verified: false,
  };
  await q.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $2::uuid, $3::jsonb, 'email', $4, $4, $4)
     on conflict (provider_id, provider) do nothing`,
    [user.id, user.id, JSON.stringify(identityData), now],
  );
}

/** Keeps the e-mail identity's data in step with the user (address, verification). */
export async function syncEmailIdentity(q: Queryable, user: UserRow, now: Date): Promise<void> {
  await q.query(
    `update auth.identities
        set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
            updated_at = $4
      where user_id = $1 and provider = 'email'`,
    [user.id, user.email, user.email_confirmed_at !== null, now],
  );
}

export async function identitiesOf(q: Queryable, userIds: string[]): Promise<IdentityRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await q.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = any($1::uuid[]) order by created_at, id`,
    [userIds],
  );
  return rows;
}

export async function listUsers(
  q: Queryable,
  page: number,
  perPage: number,
): Promise<{ rows: UserRow[]; total: number }> {
  const { rows } = await q.query<UserRow>(
    `select ${userColumns} from auth.users order by created_at desc, id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  );
  const count = await q.query<{ total: number }>("select count(*)::int as total from auth.users");
  return { rows, total: Number(count.rows[0]?.total ?? 0) };
}

export async function deleteUser(q: Queryable, id: string): Promise<void> {
  await q.query("delete from auth.users where id = $1", [id]);
}

/**
 * GoTrue's soft delete: the row stays (foreign keys keep pointing at it) but can never sign in
 * again: no address, no password, no identities, no sessions.
 */
export async function softDeleteUser(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query("delete from auth.identities where user_id = $1", [id]);
  await q.query(
    `update auth.users
        set email = null, phone = null, encrypted_password = '', confirmation_token = null,
            recovery_token = null, email_change = null, email_change_token_new = null,
            raw_user_meta_data = '{}'::jsonb, deleted_at = $2, updated_at = $2
      where id = $1`,
    [id, now],
  );
}

export async function isEmailTaken(
  q: Queryable,
  email: string,
  exceptUserId?: string,
): Promise<boolean> {
  const { rows } = await q.query<{ taken: boolean }>(
    "select exists (select from auth.users where lower(email) = lower($1) and id is distinct from $2::uuid) as taken",
    [email, exceptUserId ?? null],
  );
  return rows[0]?.taken === true;
}
