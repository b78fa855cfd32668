/**
 * Failed password sign-ins, limited per e-mail address and per IP address over a sliding window
 * (embedded.login_attempts). A successful sign-in clears the e-mail's count, so a person who
 * mistyped a few times is not locked out later; the IP count only ages out.
 */
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { tooManyRequests } from "./errors";

export async function assertLoginAllowed(
  config: AuthConfig,
  q: Queryable,
  email: string,
  ip: string,
): Promise<void> {
  const { windowSeconds, maxFailuresPerEmail, maxFailuresPerIp } = config.rateLimit;
  const since = new Date(config.now().getTime() - windowSeconds * 1000);
  const { rows } = await q.query<{ by_email: number; by_ip: number }>(
    `select
       (select count(*)::int from embedded.login_attempts a
         where a.email = $1 and a.at > $3 and not a.succeeded
           and a.at > coalesce((select max(s.at) from embedded.login_attempts s
                                 where s.email = $1 and s.succeeded and s.at > $3), $3)) as by_email,
       (select count(*)::int from embedded.login_attempts
         where ip = $2 and at > $3 and not succeeded) as by_ip`,
    [email, ip, since],
  );
  const counts = rows[0] ?? { by_email: 0, by_ip: 0 };
  if (Number(counts.by_email) >= maxFailuresPerEmail || Number(counts.by_ip) >= maxFailuresPerIp) {
    throw tooManyRequests("over_request_rate_limit", "Request rate limit reached");
  }
}

export async function recordLoginAttempt(
  config: AuthConfig,
  q: Queryable,
  attempt: { email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await q.query(
    "insert into embedded.login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)",
    [attempt.email, attempt.ip, attempt.succeeded, config.now()],
  );
}

/** Drops attempts older than the window; cheap enough to run now and then. */
export async function pruneLoginAttempts(config: AuthConfig, q: Queryable): Promise<void> {
  const before = new Date(config.now().getTime() - config.rateLimit.windowSeconds * 1000);
  await q.query("delete from embedded.login_attempts where at < $1", [before]);
}
