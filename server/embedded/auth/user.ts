/** GET /user and PUT /user: the signed-in user reads and changes their own account. */
import { requireUser } from "./authenticate";
import { badRequest, unprocessable } from "./errors";
import { issueOneTimeToken } from "./one-time-tokens";
import { assertPasswordStrength, hashPassword, verifyPassword } from "./passwords";
import { createFlowState, parsePkceChallenge } from "./pkce";
import { safeRedirect } from "./redirects";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { endSessions } from "./sessions";
import { loadUserJson } from "./user-json";
import {
  type JsonObject,
  type UserPatch,
  findUserById,
  isEmailTaken,
  syncEmailIdentity,
  updateUser,
} from "./users-repository";
import { normalizeEmail, parseBody, updateUserBody } from "./validation";

/** GoTrue's metadata update: keys merge in, a null value removes its key. */
export function mergeMetadata(current: JsonObject, updates: JsonObject): JsonObject {
  const merged: JsonObject = { ...current };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export async function getUser({ request, config }: HandlerContext): Promise<Response> {
  const { user } = await requireUser(config, request);
  return ok(request, await loadUserJson(config.db, user));
}

export async function updateCurrentUser({
  request,
  url,
  config,
}: HandlerContext): Promise<Response> {
  const caller = await requireUser(config, request);
  const body = await parseBody(request, updateUserBody);
  if (body.phone) throw badRequest("phone_provider_disabled", "Phone logins are disabled");
  const pkce = parsePkceChallenge(body.code_challenge, body.code_challenge_method);
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  const newEmail = body.email ? normalizeEmail(body.email) : undefined;

  let passwordHash: string | undefined;
  if (typeof body.password === "string") {
    assertPasswordStrength(body.password, config.passwordMinLength);
    if (await verifyPassword(body.password, caller.user.encrypted_password, config.bcryptCost)) {
      throw unprocessable(
        "same_password",
        "New password should be different from the old password.",
      );
    }
    passwordHash = await hashPassword(body.password, config.bcryptCost);
  }

  const updated = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    const user = await findUserById(tx, caller.user.id, true);
    if (!user) throw unprocessable("user_not_found", "User not found");
    const patch: UserPatch = {};
    let metadata = user.raw_user_meta_data;
    if (body.data) metadata = mergeMetadata(metadata, body.data);
    if (passwordHash) {
      patch.encrypted_password = passwordHash;
      // A new password voids links sent for the old one.
      patch.confirmation_token = null;
      patch.recovery_token = null;
    }
    let emailChangePending = false;
    if (newEmail && newEmail !== user.email) {
      if (await isEmailTaken(tx, newEmail, user.id)) {
        throw unprocessable(
          "email_exists",
          "A user with this email address has already been registered",
        );
      }
      if (config.mailerAutoconfirm) {
        patch.email = newEmail;
        if ("email" in metadata) metadata = { ...metadata, email: newEmail };
      } else {
        patch.email_change = newEmail;
        emailChangePending = true;
      }
    }
    patch.raw_user_meta_data = metadata;
    let saved = await updateUser(tx, user.id, patch, now);
    if (patch.email) await syncEmailIdentity(tx, saved, now);
    if (passwordHash) {
      // Someone who knew the old password should not stay signed in elsewhere.
      await endSessions(tx, user.id, "others", caller.session?.id);
    }
    if (emailChangePending) {
      if (pkce) await createFlowState(tx, { userId: user.id, pkce, method: "email_change", now });
      saved = (
        await issueOneTimeToken(config, tx, saved, "email_change", {
          redirectTo,
          pkce: pkce !== undefined,
          deliver: true,
        })
      ).user;
    }
    return loadUserJson(tx, saved);
  });
  return ok(request, updated);
}
