/** /admin/* (service role only): users, and links for e-mail flows generated without sending. */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db";
import { requireAdmin } from "./authenticate";
import type { AuthConfig } from "./config";
import { badRequest, notFound, unprocessable } from "./errors";
import { parseGoDuration } from "./go-duration";
import type { EmailKind } from "./mailer";
import { issueOneTimeToken } from "./one-time-tokens";
import { assertPasswordStrength, hashPassword } from "./passwords";
import { safeRedirect } from "./redirects";
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";
import { endAllSessionsOfUser } from "./sessions";
import { initialUserMetadata } from "./signup";
import { mergeMetadata } from "./user";
import { loadUserJson, loadUsersJson } from "./user-json";
import {
  type UserPatch,
  type UserRow,
  deleteUser,
  findUserByEmail,
  findUserById,
  insertEmailIdentity,
  insertUser,
  isEmailTaken,
  listUsers,
  softDeleteUser,
  syncEmailIdentity,
  updateUser,
} from "./users-repository";
import {
  adminDeleteBody,
  adminUserBody,
  generateLinkBody,
  isUuid,
  normalizeEmail,
  parseBody,
} from "./validation";

const emailExists = () =>
  unprocessable("email_exists", "A user with this email address has already been registered");
const userNotFound = () => notFound("user_not_found", "User not found");

/** `ban_duration`: "none" lifts a ban; a Go duration bans until now + duration. */
function bannedUntil(config: AuthConfig, banDuration: string): Date | null {
  if (banDuration === "none") return null;
  const ms = parseGoDuration(banDuration);
  if (ms === undefined || ms < 0) {
    throw badRequest("validation_failed", `invalid format for ban duration: ${banDuration}`);
  }
  return new Date(config.now().getTime() + ms);
}

async function passwordHashFrom(
  config: AuthConfig,
  password: string | null | undefined,
  passwordHash: string | null | undefined,
): Promise<string | undefined> {
  if (passwordHash) {
    if (!/^\$2[aby]\$\d{2}\$.{53}$/.test(passwordHash)) {
      throw badRequest(
        "validation_failed",
        "Invalid password hash: only bcrypt hashes are supported",
      );
    }
    return passwordHash;
  }
  if (typeof password !== "string") return undefined;
  assertPasswordStrength(password, config.passwordMinLength);
  return hashPassword(password, config.bcryptCost);
}

export async function targetUser(tx: Queryable, id: string | undefined): Promise<UserRow> {
  if (!isUuid(id)) throw userNotFound();
  const user = await findUserById(tx, id, true);
  if (!user) throw userNotFound();
  return user;
}

export async function createUser({ request, config }: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const body = await parseBody(request, adminUserBody);
  if (body.phone && !body.email)
    throw badRequest("phone_provider_disabled", "Phone users are not supported");
  if (!body.email)
    throw badRequest("validation_failed", "Cannot create a user without either an email or phone");
  const email = normalizeEmail(body.email);
  const encryptedPassword = await passwordHashFrom(config, body.password, body.password_hash);
  const ban = body.ban_duration ? bannedUntil(config, body.ban_duration) : null;
  const created = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    if (await isEmailTaken(tx, email)) throw emailExists();
    if (body.id && (await findUserById(tx, body.id))) {
      throw unprocessable("validation_failed", "A user with this ID already exists");
    }
    const id = body.id ?? randomUUID();
    const confirmedAt = body.email_confirm ? now : null;
    const user = await insertUser(tx, {
      id,
      email,
      encryptedPassword: encryptedPassword ?? null,
      emailConfirmedAt: confirmedAt,
      appMetadata: { provider: "email", providers: ["email"], ...body.app_metadata },
      userMetadata: initialUserMetadata(body.user_metadata ?? {}, id, email, confirmedAt !== null),
      role: body.role ?? "authenticated",
      aud: body.aud ?? "authenticated",
      bannedUntil: ban,
      now,
    });
    await insertEmailIdentity(tx, user, now);
    return loadUserJson(tx, user);
  });
  return ok(request, created);
}

function positiveInteger(value: string | null, fallback: number, name: string): number {
  if (value === null || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw badRequest("validation_failed", `Bad ${name} parameter`);
  return number;
}

export async function listUsersHandler({
  request,
  url,
  config,
}: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const page = positiveInteger(url.searchParams.get("page"), 1, "page");
  const perPage = Math.min(positiveInteger(url.searchParams.get("per_page"), 50, "per_page"), 1000);
  const { rows, total } = await listUsers(config.db, page, perPage);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pageLink = (target: number, rel: string) =>
    `</auth/v1/admin/users?page=${target}&per_page=${perPage}>; rel="${rel}"`;
  const links =
    page < lastPage
      ? [pageLink(page + 1, "next"), pageLink(lastPage, "last")]
      : [pageLink(lastPage, "last")];
  return ok(
    request,
    { users: await loadUsersJson(config.db, rows), aud: "authenticated" },
    { "x-total-count": String(total), link: links.join(", ") },
  );
}

export async function getUserById({ request, config, params }: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const user = await targetUser(config.db, params.id);
  return ok(request, await loadUserJson(config.db, user));
}

export async function updateUserById({
  request,
  config,
  params,
}: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const body = await parseBody(request, adminUserBody);
  const email = body.email ? normalizeEmail(body.email) : undefined;
  const encryptedPassword = await passwordHashFrom(config, body.password, body.password_hash);
  const ban =
    typeof body.ban_duration === "string" ? bannedUntil(config, body.ban_duration) : undefined;
  const updated = await config.db.transaction(null, async (tx) => {
    const now = config.now();
    const user = await targetUser(tx, params.id);
    const patch: UserPatch = {};
    let metadata = user.raw_user_meta_data;
    if (body.role) patch.role = body.role;
    if (email && email !== user.email) {
      if (await isEmailTaken(tx, email, user.id)) throw emailExists();
      patch.email = email;
      patch.email_change = null;
      if ("email" in metadata) metadata = { ...metadata, email };
    }
    if (body.email_confirm === true && !user.email_confirmed_at) {
      patch.email_confirmed_at = now;
      metadata = { ...metadata, email_verified: true };
    }
    if (encryptedPassword) patch.encrypted_password = encryptedPassword;
    if (body.user_metadata) metadata = mergeMetadata(metadata, body.user_metadata);
    if (body.app_metadata)
      patch.raw_app_meta_data = mergeMetadata(user.raw_app_meta_data, body.app_metadata);
    if (ban !== undefined) patch.banned_until = ban;
    patch.raw_user_meta_data = metadata;
    const saved = await updateUser(tx, user.id, patch, now);
    if (patch.email || patch.email_confirmed_at) await syncEmailIdentity(tx, saved, now);
    // A new password or a ban ends every session at once, not when access tokens expire.
    if (encryptedPassword || (ban && ban.getTime() > now.getTime()))
      await endAllSessionsOfUser(tx, user.id);
    return loadUserJson(tx, saved);
  });
  return ok(request, updated);
}

export async function deleteUserById({
  request,
  config,
  params,
}: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const body = await parseBody(request, adminDeleteBody);
  await config.db.transaction(null, async (tx) => {
    const user = await targetUser(tx, params.id);
    await endAllSessionsOfUser(tx, user.id);
    if (body.should_soft_delete) await softDeleteUser(tx, user.id, config.now());
    else await deleteUser(tx, user.id);
  });
  return ok(request, {});
}

/** Creates the user an invitation or sign-up link is for, as GoTrue does. */
async function userForLink(
  config: AuthConfig,
  tx: Queryable,
  kind: EmailKind,
  email: string,
  options: { passwordHash: string | undefined; data: Record<string, unknown> },
): Promise<UserRow> {
  const now = config.now();
  const existing = await findUserByEmail(tx, email);
  if (kind === "recovery" || kind === "magiclink") {
    if (!existing) throw notFound("user_not_found", "User with this email not found");
    return existing;
  }
  if (existing) {
    if (existing.email_confirmed_at) throw emailExists();
    return existing;
  }
  if (kind === "signup" && !options.passwordHash) {
    throw unprocessable("validation_failed", "Signup requires a valid password");
  }
  const id = randomUUID();
  const user = await insertUser(tx, {
    id,
    email,
    encryptedPassword: options.passwordHash ?? null,
    emailConfirmedAt: null,
    invitedAt: kind === "invite" ? now : null,
    appMetadata: { provider: "email", providers: ["email"] },
    userMetadata: initialUserMetadata(options.data, id, email, false),
    role: "authenticated",
    aud: "authenticated",
    now,
  });
  await insertEmailIdentity(tx, user, now);
  return user;
}

export async function generateLink({ request, config }: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const body = await parseBody(request, generateLinkBody);
  const email = normalizeEmail(body.email);
  const redirectTo = safeRedirect(config, body.redirect_to);
  const passwordHash = await passwordHashFrom(config, body.password, undefined);
  const kind: EmailKind = body.type;
  const answer = await config.db.transaction(null, async (tx) => {
    const user = await userForLink(config, tx, kind, email, {
      passwordHash,
      data: body.data ?? {},
    });
    const issued = await issueOneTimeToken(config, tx, user, kind, {
      redirectTo,
      pkce: false,
      deliver: false,
    });
    return {
      ...(await loadUserJson(tx, issued.user)),
      action_link: issued.link,
      email_otp: issued.otp,
      hashed_token: issued.hashedToken,
      redirect_to: redirectTo,
      verification_type: kind,
    };
  });
  return ok(request, answer);
}

/** POST /invite: inviteUserByEmail. */
export async function invite({ request, url, config }: HandlerContext): Promise<Response> {
  await requireAdmin(config, request);
  const body = await parseBody(request, generateLinkBody.pick({ email: true, data: true }));
  const email = normalizeEmail(body.email);
  const redirectTo = safeRedirect(config, url.searchParams.get("redirect_to"));
  const invited = await config.db.transaction(null, async (tx) => {
    const user = await userForLink(config, tx, "invite", email, {
      passwordHash: undefined,
      data: body.data ?? {},
    });
    const issued = await issueOneTimeToken(config, tx, user, "invite", {
      redirectTo,
      pkce: false,
      deliver: true,
    });
    return loadUserJson(tx, issued.user);
  });
  return ok(request, invited);
}
