import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbidden } from "../../../server/embedded/auth/errors";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { call, client, password, uniqueEmail } from "./support";

describe.each(availableBackends())("GoTrue's protocol on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, {
      auth: {
        hooks: {
          // What an organisation's deactivation will plug in: refuse, and access ends at once.
          async checkAccess(user) {
            if (user.raw_app_meta_data.deactivated === true) {
              throw forbidden("user_banned", "Organisation deactivated");
            }
          },
        },
      },
    });
  });
  afterAll(() => stack.close());

  it("answers /health and /settings", async () => {
    expect(await (await call(stack, "GET", "/health")).json()).toMatchObject({ name: "GoTrue" });
    expect(await (await call(stack, "GET", "/settings")).json()).toMatchObject({
      external: { email: true },
      disable_signup: false,
      mailer_autoconfirm: false,
    });
  });

  it.each([
    ["POST", "/signup", "{not json"],
    ["POST", "/token?grant_type=password", "[1,2"],
    ["POST", "/verify", "nul"],
    ["POST", "/recover", "{"],
  ])("answers 400 bad_json to malformed JSON on %s %s", async (method, path, body) => {
    const response = await call(stack, method, path, { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_json" });
  });

  it.each([
    ["/signup", { email: 42, password }],
    ["/signup", { email: "a@b.example", password, data: "not an object" }],
    ["/token?grant_type=password", { email: "a@b.example" }],
    ["/token?grant_type=password", { email: ["a@b.example"], password }],
    ["/verify", { token_hash: "abc" }],
    ["/recover", {}],
  ])("answers 400 validation_failed to a body of the wrong shape on %s", async (path, body) => {
    const response = await call(stack, "POST", path, { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "validation_failed",
      message: expect.any(String),
    });
  });

  it("answers an unknown grant type and an unknown path with 4xx", async () => {
    const grant = await call(stack, "POST", "/token?grant_type=magic", { body: {} });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect((await call(stack, "GET", "/nowhere")).status).toBe(404);
    expect((await call(stack, "DELETE", "/signup")).status).toBe(405);
  });

  it("uses the pre-2024 error shape for clients that do not ask for an API version", async () => {
    const response = await stack.embedded.fetch(
      "http://embedded.test/auth/v1/token?grant_type=password",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: uniqueEmail("legacy"), password }),
      },
    );
    expect(response.headers.get("x-supabase-api-version")).toBeNull();
    expect(await response.json()).toEqual({
      code: 400,
      error_code: "invalid_credentials",
      msg: "Invalid login credentials",
    });
  });

  it("refuses /user without a token, with a forged token and with an expired one", async () => {
    const missing = await call(stack, "GET", "/user");
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: "no_authorization" });

    const { userId } = await stack.signedInClient(uniqueEmail("forged"));
    const claims = { sub: userId, role: "authenticated", aud: "authenticated" };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("some-other-secret-that-is-long-enough-to-sign"));
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(developmentJwtSecret));
    for (const token of [forged, expired, "not-a-jwt"]) {
      const response = await call(stack, "GET", "/user", { token });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "bad_jwt" });
    }
    const { error } = await client(stack).auth.getUser(expired);
    expect(error).toMatchObject({ status: 403, code: "bad_jwt" });
  });

  it("refuses the anon key at /user, which has no user in it", async () => {
    const response = await call(stack, "GET", "/user", { token: stack.embedded.keys.anonKey });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "bad_jwt" });
  });

  it("lets the access hook end a user's access everywhere at once", async () => {
    const email = uniqueEmail("deactivated");
    const { client: supabase, userId } = await stack.signedInClient(email);
    const session = (await supabase.auth.getSession()).data.session;
    await stack
      .serviceClient()
      .auth.admin.updateUserById(userId, { app_metadata: { deactivated: true } });

    expect((await supabase.auth.getUser()).error).toMatchObject({
      status: 403,
      code: "user_banned",
    });
    const refreshed = await client(stack).auth.refreshSession({
      refresh_token: session?.refresh_token ?? "",
    });
    expect(refreshed.error).toMatchObject({ code: "user_banned" });
    const signIn = await client(stack).auth.signInWithPassword({ email, password });
    expect(signIn.error).toMatchObject({
      status: 403,
      code: "user_banned",
      message: "Organisation deactivated",
    });
  });
});
