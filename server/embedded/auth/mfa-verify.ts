/**
 * POST /factors/:id/verify: the code of a challenge. Success verifies the factor (first time),
 * consumes the challenge and lifts the caller's session to aal2 with fresh tokens, as GoTrue's
 * verifyTOTPFactor; the user's sessions still at aal1 end, and pending enrolments go.
 */
import { requireSessionUser } from "./authenticate";
import { type AuthError, badRequest, forbidden, tooManyRequests, unprocessable } from "./errors";
import { attemptState, isOverVerifyLimit, recordAttempt } from "./mfa-attempts";
import { loadOwnedFactor } from "./mfa-factors";
import {
  deleteChallenge,
  deleteUnverifiedFactors,
  findChallenge,
  markChallengeVerified,
  markFactorVerified,
} from "./mfa-factors-repository";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { endSessionsBelowAal2, findLiveSession, recordSecondFactor } from "./sessions";
import { type SessionBody, lockRefreshTokensOfSession, reissueSessionTokens } from "./tokens";
import { matchTotpCode } from "./totp";
import { findUserById } from "./users-repository";
import { isUuid, parseBody, verifyFactorBody } from "./validation";

/** A refusal whose bookkeeping (a failed attempt, a deleted challenge) must still be committed. */
type VerifyOutcome =
  | { kind: "verified"; body: SessionBody }
  | { kind: "refused"; error: AuthError };

export async function verifyFactor({
  request,
  config,
  client,
  params,
}: HandlerContext): Promise<Response> {
  const caller = await requireSessionUser(config, request);
  const body = await parseBody(request, verifyFactorBody);
  const code = body.code?.trim() ?? "";
  if (code === "") throw badRequest("validation_failed", "Code needs to be non-empty");
  const challengeId = body.challenge_id ?? undefined;
  if (!isUuid(challengeId)) throw badRequest("validation_failed", "challenge_id must be an UUID");

  const outcome = await config.db.transaction<VerifyOutcome>(null, async (tx) => {
    const now = config.now();
    // The factor's row lock serialises its verifications, so the attempt limit holds under
    // concurrent guesses.
    const factor = await loadOwnedFactor(tx, caller.user.id, params.id, true);
    if (factor.factor_type !== "totp") {
      throw badRequest("validation_failed", "factor_type needs to be totp, phone, or webauthn");
    }
    const attempts = await attemptState(config, tx, factor.id);
    if (isOverVerifyLimit(config, attempts)) {
      throw tooManyRequests(
        "over_request_rate_limit",
        "Too many MFA verification attempts, try again later",
      );
    }
    const challenge = await findChallenge(tx, factor.id, challengeId);
    if (!challenge) {
      throw unprocessable(
        "mfa_factor_not_found",
        "MFA factor with the provided challenge ID not found",
      );
    }
    if (challenge.verified_at) {
      throw unprocessable(
        "mfa_challenge_expired",
        `MFA challenge ${challenge.id} has already been verified, create a new challenge.`,
      );
    }
    if (challenge.ip_address !== client.ip) {
      throw unprocessable("mfa_ip_address_mismatch", "Challenge and verify IP addresses mismatch.");
    }
    const expiresAt =
      new Date(challenge.created_at).getTime() + config.mfa.challengeExpirySeconds * 1000;
    if (now.getTime() > expiresAt) {
      await deleteChallenge(tx, challenge.id);
      return {
        kind: "refused",
        error: unprocessable(
          "mfa_challenge_expired",
          `MFA challenge ${challenge.id} has expired, verify against another challenge or create a new challenge.`,
        ),
      };
    }

    // A factor written by SQL without a secret (a fixture, say) can never be verified.
    const step = factor.secret ? matchTotpCode(code, factor.secret, now) : undefined;
    const replayed =
      step !== undefined && attempts.lastAcceptedStep !== null && step <= attempts.lastAcceptedStep;
    if (step === undefined || replayed) {
      await recordAttempt(config, tx, {
        factorId: factor.id,
        succeeded: false,
        timeStep: step ?? null,
      });
      return {
        kind: "refused",
        error: unprocessable("mfa_verification_failed", "Invalid TOTP code entered"),
      };
    }
    await recordAttempt(config, tx, { factorId: factor.id, succeeded: true, timeStep: step });
    await markChallengeVerified(tx, challenge.id, now);
    if (factor.status !== "verified") await markFactorVerified(tx, factor.id, now);

    await lockRefreshTokensOfSession(tx, caller.session.id);
    const session = await findLiveSession(tx, caller.session.id, now, true);
    if (!session) {
      throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    }
    const raised = await recordSecondFactor(tx, session, {
      method: "totp",
      factorId: factor.id,
      now,
    });
    await endSessionsBelowAal2(tx, caller.user.id);
    await deleteUnverifiedFactors(tx, caller.user.id, "totp");
    const user = await findUserById(tx, caller.user.id);
    if (!user) throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
    return { kind: "verified", body: await reissueSessionTokens(config, tx, user, raised) };
  });
  if (outcome.kind === "refused") throw outcome.error;
  return ok(request, outcome.body);
}
