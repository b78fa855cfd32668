/** Users and identities in the JSON shape GoTrue answers with (models.User, models.Identity). */
import type { Queryable } from "../db";
import { type FactorRow, factorJson, factorsOf } from "./mfa-factors-repository";
import { type IdentityRow, type JsonObject, type UserRow, identitiesOf } from "./users-repository";

const iso = (value: Date | null): string | undefined =>
  value ? new Date(value).toISOString() : undefined;

/** What GoTrue puts in app_metadata and the JWT: the provider fields always present. */
export function appMetadataOf(user: UserRow): JsonObject {
  return { provider: "email", providers: ["email"], ...user.raw_app_meta_data };
}

export function identityJson(identity: IdentityRow): JsonObject {
  return {
    identity_id: identity.id,
    id: identity.provider_id,
    user_id: identity.user_id,
    identity_data: identity.identity_data,
    provider: identity.provider,
    last_sign_in_at: iso(identity.last_sign_in_at),
    created_at: iso(identity.created_at),
    updated_at: iso(identity.updated_at),
    email: identity.email ?? undefined,
  };
}

/**
 * GoTrue leaves unset timestamps out of the JSON and writes missing e-mail/phone as "". MFA
 * factors (any status) appear as `factors`, which GoTrue omits when there are none.
 */
export function userJson(
  user: UserRow,
  identities: IdentityRow[],
  factors: FactorRow[] = [],
): JsonObject {
  const ownFactors = factors.filter((factor) => factor.user_id === user.id).map(factorJson);
  const json: JsonObject = {
    id: user.id,
    aud: user.aud ?? "",
    role: user.role ?? "",
    email: user.email ?? "",
    email_confirmed_at: iso(user.email_confirmed_at),
    invited_at: iso(user.invited_at),
    phone: user.phone ?? "",
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change || undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: appMetadataOf(user),
    user_metadata: user.raw_user_meta_data,
    identities: identities.filter((identity) => identity.user_id === user.id).map(identityJson),
    factors: ownFactors.length > 0 ? ownFactors : undefined,
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    deleted_at: iso(user.deleted_at),
    is_anonymous: user.is_anonymous,
  };
  // JSON.stringify drops undefined members, as Go's omitempty does.
  return json;
}

export async function loadUserJson(q: Queryable, user: UserRow): Promise<JsonObject> {
  return userJson(user, await identitiesOf(q, [user.id]), await factorsOf(q, [user.id]));
}

export async function loadUsersJson(q: Queryable, users: UserRow[]): Promise<JsonObject[]> {
  const ids = users.map((user) => user.id);
  const identities = await identitiesOf(q, ids);
  const factors = await factorsOf(q, ids);
  return users.map((user) => userJson(user, identities, factors));
}
