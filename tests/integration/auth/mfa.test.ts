import type { SupabaseClient } from "@supabase/supabase-js";
import { decodeJwt } from "jose";
import { authenticator } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { call, client, password, uniqueEmail } from "./support";

interface Enrolled {
  client: SupabaseClient;
  userId: string;
  email: string;
  factorId: string;
  secret: string;
}

function claimsOf(accessToken: string | undefined) {
  if (!accessToken) throw new Error("no access token");
  return decodeJwt(accessToken) as {
    aal?: string;
    amr?: { method: string; timestamp: number }[];
    session_id?: string;
  };
}

async function accessTokenOf(supabase: SupabaseClient): Promise<string> {
  const { data } = await supabase.auth.getSession();
  if (!data.session) throw new Error("not signed in");
  return data.session.access_token;
}

describe.each(availableBackends())("TOTP multi-factor authentication on %s", (backend) => {
  let stack: EmbeddedStack;
  // The auth service's clock: tests move it to expire challenges and to reach the next TOTP step.
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  const advance = (seconds: number) => {
    clockOffsetMs += seconds * 1000;
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, { auth: { now } });
  });
  afterAll(() => stack.close());

  /** What an authenticator app shows now; each call first moves on a step, as a code is accepted once. */
  function nextCode(secret: string): string {
    advance(30);
    return authenticator.clone({ epoch: now().getTime() }).generate(secret);
  }

  /** A six-digit code that is valid in no step within the drift the server allows. */
  function wrongCode(secret: string): string {
    const valid = new Set(
      [-30, 0, 30].map((shift) =>
        authenticator.clone({ epoch: now().getTime() + shift * 1000 }).generate(secret),
      ),
    );
    for (let candidate = 123456; ; candidate += 1) {
      const code = String(candidate);
      if (!valid.has(code)) return code;
    }
  }

  async function enrol(supabase: SupabaseClient, friendlyName = "Puhelin") {
    const { data, error } = await supabase.auth.mfa.enroll({ factorType: "totp", friendlyName });
    if (error) throw error;
    return data;
  }

  /** A user with a verified TOTP factor, signed in at aal2. */
  async function enrolledUser(name: string): Promise<Enrolled> {
    const email = uniqueEmail(name);
    const { client: supabase, userId } = await stack.signedInClient(email);
    const factor = await enrol(supabase);
    const verified = await supabase.auth.mfa.challengeAndVerify({
      factorId: factor.id,
      code: nextCode(factor.totp.secret),
    });
    if (verified.error) throw verified.error;
    return { client: supabase, userId, email, factorId: factor.id, secret: factor.totp.secret };
  }

  async function signIn(email: string, headers: Record<string, string> = {}) {
    const supabase = client(stack, { headers });
    const { data, error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) throw error;
    return { client: supabase, session: data.session };
  }

  it("enrols a factor with a QR code, verifies it and lifts the session to aal2", async () => {
    const email = uniqueEmail("Aino");
    const { client: supabase, userId } = await stack.signedInClient(email);
    const before = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(before.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal1" });
    const sessionId = claimsOf(await accessTokenOf(supabase)).session_id;

    const factor = await enrol(supabase);
    expect(factor).toMatchObject({ type: "totp", friendly_name: "Puhelin" });
    expect(factor.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<svg[\s\S]*<\/svg>$/);
    expect(factor.totp.qr_code).not.toContain("#");
    expect(factor.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(factor.totp.uri);
    expect(`${uri.protocol}//${uri.host}${decodeURIComponent(uri.pathname)}`).toBe(
      `otpauth://totp/Verkko:${email.toLowerCase()}`,
    );
    expect(uri.searchParams.get("secret")).toBe(factor.totp.secret);
    expect(uri.searchParams.get("issuer")).toBe("Verkko");
    const pending = await supabase.auth.mfa.listFactors();
    expect(pending.data?.all).toEqual([
      expect.objectContaining({ id: factor.id, status: "unverified", factor_type: "totp" }),
    ]);
    expect(pending.data?.totp).toEqual([]);

    const challengedAt = Math.floor(now().getTime() / 1000);
    const challenge = await supabase.auth.mfa.challenge({ factorId: factor.id });
    expect(challenge.error).toBeNull();
    expect(challenge.data).toMatchObject({ id: expect.any(String), type: "totp" });
    expect(challenge.data?.expires_at).toBeGreaterThanOrEqual(challengedAt + 300);
    expect(challenge.data?.expires_at).toBeLessThanOrEqual(challengedAt + 301);

    const verified = await supabase.auth.mfa.verify({
      factorId: factor.id,
      challengeId: challenge.data?.id ?? "",
      code: authenticator.clone({ epoch: now().getTime() }).generate(factor.totp.secret),
    });
    expect(verified.error).toBeNull();
    const claims = claimsOf(verified.data?.access_token);
    expect(claims.aal).toBe("aal2");
    expect(claims.amr?.map((entry) => entry.method)).toEqual(["totp", "password"]);
    expect(claims.session_id).toBe(sessionId);
    expect(verified.data?.refresh_token).toEqual(expect.any(String));

    const level = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal2", nextLevel: "aal2" });
    expect(level.data?.currentAuthenticationMethods[0]).toMatchObject({ method: "totp" });
    const factors = await supabase.auth.mfa.listFactors();
    expect(factors.data?.totp).toEqual([
      expect.objectContaining({ id: factor.id, friendly_name: "Puhelin", status: "verified" }),
    ]);
    const { data: user } = await supabase.auth.getUser();
    expect(user.user?.factors).toEqual([
      {
        id: factor.id,
        friendly_name: "Puhelin",
        factor_type: "totp",
        status: "verified",
        created_at: expect.any(String),
        updated_at: expect.any(String),
        phone: "",
        last_challenged_at: expect.any(String),
      },
    ]);
    const { rows } = await stack.db.query<{ secret: string }>(
      "select secret from auth.mfa_factors where user_id = $1",
      [userId],
    );
    expect(rows).toEqual([{ secret: factor.totp.secret }]);
  });

  it("refuses a wrong code, a challenge used once already and an expired challenge", async () => {
    const { client: supabase, factorId, secret } = await enrolledUser("Eino");
    const challenge = await supabase.auth.mfa.challenge({ factorId });
    const challengeId = challenge.data?.id ?? "";

    const wrong = await supabase.auth.mfa.verify({
      factorId,
      challengeId,
      code: wrongCode(secret),
    });
    expect(wrong.error).toMatchObject({ status: 422, code: "mfa_verification_failed" });

    const right = await supabase.auth.mfa.verify({ factorId, challengeId, code: nextCode(secret) });
    expect(right.error).toBeNull();
    const replayed = await supabase.auth.mfa.verify({
      factorId,
      challengeId,
      code: nextCode(secret),
    });
    expect(replayed.error).toMatchObject({ status: 422, code: "mfa_challenge_expired" });

    const late = await supabase.auth.mfa.challenge({ factorId });
    advance(301);
    const expired = await supabase.auth.mfa.verify({
      factorId,
      challengeId: late.data?.id ?? "",
      code: nextCode(secret),
    });
    expect(expired.error).toMatchObject({ status: 422, code: "mfa_challenge_expired" });
  });

  it("accepts a code once only, even for a new challenge", async () => {
    const { client: supabase, factorId, secret } = await enrolledUser("Onni");
    const code = nextCode(secret);
    expect((await supabase.auth.mfa.challengeAndVerify({ factorId, code })).error).toBeNull();
    const again = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
    expect(again.error).toMatchObject({ status: 422, code: "mfa_verification_failed" });
  });

  it("signs in at aal1 with aal2 next, and challengeAndVerify lifts the session; refresh keeps it", async () => {
    const { email, secret, factorId } = await enrolledUser("Helmi");
    const { client: supabase, session } = await signIn(email);
    const claims = claimsOf(session.access_token);
    expect(claims.aal).toBe("aal1");
    expect(claims.amr?.map((entry) => entry.method)).toEqual(["password"]);
    const level = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal2" });
    // Another device signed in with the password alone.
    const { session: otherDevice } = await signIn(email);

    const verified = await supabase.auth.mfa.challengeAndVerify({
      factorId,
      code: nextCode(secret),
    });
    expect(verified.error).toBeNull();
    expect(claimsOf(verified.data?.access_token).aal).toBe("aal2");

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const refreshedClaims = claimsOf(refreshed.data.session?.access_token);
    expect(refreshedClaims.aal).toBe("aal2");
    expect(refreshedClaims.amr?.map((entry) => entry.method)).toEqual(["totp", "password"]);

    // The refresh token from before the second factor yields nothing, let alone aal2.
    const stale = await client(stack).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(stale.error).toMatchObject({ code: "refresh_token_not_found" });
    // As in GoTrue, proving the second factor ends the user's sessions still at aal1.
    const other = await call(stack, "GET", "/user", { token: otherDevice.access_token });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: "session_not_found" });
  });

  it("needs aal2 to unenrol a verified factor or enrol another; unenrolling lowers the session", async () => {
    const { client: aal2Client, email, factorId } = await enrolledUser("Väinö");
    const { client: aal1Client } = await signIn(email);
    const refused = await aal1Client.auth.mfa.unenroll({ factorId });
    expect(refused.error).toMatchObject({ status: 422, code: "insufficient_aal" });
    const second = await aal1Client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Toinen" });
    expect(second.error).toMatchObject({ status: 403, code: "insufficient_aal" });

    const pending = await aal2Client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Uusi" });
    expect(pending.error).toBeNull();
    // An unverified factor needs no aal2, as in GoTrue.
    const dropped = await aal1Client.auth.mfa.unenroll({ factorId: pending.data?.id ?? "" });
    expect(dropped.error).toBeNull();

    const unenrolled = await aal2Client.auth.mfa.unenroll({ factorId });
    expect(unenrolled.error).toBeNull();
    expect(unenrolled.data).toEqual({ id: factorId });
    const refreshed = await aal2Client.auth.refreshSession();
    const claims = claimsOf(refreshed.data.session?.access_token);
    expect(claims.aal).toBe("aal1");
    expect(claims.amr?.map((entry) => entry.method)).toEqual(["password"]);
    expect((await aal2Client.auth.mfa.listFactors()).data?.all).toEqual([]);
    const level = await aal2Client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal1" });
  });

  it("keeps friendly names unique per user and lets abandoned enrolments expire", async () => {
    const { client: supabase } = await stack.signedInClient(uniqueEmail("Lempi"));
    await enrol(supabase, "Työpuhelin");
    const duplicate = await supabase.auth.mfa.enroll({
      factorType: "totp",
      friendlyName: "Työpuhelin",
    });
    expect(duplicate.error).toMatchObject({ status: 422, code: "mfa_factor_name_conflict" });
    advance(301);
    const retried = await supabase.auth.mfa.enroll({
      factorType: "totp",
      friendlyName: "Työpuhelin",
    });
    expect(retried.error).toBeNull();
    expect((await supabase.auth.mfa.listFactors()).data?.all).toHaveLength(1);
  });

  it("lets the service role list and delete a user's factors, and nobody else", async () => {
    const { client: supabase, userId, factorId } = await enrolledUser("Toivo");
    const admin = stack.serviceClient().auth.admin.mfa;
    const listed = await admin.listFactors({ userId });
    expect(listed.error).toBeNull();
    expect(listed.data?.factors).toEqual([
      expect.objectContaining({ id: factorId, status: "verified", factor_type: "totp" }),
    ]);

    const asUser = { token: await accessTokenOf(supabase) };
    const userList = await call(stack, "GET", `/admin/users/${userId}/factors`, asUser);
    expect(userList.status).toBe(403);
    expect(await userList.json()).toMatchObject({ code: "not_admin" });
    const userDelete = await call(
      stack,
      "DELETE",
      `/admin/users/${userId}/factors/${factorId}`,
      asUser,
    );
    expect(userDelete.status).toBe(403);

    const deleted = await admin.deleteFactor({ userId, id: factorId });
    expect(deleted.error).toBeNull();
    expect((await admin.listFactors({ userId })).data?.factors).toEqual([]);
    const again = await admin.deleteFactor({ userId, id: factorId });
    expect(again.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
    // The session the factor lifted falls back to aal1 at its next refresh.
    const refreshed = await supabase.auth.refreshSession();
    expect(claimsOf(refreshed.data.session?.access_token).aal).toBe("aal1");
  });

  it("carries on when SQL deletes the factors (recovery code, organisation admin reset)", async () => {
    const { client: supabase, userId, email } = await enrolledUser("Saima");
    await stack.db.query("delete from auth.mfa_factors where user_id = $1", [userId]);

    expect((await supabase.auth.mfa.listFactors()).data).toMatchObject({ all: [], totp: [] });
    const level = await supabase.auth.mfa.getAuthenticatorAssuranceLevel(
      await accessTokenOf(supabase),
    );
    expect(level.data).toMatchObject({ currentLevel: "aal2", nextLevel: "aal2" });
    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(claimsOf(refreshed.data.session?.access_token).aal).toBe("aal2");

    const { client: next } = await signIn(email);
    const nextLevel = await next.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(nextLevel.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal1" });
    expect((await next.auth.getUser()).data.user?.factors).toBeUndefined();
  });

  it("limits failed verifications of a factor", async () => {
    const { client: supabase, factorId, secret } = await enrolledUser("Kerttu");
    const challenge = await supabase.auth.mfa.challenge({ factorId });
    const challengeId = challenge.data?.id ?? "";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { error } = await supabase.auth.mfa.verify({
        factorId,
        challengeId,
        code: wrongCode(secret),
      });
      expect(error).toMatchObject({ status: 422, code: "mfa_verification_failed" });
    }
    const blocked = await supabase.auth.mfa.verify({
      factorId,
      challengeId,
      code: nextCode(secret),
    });
    expect(blocked.error).toMatchObject({ status: 429, code: "over_request_rate_limit" });

    advance(300);
    const later = await supabase.auth.mfa.challengeAndVerify({ factorId, code: nextCode(secret) });
    expect(later.error).toBeNull();
  });

  it("answers as GoTrue for unknown factors, other factor types, bad bodies and another IP", async () => {
    const { client: supabase, factorId, secret } = await enrolledUser("Ilmari");
    const { client: stranger } = await stack.signedInClient(uniqueEmail("Outsider"));
    const foreign = await stranger.auth.mfa.challenge({ factorId });
    expect(foreign.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
    const phone = await supabase.auth.mfa.enroll({ factorType: "phone", phone: "+358401234567" });
    expect(phone.error).toMatchObject({ status: 422, code: "mfa_phone_enroll_not_enabled" });

    const token = await accessTokenOf(supabase);
    const badType = await call(stack, "POST", "/factors", { token, body: { factor_type: "sms" } });
    expect(badType.status).toBe(400);
    const challenge = await supabase.auth.mfa.challenge({ factorId });
    const noCode = await call(stack, "POST", `/factors/${factorId}/verify`, {
      token,
      body: { challenge_id: challenge.data?.id },
    });
    expect(noCode.status).toBe(400);
    expect(await noCode.json()).toMatchObject({ code: "validation_failed" });
    const notUuid = await call(stack, "POST", "/factors/nope/challenge", { token, body: {} });
    expect(notUuid.status).toBe(404);

    const fromA = await call(stack, "POST", `/factors/${factorId}/challenge`, {
      token,
      body: {},
      headers: { "x-forwarded-for": "198.51.100.1" },
    });
    const { id } = (await fromA.json()) as { id: string };
    const fromB = await call(stack, "POST", `/factors/${factorId}/verify`, {
      token,
      body: { challenge_id: id, code: nextCode(secret) },
      headers: { "x-forwarded-for": "198.51.100.2" },
    });
    expect(fromB.status).toBe(422);
    expect(await fromB.json()).toMatchObject({ code: "mfa_ip_address_mismatch" });
  });
});
