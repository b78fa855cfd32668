/** POST /factors (enrol a TOTP factor) and DELETE /factors/:id (unenrol), as GoTrue's. */
import type { Queryable } from "../db";
import { requireSessionUser } from "./authenticate";
import { badRequest, forbidden, notFound, unprocessable } from "./errors";
import {
  type FactorRow,
  deleteExpiredUnverifiedFactors,
  deleteFactor,
  factorsOf,
  findOwnedFactor,
  insertTotpFactor,
} from "./mfa-factors-repository";
import { qrCodeSvg } from "./qr-code";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { downgradeSessionsOfFactor } from "./sessions";
import { generateTotpSecret, totpUri } from "./totp";
import { findUserById } from "./users-repository";
import { enrollFactorBody, isUuid, parseBody } from "./validation";

/** GoTrue's loadFactor: a factor of the caller, else 404 (another user's factor included). */
export async function loadOwnedFactor(
  q: Queryable,
  userId: string,
  factorId: string | undefined,
  forUpdate = false,
): Promise<FactorRow> {
  if (!isUuid(factorId)) throw notFound("validation_failed", "factor_id must be an UUID");
  const factor = await findOwnedFactor(q, userId, factorId, forUpdate);
  if (!factor) throw notFound("mfa_factor_not_found", "Factor not found");
  return factor;
}

const tooManyFactors = () =>
  unprocessable(
    "too_many_enrolled_mfa_factors",
    "Maximum number of verified factors reached, unenroll to continue",
  );

export async function enrollFactor({ request, config }: HandlerContext): Promise<Response> {
  const caller = await requireSessionUser(config, request);
  const body = await parseBody(request, enrollFactorBody);
  switch (body.factor_type) {
    case "totp":
      break;
    case "phone":
      throw unprocessable("mfa_phone_enroll_not_enabled", "MFA enroll is disabled for Phone");
    case "webauthn":
      throw unprocessable("mfa_webauthn_enroll_not_enabled", "MFA enroll is disabled for WebAuthn");
    default:
      throw badRequest("validation_failed", "factor_type needs to be totp, phone, or webauthn");
  }
  const friendlyName = body.friendly_name ?? "";
  const issuer = body.issuer || config.mfa.totpIssuer;
  const secret = generateTotpSecret();
  const uri = totpUri(issuer, caller.user.email ?? "", secret);
  const qrCode = await qrCodeSvg(uri);

  const factor = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    // One enrolment of a user at a time, so the limits below hold under concurrent requests.
    const user = await findUserById(tx, caller.user.id, true);
    if (!user) throw notFound("user_not_found", "User not found");
    await deleteExpiredUnverifiedFactors(
      tx,
      user.id,
      new Date(now.getTime() - config.mfa.factorExpirySeconds * 1000),
    );
    const factors = await factorsOf(tx, [user.id]);
    if (factors.some((existing) => (existing.friendly_name ?? "") === friendlyName)) {
      throw unprocessable(
        "mfa_factor_name_conflict",
        `A factor with the friendly name ${JSON.stringify(friendlyName)} for this user already exists`,
      );
    }
    const verified = factors.filter((existing) => existing.status === "verified").length;
    if (factors.length >= config.mfa.maxEnrolledFactors) throw tooManyFactors();
    if (verified >= config.mfa.maxVerifiedFactors) throw tooManyFactors();
    if (verified > 0 && caller.session.aal !== "aal2") {
      throw forbidden("insufficient_aal", "AAL2 required to enroll a new factor");
    }
    return insertTotpFactor(tx, { userId: user.id, friendlyName, secret, now });
  });
  return ok(request, {
    id: factor.id,
    type: "totp",
    friendly_name: factor.friendly_name ?? "",
    totp: { qr_code: qrCode, secret, uri },
  });
}

export async function unenrollFactor({
  request,
  config,
  params,
}: HandlerContext): Promise<Response> {
  const caller = await requireSessionUser(config, request);
  const factor = await loadOwnedFactor(config.db, caller.user.id, params.id);
  // The session as stored decides, not the token's claim: a session downgraded since stays aal1.
  if (factor.status === "verified" && caller.session.aal !== "aal2") {
    throw unprocessable("insufficient_aal", "AAL2 required to unenroll verified factor");
  }
  await config.db.transaction(null, async (tx) => {
    await deleteFactor(tx, factor.id);
    await downgradeSessionsOfFactor(tx, factor.id, "totp", config.now());
  });
  return ok(request, { id: factor.id });
}
