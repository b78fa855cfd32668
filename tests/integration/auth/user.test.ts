import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../../../server/embedded/auth/index";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack, stackUrl } from "../../helpers/embedded-stack";
import { client, followLink, latestEmail, password, tokenHashOf, uniqueEmail } from "./support";

describe.each(availableBackends())("the signed-in user's account on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, { auth: { emailMinIntervalSeconds: 0 } });
  });
  afterAll(() => stack.close());

  it("merges metadata updates, and a null removes a key", async () => {
    const { client: supabase } = await stack.signedInClient(uniqueEmail("meta"));
    await supabase.auth.updateUser({ data: { full_name: "Saara Salo", title: "Asiantuntija" } });
    const { data, error } = await supabase.auth.updateUser({ data: { title: null, team: "KEHA" } });
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
    expect((await supabase.auth.updateUser({ password: "changed by recovery" })).error).toBeNull();
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

function decodeAmr(token: string): string | undefined {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
    amr?: { method: string }[];
  };
  return payload.amr?.[0]?.method;
}
