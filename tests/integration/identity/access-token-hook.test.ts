/**
 * Deactivation also ends sign-in: the custom access token hook (SQL, in the migrations) refuses
 * new and refreshed sessions of a member their organisation has deactivated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { makeActive, password, signUp, startIdentityStack, tampere } from "./support";

describe.each(availableBackends())("the access token hook on %s", (backend) => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startIdentityStack(backend);
  });
  afterAll(() => stack.close());

  it("refuses sign-in and refresh to a deactivated member and lets them back after reactivation", async () => {
    const kaisa = await signUp(stack, "kaisa@tampere.test");
    await makeActive(stack.db, kaisa, tampere);
    const session = (await kaisa.client.auth.getSession()).data.session;
    expect(session).not.toBeNull();

    await stack.db.query(
      "update public.organisation_members set status = 'deactivated' where user_id = $1",
      [kaisa.userId],
    );
    const fresh = stack.anonClient();
    const refused = await fresh.auth.signInWithPassword({ email: kaisa.email, password });
    expect(refused.error).toMatchObject({ status: 403, code: "access_denied" });
    expect(refused.error?.message).toMatch(/organisation has ended your access/);
    const refreshed = await kaisa.client.auth.refreshSession();
    expect(refreshed.error).toMatchObject({ status: 403 });

    await stack.db.query(
      "update public.organisation_members set status = 'active' where user_id = $1",
      [kaisa.userId],
    );
    const again = await stack.anonClient().auth.signInWithPassword({ email: kaisa.email, password });
    expect(again.error).toBeNull();
  });

  it("lets pending users sign in, so they can see that they are waiting for approval", async () => {
    const pending = await signUp(stack, "uusi@tampere.test");
    expect((await pending.client.auth.getUser()).error).toBeNull();
  });

  it("cannot be called by the API roles", async () => {
    const { error } = await stack
      .anonClient()
      .rpc("custom_access_token_hook", { event: { user_id: "00000000-0000-4000-8000-000000000000" } });
    expect(error).not.toBeNull();
  });
});
