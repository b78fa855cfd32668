import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../../../server/embedded/auth/index";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack, stackUrl } from "../../helpers/embedded-stack";
import {
  client,
  followLink,
  latestEmail,
  otpOf,
  password,
  tokenHashOf,
  uniqueEmail,
} from "./support";

describe.each(availableBackends())("sign-up and the account on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, { auth: { emailMinIntervalSeconds: 0 } });
  });
  afterAll(() => stack.close());

  it("returns the user without a session and puts a confirmation e-mail in the outbox", async () => {
    const email = uniqueEmail("Mira");
    const { data, error } = await client(stack).auth.signUp({
      email,
      password,
      options: { data: { full_name: "Mira Mallikas" }, emailRedirectTo: `${stackUrl}/welcome` },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({
      email: email.toLowerCase(),
      aud: "authenticated",
      role: "authenticated",
      user_metadata: { full_name: "Mira Mallikas", email_verified: false },
      app_metadata: { provider: "email", providers: ["email"] },
    });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.confirmation_sent_at).toEqual(expect.any(String));
    expect(data.user?.identities).toHaveLength(1);

    const mail = await latestEmail(stack, email);
    expect(mail).toMatchObject({ kind: "signup", subject: "Confirm Your Signup" });
    const link = new URL(mail.link ?? "");
    expect(link.href.startsWith(`${stackUrl}/auth/v1/verify?`)).toBe(true);
    expect(link.searchParams.get("type")).toBe("signup");
    expect(link.searchParams.get("redirect_to")).toBe(`${stackUrl}/welcome`);
  });

  it("refuses to sign in before the e-mail is confirmed, and signs in after the link is followed", async () => {
    const email = uniqueEmail("vilho");
    const supabase = client(stack);
    await supabase.auth.signUp({
      email,
      password,
      options: { emailRedirectTo: `${stackUrl}/welcome` },
    });

    const early = await supabase.auth.signInWithPassword({ email, password });
    expect(early.error).toMatchObject({
      status: 400,
      code: "email_not_confirmed",
      message: "Email not confirmed",
    });

    const landing = await followLink(stack, (await latestEmail(stack, email)).link ?? "");
    expect(`${landing.origin}${landing.pathname}`).toBe(`${stackUrl}/welcome`);
    const fragment = new URLSearchParams(landing.hash.slice(1));
    expect(fragment.get("type")).toBe("signup");
    expect(fragment.get("token_type")).toBe("bearer");
    const fromLink = await supabase.auth.getUser(fragment.get("access_token") ?? "");
    expect(fromLink.data.user?.email).toBe(email);
    expect(fromLink.data.user?.email_confirmed_at).toEqual(expect.any(String));

    const later = await supabase.auth.signInWithPassword({ email, password });
    expect(later.error).toBeNull();
    expect(later.data.session?.access_token).toEqual(expect.any(String));
  });

  it("accepts a link only once, and reports a spent link to the page it redirects to", async () => {
    const email = uniqueEmail("kerttu");
    await client(stack).auth.signUp({ email, password });
    const link = (await latestEmail(stack, email)).link ?? "";
    await followLink(stack, link);
    const again = await followLink(stack, link);
    const fragment = new URLSearchParams(again.hash.slice(1));
    expect(fragment.get("error_code")).toBe("otp_expired");
    expect(fragment.get("access_token")).toBeNull();
  });

  it("verifies the six-digit code or the token hash with verifyOtp", async () => {
    const byCode = uniqueEmail("eino");
    const supabase = client(stack);
    await supabase.auth.signUp({ email: byCode, password });
    const wrong = await supabase.auth.verifyOtp({ email: byCode, token: "000000", type: "email" });
    expect(wrong.error).toMatchObject({ status: 403, code: "otp_expired" });
    const code = otpOf(await latestEmail(stack, byCode));
    const verified = await supabase.auth.verifyOtp({ email: byCode, token: code, type: "email" });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.email).toBe(byCode);

    const byHash = uniqueEmail("helmi");
    await supabase.auth.signUp({ email: byHash, password });
    const tokenHash = tokenHashOf(await latestEmail(stack, byHash));
    const hashed = await supabase.auth.verifyOtp({ token_hash: tokenHash, type: "signup" });
    expect(hashed.error).toBeNull();
    expect(hashed.data.user?.email_confirmed_at).toEqual(expect.any(String));
  });

  it("completes a PKCE sign-up (@supabase/ssr's flow) with a code exchanged for a session", async () => {
    const email = uniqueEmail("pkce");
    const supabase = client(stack, { flowType: "pkce" });
    const { error } = await supabase.auth.signUp({
      email,
      password,
      options: { emailRedirectTo: `${stackUrl}/auth/callback` },
    });
    expect(error).toBeNull();
    const link = (await latestEmail(stack, email)).link ?? "";
    expect(new URL(link).searchParams.get("token")).toMatch(/^pkce_/);
    const landing = await followLink(stack, link);
    expect(landing.pathname).toBe("/auth/callback");
    const code = landing.searchParams.get("code") ?? "";
    const exchanged = await supabase.auth.exchangeCodeForSession(code);
    expect(exchanged.error).toBeNull();
    expect(exchanged.data.session?.user.email).toBe(email);

    const replay = await client(stack, { flowType: "pkce" }).auth.exchangeCodeForSession(code);
    expect(replay.error).not.toBeNull();
  });

  it("does not reveal that a confirmed address is taken: a look-alike user, no e-mail, no session", async () => {
    const email = uniqueEmail("taken");
    const { userId } = await stack.signedInClient(email);
    const before = (await readOutbox(stack.db, email)).length;
    const { data, error } = await client(stack).auth.signUp({
      email,
      password: "another password",
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.id).not.toBe(userId);
    expect(data.user?.identities).toEqual([]);
    expect(await readOutbox(stack.db, email)).toHaveLength(before);
  });

  it("sends the confirmation again to an address that signed up but never confirmed", async () => {
    const email = uniqueEmail("again");
    await client(stack).auth.signUp({ email, password });
    await client(stack).auth.signUp({ email, password });
    expect(await readOutbox(stack.db, email)).toHaveLength(2);
  });

  it("rejects weak passwords and malformed addresses", async () => {
    const weak = await client(stack).auth.signUp({ email: uniqueEmail("weak"), password: "12345" });
    expect(weak.error).toMatchObject({ status: 422, code: "weak_password" });
    expect(weak.error && "reasons" in weak.error ? weak.error.reasons : []).toContain("length");

    const invalid = await client(stack).auth.signUp({ email: "not-an-address", password });
    expect(invalid.error).toMatchObject({ status: 400, code: "validation_failed" });
  });

  describe("with autoconfirm", () => {
    const autoconfirming = () =>
      client(stack, { embedded: stack.withAuth({ mailerAutoconfirm: true }) });

    it("signs the new user in at once and sends no e-mail", async () => {
      const email = uniqueEmail("aada");
      const { data, error } = await autoconfirming().auth.signUp({
        email,
        password,
        options: { data: { full_name: "Aada Aalto" } },
      });
      expect(error).toBeNull();
      expect(data.session).toMatchObject({ token_type: "bearer", expires_in: 3600 });
      expect(data.user).toMatchObject({
        email,
        user_metadata: { full_name: "Aada Aalto", email_verified: true },
      });
      expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
      expect(await readOutbox(stack.db, email)).toEqual([]);
    });

    it("answers user_already_exists for a registered address", async () => {
      const email = uniqueEmail("twice");
      await autoconfirming().auth.signUp({ email, password });
      const { error } = await autoconfirming().auth.signUp({
        email: email.toUpperCase(),
        password,
      });
      expect(error).toMatchObject({
        status: 422,
        code: "user_already_exists",
        message: "User already registered",
      });
    });

    it("reports the setting in /settings", async () => {
      const response = await stack
        .withAuth({ mailerAutoconfirm: true })
        .fetch(`${stackUrl}/auth/v1/settings`);
      expect(await response.json()).toMatchObject({
        mailer_autoconfirm: true,
        disable_signup: false,
        external: { email: true, phone: false },
      });
    });
  });

  describe("the signed-in user's account", () => {
    it("merges metadata updates, and a null removes a key", async () => {
      const { client: supabase } = await stack.signedInClient(uniqueEmail("meta"));
      await supabase.auth.updateUser({ data: { full_name: "Saara Salo", title: "Asiantuntija" } });
      const { data, error } = await supabase.auth.updateUser({
        data: { title: null, team: "KEHA" },
      });
      expect(error).toBeNull();
      expect(data.user?.user_metadata).toMatchObject({ full_name: "Saara Salo", team: "KEHA" });
      expect(data.user?.user_metadata).not.toHaveProperty("title");
      const refreshed = await supabase.auth.refreshSession();
      expect(refreshed.data.session?.user.user_metadata).toMatchObject({ team: "KEHA" });
    });

    it("changes the password: the new one signs in, the old one no longer does, other sessions end", async () => {
      const email = uniqueEmail("newpass");
      const { client: supabase } = await stack.signedInClient(email);
      const elsewhere = (await client(stack).auth.signInWithPassword({ email, password })).data
        .session;

      const { error } = await supabase.auth.updateUser({ password: "a brand new passphrase" });
      expect(error).toBeNull();
      expect((await supabase.auth.getUser()).error).toBeNull();
      expect((await client(stack).auth.getUser(elsewhere?.access_token)).error?.name).toBe(
        "AuthSessionMissingError",
      );

      const old = await client(stack).auth.signInWithPassword({ email, password });
      expect(old.error?.code).toBe("invalid_credentials");
      const fresh = await client(stack).auth.signInWithPassword({
        email,
        password: "a brand new passphrase",
      });
      expect(fresh.error).toBeNull();
    });

    it("refuses a weak or unchanged password", async () => {
      const { client: supabase } = await stack.signedInClient(uniqueEmail("samepass"));
      expect((await supabase.auth.updateUser({ password: "short" })).error).toMatchObject({
        status: 422,
        code: "weak_password",
      });
      expect((await supabase.auth.updateUser({ password })).error).toMatchObject({
        status: 422,
        code: "same_password",
      });
    });

    it("needs a session to change anything", async () => {
      const { error } = await client(stack).auth.updateUser({ password: "without a session" });
      expect(error?.name).toBe("AuthSessionMissingError");
      const response = await stack.embedded.fetch(`${stackUrl}/auth/v1/user`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${stack.embedded.keys.anonKey}`,
        },
        body: JSON.stringify({ password: "with the anon key" }),
      });
      expect(response.status).toBe(403);
    });

    it("changes the e-mail address after the new address confirms it", async () => {
      const email = uniqueEmail("oldaddr");
      const next = uniqueEmail("newaddr");
      const { client: supabase } = await stack.signedInClient(email);
      const { data, error } = await supabase.auth.updateUser({ email: next });
      expect(error).toBeNull();
      expect(data.user).toMatchObject({ email, new_email: next });

      const mail = await latestEmail(stack, next);
      expect(mail.kind).toBe("email_change");
      const verified = await client(stack).auth.verifyOtp({
        token_hash: tokenHashOf(mail),
        type: "email_change",
      });
      expect(verified.error).toBeNull();
      expect(verified.data.user?.email).toBe(next);
      expect(
        (await client(stack).auth.signInWithPassword({ email: next, password })).error,
      ).toBeNull();
    });

    it("resets a forgotten password through the e-mailed link", async () => {
      const email = uniqueEmail("forgot");
      await stack.signedInClient(email);
      const supabase = client(stack);
      const requested = await supabase.auth.resetPasswordForEmail(email, {
        redirectTo: `${stackUrl}/reset`,
      });
      expect(requested.error).toBeNull();

      const mail = await latestEmail(stack, email);
      expect(mail).toMatchObject({ kind: "recovery", subject: "Reset Your Password" });
      const landing = await followLink(stack, mail.link ?? "");
      expect(landing.pathname).toBe("/reset");
      const fragment = new URLSearchParams(landing.hash.slice(1));
      expect(fragment.get("type")).toBe("recovery");

      const session = await supabase.auth.setSession({
        access_token: fragment.get("access_token") ?? "",
        refresh_token: fragment.get("refresh_token") ?? "",
      });
      expect(session.error).toBeNull();
      expect((await supabase.auth.updateUser({ password: "remembered at last" })).error).toBeNull();
      expect((await client(stack).auth.signInWithPassword({ email, password })).error?.code).toBe(
        "invalid_credentials",
      );
      expect(
        (await client(stack).auth.signInWithPassword({ email, password: "remembered at last" }))
          .error,
      ).toBeNull();
    });

    it("resets a password with verifyOtp in the PKCE-less server flow", async () => {
      const email = uniqueEmail("otpreset");
      await stack.signedInClient(email);
      await client(stack).auth.resetPasswordForEmail(email);
      const supabase = client(stack);
      const verified = await supabase.auth.verifyOtp({
        token_hash: tokenHashOf(await latestEmail(stack, email)),
        type: "recovery",
      });
      expect(verified.error).toBeNull();
      expect(
        (await supabase.auth.updateUser({ password: "changed by recovery" })).error,
      ).toBeNull();
      expect(
        (await client(stack).auth.signInWithPassword({ email, password: "changed by recovery" }))
          .error,
      ).toBeNull();
    });

    it("resets a password in the PKCE flow of @supabase/ssr", async () => {
      const email = uniqueEmail("pkcereset");
      await stack.signedInClient(email);
      const browser = client(stack, { flowType: "pkce" });
      await browser.auth.resetPasswordForEmail(email, { redirectTo: `${stackUrl}/auth/callback` });
      const landing = await followLink(stack, (await latestEmail(stack, email)).link ?? "");
      const exchanged = await browser.auth.exchangeCodeForSession(
        landing.searchParams.get("code") ?? "",
      );
      expect(exchanged.error).toBeNull();
      expect(decodeAmr(exchanged.data.session?.access_token ?? "")).toBe("recovery");
    });

    it("answers a reset request for an unknown address like any other, and sends nothing", async () => {
      const email = uniqueEmail("stranger");
      const { data, error } = await client(stack).auth.resetPasswordForEmail(email);
      expect(error).toBeNull();
      expect(data).toEqual({});
      expect(await readOutbox(stack.db, email)).toEqual([]);
    });

    it("never redirects to a site it does not know", async () => {
      const email = uniqueEmail("phish");
      await stack.signedInClient(email);
      await client(stack).auth.resetPasswordForEmail(email, {
        redirectTo: "https://evil.example/steal",
      });
      const landing = await followLink(stack, (await latestEmail(stack, email)).link ?? "");
      expect(landing.origin).toBe(stackUrl);
    });
  });
});

function decodeAmr(token: string): string | undefined {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
    amr?: { method: string }[];
  };
  return payload.amr?.[0]?.method;
}
