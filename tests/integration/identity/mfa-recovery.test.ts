/**
 * Recovery codes and the admin's MFA reset (docs/decisions/005) through the real supabase-js:
 * made only right after a second factor, stored hashed, each usable once; redeeming one, or an
 * admin's reset, removes the TOTP factors so the person can sign in and enrol again.
 */
import { createHash } from "node:crypto";
import { authenticator } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import {
  type Person,
  addVerifiedFactor,
  factorCount,
  helsinki,
  makeActive,
  makePlatformAdmin,
  password,
  signUp,
  startIdentityStack,
  tampere,
} from "./support";

const codeFormat = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

async function generateCodes(person: Person): Promise<string[]> {
  const { data, error } = await person.aal2.rpc("generate_recovery_codes");
  if (error) throw error;
  return data as string[];
}

describe.each(availableBackends())("MFA recovery codes and reset on %s", (backend) => {
  let stack: EmbeddedStack;
  let tampereAdmin: Person;
  let helsinkiAdmin: Person;
  let platformAdmin: Person;

  beforeAll(async () => {
    stack = await startIdentityStack(backend);
    tampereAdmin = await signUp(stack, "anna.admin@tampere.test");
    await makeActive(stack.db, tampereAdmin, tampere, "admin");
    helsinkiAdmin = await signUp(stack, "hannu.admin@helsinki.test");
    await makeActive(stack.db, helsinkiAdmin, helsinki, "admin");
    platformAdmin = await signUp(stack, "paula@helsinki.test");
    await makeActive(stack.db, platformAdmin, helsinki);
    await makePlatformAdmin(stack.db, platformAdmin);
  });
  afterAll(() => stack.close());

  async function memberWithFactor(email: string): Promise<Person> {
    const person = await signUp(stack, email);
    await makeActive(stack.db, person, tampere);
    await addVerifiedFactor(stack.db, person);
    return person;
  }

  async function auditActions(userId: string): Promise<string[]> {
    const { rows } = await stack.db.query<{ action: string }>(
      "select action from public.audit_log where target_id = $1 and action like 'mfa.%' order by id",
      [userId],
    );
    return rows.map((row) => row.action);
  }

  it("makes ten codes only right after a second factor, and keeps nothing but their hashes", async () => {
    const aino = await signUp(stack, "aino@tampere.test");
    await makeActive(stack.db, aino, tampere);
    const withoutFactor = await aino.aal2.rpc("generate_recovery_codes");
    expect(withoutFactor).toMatchObject({ status: 403, error: { code: "42501" } });

    await addVerifiedFactor(stack.db, aino);
    const atAal1 = await aino.client.rpc("generate_recovery_codes");
    expect(atAal1).toMatchObject({ status: 403, error: { code: "42501" } });

    const codes = await generateCodes(aino);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(codeFormat);

    const { rows } = await stack.db.query<{ code_hash: string; used_at: string | null }>(
      "select code_hash, used_at from private.mfa_recovery_codes where user_id = $1",
      [aino.userId],
    );
    expect(rows.map((row) => row.code_hash).sort()).toEqual(codes.map((code) => sha256(code.replaceAll("-", ""))).sort());
    expect(rows.every((row) => row.used_at === null)).toBe(true);

    const again = await generateCodes(aino);
    expect(again.some((code) => codes.includes(code))).toBe(false);
    // The first set is gone: one of its codes no longer works.
    expect((await aino.client.rpc("redeem_recovery_code", { code: codes[0] })).data).toBe(false);
    expect(await factorCount(stack.db, aino)).toBe(1);
  });

  it("redeems a code once, however it is typed, removing the factors; a wrong or used code is refused and audited", async () => {
    const mikko = await memberWithFactor("mikko@tampere.test");
    const [first, second] = await generateCodes(mikko);
    if (!first || !second) throw new Error("no codes");

    expect(await mikko.client.rpc("redeem_recovery_code", { code: "0000-0000-0000" })).toMatchObject({ data: false, error: null });
    expect(await factorCount(stack.db, mikko)).toBe(1);

    const typed = ` ${first.replaceAll("-", "").toUpperCase()} `;
    expect(await mikko.client.rpc("redeem_recovery_code", { code: typed })).toMatchObject({ data: true, error: null });
    expect(await factorCount(stack.db, mikko)).toBe(0);

    // Enrolled again: the used code stays used, an unused one of the same set still works.
    await addVerifiedFactor(stack.db, mikko);
    expect((await mikko.client.rpc("redeem_recovery_code", { code: first })).data).toBe(false);
    expect((await mikko.client.rpc("redeem_recovery_code", { code: second })).data).toBe(true);

    expect(await auditActions(mikko.userId)).toEqual([
      "mfa.recovery_codes_generated",
      "mfa.recovery_code_failed",
      "mfa.recovery_code_used",
      "mfa.recovery_code_failed",
      "mfa.recovery_code_used",
    ]);
    const visible = await tampereAdmin.aal2.from("audit_log").select("action").eq("target_id", mikko.userId).like("action", "mfa.%");
    expect(visible.data).toHaveLength(5);
    expect((await helsinkiAdmin.aal2.from("audit_log").select("action").eq("target_id", mikko.userId)).data).toEqual([]);
  });

  it("answers 429 after ten wrong codes in a quarter of an hour", async () => {
    const guesser = await memberWithFactor("arvaaja@tampere.test");
    await generateCodes(guesser);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await guesser.client.rpc("redeem_recovery_code", { code: `0000-0000-000${attempt}` })).data).toBe(false);
    }
    const throttled = await guesser.client.rpc("redeem_recovery_code", { code: "0000-0000-0000" });
    expect(throttled).toMatchObject({ status: 429, error: { code: "PT429" } });
  });

  it("lets the member's organisation admin and a platform admin reset MFA at aal2, nobody else", async () => {
    const liisa = await memberWithFactor("liisa@tampere.test");
    await generateCodes(liisa);

    const byAal1 = await tampereAdmin.client.rpc("reset_member_mfa", { user_id: liisa.userId });
    expect(byAal1).toMatchObject({ status: 403, error: { code: "42501" } });
    const byOtherOrganisation = await helsinkiAdmin.aal2.rpc("reset_member_mfa", { user_id: liisa.userId });
    expect(byOtherOrganisation).toMatchObject({ status: 403, error: { code: "42501" } });
    const byMember = await liisa.aal2.rpc("reset_member_mfa", { user_id: tampereAdmin.userId });
    expect(byMember).toMatchObject({ status: 403, error: { code: "42501" } });
    expect(await factorCount(stack.db, liisa)).toBe(1);

    expect((await tampereAdmin.aal2.rpc("reset_member_mfa", { user_id: liisa.userId })).error).toBeNull();
    expect(await factorCount(stack.db, liisa)).toBe(0);
    const { rows } = await stack.db.query("select 1 from private.mfa_recovery_codes where user_id = $1", [liisa.userId]);
    expect(rows).toEqual([]);
    const audit = await tampereAdmin.aal2.from("audit_log").select("action, actor_id, details").eq("target_id", liisa.userId).eq("action", "mfa.reset");
    expect(audit.data).toEqual([
      { action: "mfa.reset", actor_id: tampereAdmin.userId, details: { factors_deleted: 1, recovery_codes_deleted: 10 } },
    ]);

    await addVerifiedFactor(stack.db, liisa);
    expect((await platformAdmin.aal2.rpc("reset_member_mfa", { user_id: liisa.userId })).error).toBeNull();
    expect(await factorCount(stack.db, liisa)).toBe(0);
  });

  it("works with the embedded auth's real TOTP: enrol, verify, make codes, then sign in with a code instead", async () => {
    const person = await signUp(stack, "sirpa@tampere.test");
    await makeActive(stack.db, person, tampere);
    const enrolled = await person.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Puhelin" });
    if (enrolled.error) throw enrolled.error;
    const verified = await person.client.auth.mfa.challengeAndVerify({
      factorId: enrolled.data.id,
      code: authenticator.generate(enrolled.data.totp.secret),
    });
    expect(verified.error).toBeNull();
    const codes = await person.client.rpc("generate_recovery_codes");
    expect(codes.error).toBeNull();
    const code = (codes.data as string[])[0] ?? "";

    const again = stack.anonClient();
    expect((await again.auth.signInWithPassword({ email: person.email, password })).error).toBeNull();
    expect((await again.auth.mfa.getAuthenticatorAssuranceLevel()).data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal2" });
    expect((await again.rpc("redeem_recovery_code", { code })).data).toBe(true);

    expect((await again.auth.refreshSession()).error).toBeNull();
    expect((await again.auth.mfa.getAuthenticatorAssuranceLevel()).data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal1" });
    expect((await again.auth.mfa.listFactors()).data?.totp).toEqual([]);
  });
});
