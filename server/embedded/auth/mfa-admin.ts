/** GET /admin/users/:id/factors and DELETE /admin/users/:id/factors/:factorId (service role only). */
import { targetUser } from "./admin";
import { requireAdmin } from "./authenticate";
import { loadOwnedFactor } from "./mfa-factors";
import { deleteFactor, factorJson, factorsOf } from "./mfa-factors-repository";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { downgradeSessionsOfFactor } from "./sessions";

export async function listUserFactors({
  request,
  config,
  params,
}: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const user = await targetUser(config.db, params.id);
  const factors = await factorsOf(config.db, [user.id]);
  return ok(request, factors.map(factorJson));
}

/** As GoTrue: the factor goes whatever its status, and sessions it lifted fall back to aal1. */
export async function deleteUserFactor({
  request,
  config,
  params,
}: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const deleted = await config.db.transaction(null, async (tx) => {
    const user = await targetUser(tx, params.id);
    const factor = await loadOwnedFactor(tx, user.id, params.factorId, true);
    await deleteFactor(tx, factor.id);
    await downgradeSessionsOfFactor(tx, factor.id, "totp", config.now());
    return factor;
  });
  return ok(request, factorJson(deleted));
}
