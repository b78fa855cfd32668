import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { call, client, password, uniqueEmail } from "./support";

describe.each(availableBackends())("the admin API on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
  });
  afterAll(() => stack.close());

  const admin = () => stack.serviceClient().auth.admin;

  it("creates a confirmed user with metadata who can sign in at once", async () => {
    const email = uniqueEmail("Created");
    const { data, error } = await admin().createUser({
      email,
      password,
      email_confirm: true,
      user_metadata: { full_name: "Liisa Lakimies" },
      app_metadata: { organisation: "kuntaliitto" },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: email.toLowerCase(),
      user_metadata: { full_name: "Liisa Lakimies" },
      app_metadata: { provider: "email", providers: ["email"], organisation: "kuntaliitto" },
      email_confirmed_at: expect.any(String),
      identities: [expect.objectContaining({ provider: "email", user_id: data.user?.id })],
    });
    const signedIn = await client(stack).auth.signInWithPassword({ email, password });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.session?.user.app_metadata.organisation).toBe("kuntaliitto");
  });

  it("creates an unconfirmed user who cannot sign in yet, and refuses a duplicate address", async () => {
    const email = uniqueEmail("pending");
    expect((await admin().createUser({ email, password })).error).toBeNull();
    expect((await client(stack).auth.signInWithPassword({ email, password })).error?.code).toBe(
      "email_not_confirmed",
    );
    const duplicate = await admin().createUser({ email: email.toUpperCase(), password });
    expect(duplicate.error).toMatchObject({ status: 422, code: "email_exists" });
  });

  it("creates exactly one user when the same address is submitted concurrently", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin().createUser({ email, password, email_confirm: true })),
    );
    expect(results.filter((result) => result.error === null)).toHaveLength(1);
    for (const { error } of results.filter((result) => result.error !== null)) {
      expect(error).toMatchObject({ status: 422, code: "email_exists" });
    }
  });

  it("lists users page by page with the total", async () => {
    for (const name of ["list-a", "list-b", "list-c"]) {
      await admin().createUser({ email: uniqueEmail(name), password, email_confirm: true });
    }
    const { rows } = await stack.db.query<{ total: number }>(
      "select count(*)::int as total from auth.users",
    );
    const total = Number(rows[0]?.total);
    const first = await admin().listUsers({ page: 1, perPage: 2 });
    expect(first.error).toBeNull();
    expect(first.data.users).toHaveLength(2);
    expect(first.data).toMatchObject({ total, nextPage: 2, lastPage: Math.ceil(total / 2) });
    const second = await admin().listUsers({ page: 2, perPage: 2 });
    expect(second.data.users.map((user) => user.id)).not.toContain(first.data.users[0]?.id);

    const raw = await call(stack, "GET", "/admin/users", {
      token: stack.embedded.keys.serviceRoleKey,
    });
    expect(raw.headers.get("x-total-count")).toBe(String(total));
    expect(await raw.json()).toMatchObject({ aud: "authenticated", users: expect.any(Array) });
  });

  it("gets, updates and deletes a user by id", async () => {
    const email = uniqueEmail("crud");
    const created = (
      await admin().createUser({ email, password, email_confirm: true, user_metadata: { a: 1 } })
    ).data.user;
    if (!created) throw new Error("no user");

    expect((await admin().getUserById(created.id)).data.user?.email).toBe(email);

    const renamed = uniqueEmail("renamed");
    const updated = await admin().updateUserById(created.id, {
      email: renamed,
      password: "set by an administrator",
      user_metadata: { b: 2 },
      app_metadata: { organisation: "keha" },
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user).toMatchObject({
      email: renamed,
      user_metadata: { a: 1, b: 2 },
      app_metadata: { organisation: "keha", provider: "email" },
    });
    const signedIn = await client(stack).auth.signInWithPassword({
      email: renamed,
      password: "set by an administrator",
    });
    expect(signedIn.error).toBeNull();

    const deleted = await admin().deleteUser(created.id);
    expect(deleted.error).toBeNull();
    expect((await admin().getUserById(created.id)).error).toMatchObject({
      status: 404,
      code: "user_not_found",
    });
    expect(
      (await client(stack).auth.getUser(signedIn.data.session?.access_token)).error,
    ).not.toBeNull();
  });

  it("soft-deletes a user: the row stays, signing in and old tokens stop working", async () => {
    const email = uniqueEmail("soft");
    const { client: supabase, userId } = await stack.signedInClient(email);
    expect((await admin().deleteUser(userId, true)).error).toBeNull();
    const { rows } = await stack.db.query<{ deleted: boolean }>(
      "select deleted_at is not null as deleted from auth.users where id = $1",
      [userId],
    );
    expect(rows).toEqual([{ deleted: true }]);
    expect((await supabase.auth.getUser()).error).not.toBeNull();
    expect((await client(stack).auth.signInWithPassword({ email, password })).error?.code).toBe(
      "invalid_credentials",
    );
  });

  it("bans and unbans a user; a ban ends their sessions at once", async () => {
    const email = uniqueEmail("ban");
    const { client: supabase, userId } = await stack.signedInClient(email);
    const banned = await admin().updateUserById(userId, { ban_duration: "876000h" });
    expect(banned.data.user?.banned_until).toEqual(expect.any(String));
    expect((await supabase.auth.getUser()).error?.name).toBe("AuthSessionMissingError");
    expect((await client(stack).auth.signInWithPassword({ email, password })).error?.code).toBe(
      "user_banned",
    );

    await admin().updateUserById(userId, { ban_duration: "none" });
    expect((await client(stack).auth.signInWithPassword({ email, password })).error).toBeNull();

    const nonsense = await admin().updateUserById(userId, { ban_duration: "forever" });
    expect(nonsense.error).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("generates a magic link without sending it", async () => {
    const email = uniqueEmail("magic");
    await stack.signedInClient(email);
    const { data, error } = await admin().generateLink({ type: "magiclink", email });
    expect(error).toBeNull();
    expect(data.properties).toMatchObject({
      verification_type: "magiclink",
      email_otp: expect.stringMatching(/^\d{6}$/),
    });
    const verified = await client(stack).auth.verifyOtp({
      token_hash: data.properties?.hashed_token ?? "",
      type: "magiclink",
    });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email).toBe(email);
  });

  it("refuses the anon key and users' tokens with not_admin", async () => {
    const anon = await client(stack).auth.admin.listUsers();
    expect(anon.error).toMatchObject({ status: 403, code: "not_admin" });
    const created = await client(stack).auth.admin.createUser({
      email: uniqueEmail("sneaky"),
      password,
    });
    expect(created.error).toMatchObject({ status: 403, code: "not_admin" });

    const { client: user, userId } = await stack.signedInClient(uniqueEmail("plain"));
    const token = (await user.auth.getSession()).data.session?.access_token;
    for (const [method, path] of [
      ["GET", "/admin/users"],
      ["GET", `/admin/users/${userId}`],
      ["PUT", `/admin/users/${userId}`],
      ["DELETE", `/admin/users/${userId}`],
    ] as const) {
      const response = await call(stack, method, path, {
        token,
        body: method === "GET" ? undefined : {},
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ code: "not_admin", message: "User not allowed" });
    }
    const missing = await call(stack, "GET", "/admin/users");
    expect(missing.status).toBe(401);
  });
});
