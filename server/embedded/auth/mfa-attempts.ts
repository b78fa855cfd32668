/**
 * Verification attempts per factor (embedded.mfa_verification_attempts). A six-digit code falls to
 * guessing without a limit, so failures since the factor's last success within a window are
 * counted; and a code, once accepted, is never accepted again (RFC 6238 section 5.2), even for a
 * fresh challenge within its 90 seconds of validity. GoTrue limits per IP address only and lets
 * a code be reused.
 */
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { totpStepSeconds } from "./totp";

interface AttemptState {
  failures: number;
  /** The newest time step whose code was accepted, if any is still on record. */
  lastAcceptedStep: number | null;
}

export async function attemptState(
  config: AuthConfig,
  q: Queryable,
  factorId: string,
): Promise<AttemptState> {
  const since = new Date(config.now().getTime() - config.mfa.verifyWindowSeconds * 1000);
  const { rows } = await q.query<{ failures: number; last_step: string | null }>(
    `select
       (select count(*)::int from embedded.mfa_verification_attempts a
         where a.factor_id = $1 and not a.succeeded and a.at > $2
           and a.at > coalesce((select max(s.at) from embedded.mfa_verification_attempts s
                                 where s.factor_id = $1 and s.succeeded), $2)) as failures,
       (select max(time_step)::text from embedded.mfa_verification_attempts
         where factor_id = $1 and succeeded) as last_step`,
    [factorId, since],
  );
  const row = rows[0];
  return {
    failures: Number(row?.failures ?? 0),
    lastAcceptedStep: row?.last_step == null ? null : Number(row.last_step),
  };
}

export function isOverVerifyLimit(config: AuthConfig, state: AttemptState): boolean {
  return state.failures >= config.mfa.maxVerifyFailures;
}

export async function recordAttempt(
  config: AuthConfig,
  q: Queryable,
  attempt: { factorId: string; succeeded: boolean; timeStep: number | null },
): Promise<void> {
  const now = config.now();
  await q.query(
    "insert into embedded.mfa_verification_attempts (factor_id, succeeded, time_step, at) values ($1, $2, $3, $4)",
    [attempt.factorId, attempt.succeeded, attempt.timeStep, now],
  );
  // What is older than both the window and a code's validity no longer decides anything; the
  // newest success stays, since it is what refuses a replayed code.
  const keepSeconds = Math.max(config.mfa.verifyWindowSeconds, 4 * totpStepSeconds);
  await q.query(
    `delete from embedded.mfa_verification_attempts
      where factor_id = $1 and at < $2
        and id <> coalesce((select max(id) from embedded.mfa_verification_attempts
                             where factor_id = $1 and succeeded), 0)`,
    [attempt.factorId, new Date(now.getTime() - keepSeconds * 1000)],
  );
}
