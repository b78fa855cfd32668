import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { client, password, uniqueEmail } from "./support";

describe.each(availableBackends())("signInWithPassword on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend, {
      auth: { rateLimit: { maxFailuresPerEmail: 3, maxFailuresPerIp: 6, windowSeconds: 300 } },
    });
  });
  afterAll(() => stack.close());

  /** Every test signs in from its own address so the per-IP limit of one does not leak into another. */
  const from = (ip: string) => client(stack, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });

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
