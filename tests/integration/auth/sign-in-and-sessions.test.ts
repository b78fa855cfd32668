import bcrypt from "bcryptjs";
import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbidden } from "../../../server/embedded/auth/errors";
import type { AuthServiceOptions } from "../../../server/embedded/auth/index";
import type { EmbeddedSupabase } from "../../../server/embedded/index";
import { developmentJwtSecret } from "../../../server/embedded/keys";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack, stackUrl } from "../../helpers/embedded-stack";
import { type ClientOptions, client as baseClient, call, password, uniqueEmail } from "./support";

// One database per backend; each part talks to it through an auth service configured for what it
// checks (rate limits, a movable clock, an access hook).
describe.each(availableBackends())("signing in and sessions on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
  });
  afterAll(() => stack.close());

  /** An auth service over the stack's database, made when a test first needs it. */
  function authService(options: Partial<AuthServiceOptions>): () => EmbeddedSupabase {
    let api: EmbeddedSupabase | undefined;
    return () => {
      api ??= stack.withAuth(options);
      return api;
    };
  }

  describe("signInWithPassword", () => {
    const api = authService({
      rateLimit: { maxFailuresPerEmail: 3, maxFailuresPerIp: 6, windowSeconds: 300 },
    });
    const client = (_stack: EmbeddedStack, options: ClientOptions = {}) =>
      baseClient(stack, { embedded: api(), ...options });

    /** Every test signs in from its own address so the per-IP limit of one does not leak into another. */
    const from = (ip: string) =>
      client(stack, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });

    it("answers a session and the user for the right password", async () => {
      const email = uniqueEmail("oona");
      const { userId } = await stack.signedInClient(email);
      const { data, error } = await from("192.0.2.1").auth.signInWithPassword({ email, password });
      expect(error).toBeNull();
      expect(data.session).toMatchObject({ token_type: "bearer", expires_in: 3600 });
      expect(data.session?.refresh_token).toEqual(expect.any(String));
      expect(data.session?.expires_at).toBeGreaterThan(Date.now() / 1000);
      expect(data.user).toMatchObject({ id: userId, email, last_sign_in_at: expect.any(String) });
    });

    it("answers invalid_credentials alike for a wrong password and an unknown address", async () => {
      const email = uniqueEmail("pekka");
      await stack.signedInClient(email);
      const wrong = await from("192.0.2.2").auth.signInWithPassword({
        email,
        password: "wrong password",
      });
      const unknown = await from("192.0.2.2").auth.signInWithPassword({
        email: uniqueEmail("nobody"),
        password,
      });
      for (const { error, data } of [wrong, unknown]) {
        expect(error).toMatchObject({
          status: 400,
          code: "invalid_credentials",
          message: "Invalid login credentials",
        });
        expect(data.session).toBeNull();
      }
    });

    it("refuses a banned user", async () => {
      const email = uniqueEmail("banned");
      const { userId } = await stack.signedInClient(email);
      await stack.serviceClient().auth.admin.updateUserById(userId, { ban_duration: "24h" });
      const { error } = await from("192.0.2.3").auth.signInWithPassword({ email, password });
      expect(error).toMatchObject({ status: 400, code: "user_banned" });
    });

    it("signs in users whose bcrypt hash was written by SQL, as seeds and pgcrypto's crypt() do", async () => {
      const email = uniqueEmail("seeded");
      // pgcrypto writes $2a$; bcrypt's $2a$ and $2b$ agree for such passwords.
      const hash = (await bcrypt.hash(password, 4)).replace(/^\$2b\$/, "$2a$");
      await stack.db.query(
        `insert into auth.users (instance_id, aud, role, email, encrypted_password, email_confirmed_at)
         values ('00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', $1, $2, now())`,
        [email, hash],
      );
      const { data, error } = await from("192.0.2.4").auth.signInWithPassword({ email, password });
      expect(error).toBeNull();
      expect(data.user?.app_metadata).toMatchObject({ provider: "email", providers: ["email"] });
    });

    it("limits failed attempts per e-mail address, whichever address they come from", async () => {
      const email = uniqueEmail("target");
      await stack.signedInClient(email);
      for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        const { error } = await from(ip).auth.signInWithPassword({ email, password: "guess" });
        expect(error?.code).toBe("invalid_credentials");
      }
      const limited = await from("198.51.100.4").auth.signInWithPassword({ email, password });
      expect(limited.error).toMatchObject({ status: 429, code: "over_request_rate_limit" });

      // Someone else on one of those addresses is not affected.
      const other = uniqueEmail("bystander");
      await stack.signedInClient(other);
      const bystander = await from("198.51.100.1").auth.signInWithPassword({
        email: other,
        password,
      });
      expect(bystander.error).toBeNull();
    });

    it("limits failed attempts per IP address, across e-mail addresses", async () => {
      const attacker = from("203.0.113.66");
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const { error } = await attacker.auth.signInWithPassword({
          email: uniqueEmail("spray"),
          password,
        });
        expect(error?.code).toBe("invalid_credentials");
      }
      const email = uniqueEmail("victim");
      await stack.signedInClient(email);
      const blocked = await attacker.auth.signInWithPassword({ email, password });
      expect(blocked.error).toMatchObject({ status: 429, code: "over_request_rate_limit" });
      const elsewhere = await from("203.0.113.67").auth.signInWithPassword({ email, password });
      expect(elsewhere.error).toBeNull();
    });

    it("forgets an address's earlier failures once its owner signs in", async () => {
      const email = uniqueEmail("typo");
      await stack.signedInClient(email);
      const person = from("192.0.2.50");
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await person.auth.signInWithPassword({ email, password: "typo" });
      }
      expect((await person.auth.signInWithPassword({ email, password })).error).toBeNull();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await person.auth.signInWithPassword({ email, password: "typo" });
      }
      expect((await person.auth.signInWithPassword({ email, password })).error).toBeNull();
    });
  });

  describe("sessions and tokens", () => {
    // The reuse interval is GoTrue's 10 s; the tests move this clock instead of waiting.
    let clockOffsetMs = 0;
    const api = authService({
      now: () => new Date(Date.now() + clockOffsetMs),
      refreshTokenReuseIntervalSeconds: 10,
    });
    const client = (_stack: EmbeddedStack, options: ClientOptions = {}) =>
      baseClient(stack, { embedded: api(), ...options });

    async function signIn(name: string) {
      const email = uniqueEmail(name);
      const { userId } = await stack.signedInClient(email);
      const supabase = client(stack);
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error || !data.session) throw error ?? new Error("no session");
      return { supabase, session: data.session, userId, email };
    }

    it("puts Supabase's claim set in the access token", async () => {
      const { session, userId, email } = await signIn("claims");
      expect(decodeProtectedHeader(session.access_token)).toMatchObject({
        alg: "HS256",
        typ: "JWT",
      });
      const claims = decodeJwt(session.access_token);
      expect(claims).toMatchObject({
        iss: `${stackUrl}/auth/v1`,
        sub: userId,
        aud: "authenticated",
        role: "authenticated",
        email,
        phone: "",
        app_metadata: { provider: "email", providers: ["email"] },
        user_metadata: { email, email_verified: true },
        aal: "aal1",
        amr: [{ method: "password", timestamp: expect.any(Number) }],
        session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        is_anonymous: false,
      });
      expect(claims.exp).toBe(session.expires_at);
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    });

    it("answers the user for a valid token with getUser", async () => {
      const { supabase, userId } = await signIn("getuser");
      const { data, error } = await supabase.auth.getUser();
      expect(error).toBeNull();
      expect(data.user?.id).toBe(userId);
    });

    it("rotates the refresh token on every refresh", async () => {
      const { supabase, session } = await signIn("rotate");
      const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
      expect(first.error).toBeNull();
      const rotated = first.data.session;
      expect(rotated?.refresh_token).not.toBe(session.refresh_token);
      expect(decodeJwt(rotated?.access_token ?? "").session_id).toBe(
        decodeJwt(session.access_token).session_id,
      );
      const { rows } = await stack.db.query<{
        token: string;
        parent: string | null;
        revoked: boolean;
      }>(
        "select token, parent, revoked from auth.refresh_tokens where session_id = $1 order by id",
        [decodeJwt(session.access_token).session_id],
      );
      expect(rows).toEqual([
        { token: session.refresh_token, parent: null, revoked: true },
        { token: rotated?.refresh_token, parent: session.refresh_token, revoked: false },
      ]);
    });

    it("gives a client that lost a refresh answer the same new token within the reuse interval", async () => {
      const { supabase, session } = await signIn("retry");
      const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
      const retried = await client(stack).auth.refreshSession({
        refresh_token: session.refresh_token,
      });
      expect(retried.error).toBeNull();
      expect(retried.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
    });

    it("answers two concurrent refreshes of one token with the same new token", async () => {
      const { session } = await signIn("concurrent");
      const [one, two] = await Promise.all([
        client(stack).auth.refreshSession({ refresh_token: session.refresh_token }),
        client(stack).auth.refreshSession({ refresh_token: session.refresh_token }),
      ]);
      expect(one.error).toBeNull();
      expect(two.error).toBeNull();
      expect(one.data.session?.refresh_token).toBe(two.data.session?.refresh_token);
    });

    it("ends the whole session when a revoked refresh token is replayed after the interval", async () => {
      const { supabase, session } = await signIn("replay");
      const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
      const second = await supabase.auth.refreshSession({
        refresh_token: first.data.session?.refresh_token ?? "",
      });
      const current = second.data.session;
      if (!current) throw new Error("no session after two refreshes");

      clockOffsetMs = 11_000;
      try {
        const replay = await client(stack).auth.refreshSession({
          refresh_token: session.refresh_token,
        });
        expect(replay.error).toMatchObject({ status: 400, code: "refresh_token_already_used" });

        // The legitimate holder's newest token is dead too, and so is their access token.
        const newest = await client(stack).auth.refreshSession({
          refresh_token: current.refresh_token,
        });
        expect(newest.error).toMatchObject({ status: 400, code: "refresh_token_already_used" });
        const { error } = await client(stack).auth.getUser(current.access_token);
        expect(error?.name).toBe("AuthSessionMissingError");
      } finally {
        clockOffsetMs = 0;
      }
    });

    it("answers refresh_token_not_found for a token it never issued", async () => {
      const { error } = await client(stack).auth.refreshSession({ refresh_token: "made-up-token" });
      expect(error).toMatchObject({ status: 400, code: "refresh_token_not_found" });
    });

    it("signs out locally: this session's tokens stop working, other sessions keep theirs", async () => {
      const { supabase, session, email } = await signIn("local");
      const other = client(stack);
      const otherSession = (await other.auth.signInWithPassword({ email, password })).data.session;

      expect((await supabase.auth.signOut({ scope: "local" })).error).toBeNull();
      const refused = await client(stack).auth.getUser(session.access_token);
      expect(refused.error?.name).toBe("AuthSessionMissingError");
      expect(
        (await client(stack).auth.refreshSession({ refresh_token: session.refresh_token })).error
          ?.code,
      ).toBe("refresh_token_not_found");
      expect((await client(stack).auth.getUser(otherSession?.access_token)).error).toBeNull();
    });

    it("signs out the others: only the calling session survives", async () => {
      const { supabase, session, email } = await signIn("others");
      const other = (await client(stack).auth.signInWithPassword({ email, password })).data.session;
      expect((await supabase.auth.signOut({ scope: "others" })).error).toBeNull();
      expect((await client(stack).auth.getUser(session.access_token)).error).toBeNull();
      expect((await client(stack).auth.getUser(other?.access_token)).error?.name).toBe(
        "AuthSessionMissingError",
      );
    });

    it("signs out globally: every session of the user ends", async () => {
      const { supabase, session, email } = await signIn("global");
      const other = (await client(stack).auth.signInWithPassword({ email, password })).data.session;
      expect((await supabase.auth.signOut()).error).toBeNull();
      for (const token of [session.access_token, other?.access_token]) {
        expect((await client(stack).auth.getUser(token)).error?.name).toBe(
          "AuthSessionMissingError",
        );
      }
      const { rows } = await stack.db.query("select 1 from auth.sessions where user_id = $1", [
        decodeJwt(session.access_token).sub,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe("GoTrue's protocol", () => {
    const api = authService({
      hooks: {
        // What an organisation's deactivation will plug in: refuse, and access ends at once.
        async checkAccess(user) {
          if (user.raw_app_meta_data.deactivated === true) {
            throw forbidden("user_banned", "Organisation deactivated");
          }
        },
      },
    });
    const client = (_stack: EmbeddedStack, options: ClientOptions = {}) =>
      baseClient(stack, { embedded: api(), ...options });
    const request = (method: string, path: string, options: Parameters<typeof call>[3] = {}) =>
      call(stack, method, path, { embedded: api(), ...options });

    it("answers /health and /settings", async () => {
      expect(await (await request("GET", "/health")).json()).toMatchObject({ name: "GoTrue" });
      expect(await (await request("GET", "/settings")).json()).toMatchObject({
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
      const response = await request(method, path, { body });
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
      const response = await request("POST", path, { body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "validation_failed",
        message: expect.any(String),
      });
    });

    it("answers an unknown grant type and an unknown path with 4xx", async () => {
      const grant = await request("POST", "/token?grant_type=magic", { body: {} });
      expect(grant.status).toBe(400);
      expect(await grant.json()).toMatchObject({ error: "unsupported_grant_type" });
      expect((await request("GET", "/nowhere")).status).toBe(404);
      expect((await request("DELETE", "/signup")).status).toBe(405);
    });

    it("uses the pre-2024 error shape for clients that do not ask for an API version", async () => {
      const response = await api().fetch(`${stackUrl}/auth/v1/token?grant_type=password`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: uniqueEmail("legacy"), password }),
      });
      expect(response.headers.get("x-supabase-api-version")).toBeNull();
      expect(await response.json()).toEqual({
        code: 400,
        error_code: "invalid_credentials",
        msg: "Invalid login credentials",
      });
    });

    it("refuses /user without a token, with a forged token and with an expired one", async () => {
      const missing = await request("GET", "/user");
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
        const response = await request("GET", "/user", { token });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: "bad_jwt" });
      }
      const { error } = await client(stack).auth.getUser(expired);
      expect(error).toMatchObject({ status: 403, code: "bad_jwt" });
    });

    it("refuses the anon key at /user, which has no user in it", async () => {
      const response = await request("GET", "/user", { token: stack.embedded.keys.anonKey });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "bad_jwt" });
    });

    it("lets the access hook end a user's access everywhere at once", async () => {
      const email = uniqueEmail("deactivated");
      const { userId } = await stack.signedInClient(email);
      const supabase = client(stack);
      const session = (await supabase.auth.signInWithPassword({ email, password })).data.session;
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
});
