/** auth.mfa_factors and auth.mfa_challenges: rows, and factors in GoTrue's JSON shape. */
import type { Queryable } from "../db";
import type { JsonObject } from "./users-repository";

export type FactorStatus = "unverified" | "verified";

export interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: string;
  status: FactorStatus;
  /** Base32 TOTP secret, stored as GoTrue stores it without GOTRUE_SECURITY_DB_ENCRYPTION. */
  secret: string | null;
  phone: string | null;
  created_at: Date;
  updated_at: Date;
  last_challenged_at: Date | null;
}

export interface ChallengeRow {
  id: string;
  factor_id: string;
  created_at: Date;
  verified_at: Date | null;
  ip_address: string | null;
}

const factorColumns =
  "id, user_id, friendly_name, factor_type, status, secret, phone, created_at, updated_at, last_challenged_at";

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

/** models.Factor as GoTrue serialises it (the secret never leaves the server). */
export function factorJson(factor: FactorRow): JsonObject {
  return {
    id: factor.id,
    friendly_name: factor.friendly_name || undefined,
    factor_type: factor.factor_type,
    status: factor.status,
    created_at: iso(factor.created_at),
    updated_at: iso(factor.updated_at),
    phone: factor.phone ?? "",
    last_challenged_at: iso(factor.last_challenged_at),
  };
}

export async function factorsOf(q: Queryable, userIds: string[]): Promise<FactorRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await q.query<FactorRow>(
    `select ${factorColumns} from auth.mfa_factors
      where user_id = any($1::uuid[]) order by created_at, id`,
    [userIds],
  );
  return rows;
}

/** A factor of this user; another user's factor is as absent as one that does not exist. */
export async function findOwnedFactor(
  q: Queryable,
  userId: string,
  factorId: string,
  forUpdate = false,
): Promise<FactorRow | undefined> {
  const { rows } = await q.query<FactorRow>(
    `select ${factorColumns} from auth.mfa_factors where id = $1 and user_id = $2${forUpdate ? " for update" : ""}`,
    [factorId, userId],
  );
  return rows[0];
}

export async function insertTotpFactor(
  q: Queryable,
  factor: { userId: string; friendlyName: string; secret: string; now: Date },
): Promise<FactorRow> {
  const { rows } = await q.query<FactorRow>(
    `insert into auth.mfa_factors (user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
     values ($1, $2, 'totp', 'unverified', $3, $4, $4)
     returning ${factorColumns}`,
    [factor.userId, factor.friendlyName, factor.secret, factor.now],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into auth.mfa_factors returned no row");
  return row;
}

export async function deleteFactor(q: Queryable, factorId: string): Promise<void> {
  await q.query("delete from auth.mfa_factors where id = $1", [factorId]);
}

/** GoTrue's DeleteExpiredFactors: abandoned enrolments (never challenged) older than the expiry. */
export async function deleteExpiredUnverifiedFactors(
  q: Queryable,
  userId: string,
  before: Date,
): Promise<void> {
  await q.query(
    `delete from auth.mfa_factors f
      where f.user_id = $1 and f.status <> 'verified' and f.created_at < $2
        and not exists (select from auth.mfa_challenges c where c.factor_id = f.id)`,
    [userId, before],
  );
}

/** After a factor is verified, the user's other pending enrolments of its type go (as GoTrue). */
export async function deleteUnverifiedFactors(
  q: Queryable,
  userId: string,
  factorType: string,
): Promise<void> {
  await q.query(
    "delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = $2",
    [userId, factorType],
  );
}

export async function markFactorVerified(q: Queryable, factorId: string, now: Date): Promise<void> {
  await q.query("update auth.mfa_factors set status = 'verified', updated_at = $2 where id = $1", [
    factorId,
    now,
  ]);
}

export async function insertChallenge(
  q: Queryable,
  challenge: { factorId: string; ip: string; now: Date },
): Promise<ChallengeRow> {
  const { rows } = await q.query<ChallengeRow>(
    `insert into auth.mfa_challenges (factor_id, created_at, ip_address) values ($1, $2, $3)
     returning id, factor_id, created_at, verified_at, ip_address`,
    [challenge.factorId, challenge.now, challenge.ip],
  );
  await q.query("update auth.mfa_factors set last_challenged_at = $2 where id = $1", [
    challenge.factorId,
    challenge.now,
  ]);
  const row = rows[0];
  if (!row) throw new Error("insert into auth.mfa_challenges returned no row");
  return row;
}

export async function findChallenge(
  q: Queryable,
  factorId: string,
  challengeId: string,
): Promise<ChallengeRow | undefined> {
  const { rows } = await q.query<ChallengeRow>(
    `select id, factor_id, created_at, verified_at, ip_address from auth.mfa_challenges
      where id = $1 and factor_id = $2 for update`,
    [challengeId, factorId],
  );
  return rows[0];
}

export async function markChallengeVerified(
  q: Queryable,
  challengeId: string,
  now: Date,
): Promise<void> {
  await q.query("update auth.mfa_challenges set verified_at = $2 where id = $1", [
    challengeId,
    now,
  ]);
}

export async function deleteChallenge(q: Queryable, challengeId: string): Promise<void> {
  await q.query("delete from auth.mfa_challenges where id = $1", [challengeId]);
}

/** Challenges of a factor that can no longer be verified, so they do not pile up. */
export async function deleteStaleChallenges(
  q: Queryable,
  factorId: string,
  createdBefore: Date,
): Promise<void> {
  await q.query(
    "delete from auth.mfa_challenges where factor_id = $1 and (created_at < $2 or verified_at is not null)",
    [factorId, createdBefore],
  );
}
