/** POST /factors/:id/challenge: a challenge the next verification of the factor answers. */
import { requireSessionUser } from "./authenticate";
import { badRequest } from "./errors";
import { loadOwnedFactor } from "./mfa-factors";
import { deleteStaleChallenges, insertChallenge } from "./mfa-factors-repository";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";

export async function challengeFactor({
  request,
  config,
  client,
  params,
}: HandlerContext): Promise<Response> {
  const caller = await requireSessionUser(config, request);
  const challenge = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    const factor = await loadOwnedFactor(tx, caller.user.id, params.id, true);
    if (factor.factor_type !== "totp") {
      throw badRequest("validation_failed", "factor_type needs to be totp, phone, or webauthn");
    }
    await deleteStaleChallenges(
      tx,
      factor.id,
      new Date(now.getTime() - config.mfa.challengeExpirySeconds * 1000),
    );
    return insertChallenge(tx, { factorId: factor.id, ip: client.ip, now });
  });
  const createdAt = Math.floor(new Date(challenge.created_at).getTime() / 1000);
  return ok(request, {
    id: challenge.id,
    type: "totp",
    expires_at: createdAt + config.mfa.challengeExpirySeconds,
  });
}
