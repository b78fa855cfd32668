import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack, stackUrl } from "../../helpers/embedded-stack";
import { client, password, uniqueEmail } from "./support";

describe.each(availableBackends())("sessions and tokens on %s", (backend) => {
  let stack: EmbeddedStack;
  // The reuse interval is GoTrue's 10 s; the tests move this clock instead of waiting.
  let clockOffsetMs = 0;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, {
      auth: {
        now: () => new Date(Date.now() + clockOffsetMs),
        refreshTokenReuseIntervalSeconds: 10,
      },
    });
  });
  afterAll(() => stack.close());

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
    expect(decodeProtectedHeader(session.access_token)).toMatchObject({ alg: "HS256", typ: "JWT" });
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
    }>("select token, parent, revoked from auth.refresh_tokens where session_id = $1 order by id", [
      decodeJwt(session.access_token).session_id,
    ]);
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
      expect((await client(stack).auth.getUser(token)).error?.name).toBe("AuthSessionMissingError");
    }
    const { rows } = await stack.db.query("select 1 from auth.sessions where user_id = $1", [
      decodeJwt(session.access_token).sub,
    ]);
    expect(rows).toEqual([]);
  });
});
