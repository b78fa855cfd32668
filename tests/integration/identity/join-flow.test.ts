/**
 * Joining an organisation and being let in, or out, by its admin — through the real supabase-js
 * against the embedded API, on every backend.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableBackends } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import {
  type Person,
  helsinki,
  makeActive,
  makePlatformAdmin,
  myAccess,
  signUp,
  startIdentityStack,
  tampere,
} from "./support";

async function organisationIds(client: SupabaseClient): Promise<string[]> {
  const { data, error } = await client.from("organisations").select("id").order("id");
  expect(error).toBeNull();
  return (data ?? []).map((row: { id: string }) => row.id);
}

async function profileIds(client: SupabaseClient): Promise<string[]> {
  const { data, error } = await client.from("profiles").select("id");
  expect(error).toBeNull();
  return (data ?? []).map((row: { id: string }) => row.id).sort();
}

describe.each(availableBackends())("joining an organisation on %s", (backend) => {
  let stack: EmbeddedStack;
  let tampereAdmin: Person;
  let helsinkiAdmin: Person;
  let platformAdmin: Person;
  let aino: Person;

  beforeAll(async () => {
    stack = await startIdentityStack(backend);
    tampereAdmin = await signUp(stack, "anna.admin@tampere.test");
    await makeActive(stack.db, tampereAdmin, tampere, "admin");
    helsinkiAdmin = await signUp(stack, "hannu.admin@helsinki.test");
    await makeActive(stack.db, helsinkiAdmin, helsinki, "admin");
    platformAdmin = await signUp(stack, "paula@helsinki.test");
    await makeActive(stack.db, platformAdmin, helsinki);
    await makePlatformAdmin(stack.db, platformAdmin);
    aino = await signUp(stack, "aino@tampere.test");
    await makeActive(stack.db, aino, tampere);
  });
  afterAll(() => stack.close());

  it("suggests the organisation of a work e-mail and lists organisations to anyone, signed in or not", async () => {
    const anon = stack.anonClient();
    const suggested = await anon.rpc("organisation_for_email", { email: "Maija@Tampere.test" });
    expect(suggested).toMatchObject({
      error: null,
      data: [{ id: tampere, name_fi: "Tampereen työllisyysalue", name_sv: "Tammerfors sysselsättningsområde" }],
    });
    expect((await anon.rpc("organisation_for_email", { email: "maija@gmail.test" })).data).toEqual([]);
    const listed = await anon.rpc("list_organisations_for_signup");
    expect(listed.data).toEqual([
      { id: helsinki, name_fi: "Helsingin työllisyysalue", name_sv: "Helsingfors sysselsättningsområde", kind: "employment_area" },
      { id: tampere, name_fi: "Tampereen työllisyysalue", name_sv: "Tammerfors sysselsättningsområde", kind: "employment_area" },
    ]);
    // The tables themselves stay closed to anon.
    expect((await anon.from("organisations").select("id")).status).toBe(401);
  });

  it("matches a work e-mail, keeps the person waiting with only their own profile, and lets them in when the admin approves", async () => {
    const maija = await signUp(stack, "maija.meikalainen@tampere.test", { full_name: "Maija Meikäläinen" });
    expect(await myAccess(maija.client)).toEqual({
      user_id: maija.userId,
      status: "pending",
      organisation_id: tampere,
      role: "member",
      is_platform_admin: false,
      aal: "aal1",
    });
    expect(await profileIds(maija.client)).toEqual([maija.userId]);
    expect(await organisationIds(maija.client)).toEqual([]);
    const ownMembership = await maija.client.from("organisation_members").select("organisation_id, status");
    expect(ownMembership.data).toEqual([{ organisation_id: tampere, status: "pending" }]);

    const waiting = await tampereAdmin.aal2
      .from("organisation_members")
      .select("user_id, requested_at, profiles(display_name)")
      .eq("organisation_id", tampere)
      .eq("status", "pending");
    expect(waiting.error).toBeNull();
    expect(waiting.data).toContainEqual(
      expect.objectContaining({ user_id: maija.userId, profiles: { display_name: "Maija Meikäläinen" } }),
    );

    const approved = await tampereAdmin.aal2.rpc("approve_membership", { user_id: maija.userId, organisation_id: tampere });
    expect(approved.error).toBeNull();

    expect((await myAccess(maija.client)).status).toBe("active");
    expect(await organisationIds(maija.client)).toEqual([tampere, helsinki].sort());
    expect(await profileIds(maija.client)).toContain(aino.userId);

    const audit = await tampereAdmin.aal2.from("audit_log").select("action, actor_id").eq("target_id", maija.userId).order("id");
    expect(audit.data).toEqual([
      { action: "membership.requested", actor_id: maija.userId },
      { action: "membership.approved", actor_id: tampereAdmin.userId },
    ]);
  });

  it("lets a person whose domain matches nothing ask to join, and their admin reject or approve", async () => {
    const tiina = await signUp(stack, "tiina@gmail.test");
    expect(await myAccess(tiina.client)).toMatchObject({ status: null, organisation_id: null, role: null });
    expect(await organisationIds(tiina.client)).toEqual([]);

    expect((await tiina.client.rpc("request_membership", { organisation_id: helsinki })).error).toBeNull();
    expect(await myAccess(tiina.client)).toMatchObject({ status: "pending", organisation_id: helsinki });
    const rejected = await helsinkiAdmin.aal2.rpc("reject_membership", { user_id: tiina.userId, organisation_id: helsinki });
    expect(rejected.error).toBeNull();
    expect((await myAccess(tiina.client)).status).toBe("rejected");
    expect(await organisationIds(tiina.client)).toEqual([]);

    // Asked again, elsewhere: Tampere's admin decides now, Helsinki's no longer sees a request.
    expect((await tiina.client.rpc("request_membership", { organisation_id: tampere })).error).toBeNull();
    expect((await tampereAdmin.aal2.rpc("approve_membership", { user_id: tiina.userId, organisation_id: tampere })).error).toBeNull();
    expect(await myAccess(tiina.client)).toMatchObject({ status: "active", organisation_id: tampere });
    expect(await organisationIds(tiina.client)).toHaveLength(2);

    const again = await tiina.client.rpc("request_membership", { organisation_id: helsinki });
    expect(again).toMatchObject({ status: 403, error: { code: "42501" } });
  });

  it("takes the organisation chosen at sign-up when the domain matches none", async () => {
    const ville = await signUp(stack, "ville@yritys.test", { organisation_id: helsinki });
    expect(await myAccess(ville.client)).toMatchObject({ status: "pending", organisation_id: helsinki });
  });

  it("cuts a deactivated member off on their very next request with the same token, and reactivation lets them back", async () => {
    const sanna = await signUp(stack, "sanna@tampere.test");
    await makeActive(stack.db, sanna, tampere);
    expect(await organisationIds(sanna.client)).toHaveLength(2);
    expect((await profileIds(sanna.client)).length).toBeGreaterThan(1);

    const deactivated = await tampereAdmin.aal2.rpc("deactivate_member", { user_id: sanna.userId, organisation_id: tampere });
    expect(deactivated.error).toBeNull();
    expect(await organisationIds(sanna.client)).toEqual([]);
    expect(await profileIds(sanna.client)).toEqual([sanna.userId]);
    expect((await sanna.client.from("organisation_members").select("user_id")).data).toEqual([{ user_id: sanna.userId }]);
    expect(await myAccess(sanna.client)).toMatchObject({ status: "deactivated" });
    // A deactivated member cannot let themselves back in by asking again.
    const asked = await sanna.client.rpc("request_membership", { organisation_id: tampere });
    expect(asked).toMatchObject({ status: 403, error: { code: "42501" } });

    const reactivated = await tampereAdmin.aal2.rpc("reactivate_member", { user_id: sanna.userId, organisation_id: tampere });
    expect(reactivated.error).toBeNull();
    expect(await organisationIds(sanna.client)).toHaveLength(2);

    const actions = await tampereAdmin.aal2.from("audit_log").select("action").eq("target_id", sanna.userId).order("id");
    expect(actions.data).toEqual([
      { action: "membership.requested" },
      { action: "membership.deactivated" },
      { action: "membership.reactivated" },
    ]);
  });

  it("refuses an admin at aal1: 403 with 42501 for actions, nothing of the admin's data to read", async () => {
    const pekka = await signUp(stack, "pekka@tampere.test");
    const refused = await tampereAdmin.client.rpc("approve_membership", { user_id: pekka.userId, organisation_id: tampere });
    expect(refused.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "42501" });
    expect(refused.error?.message).toContain("two-step authentication");
    expect((await myAccess(pekka.client)).status).toBe("pending");

    const pending = await tampereAdmin.client.from("organisation_members").select("user_id").eq("status", "pending");
    expect(pending).toMatchObject({ error: null, data: [] });
    expect((await tampereAdmin.client.from("audit_log").select("id")).data).toEqual([]);
    expect(await myAccess(tampereAdmin.client)).toMatchObject({ role: "admin", aal: "aal1" });
    expect(await myAccess(tampereAdmin.aal2)).toMatchObject({ role: "admin", aal: "aal2" });

    const roleChange = await tampereAdmin.client.rpc("set_member_role", { user_id: aino.userId, organisation_id: tampere, role: "admin" });
    expect(roleChange.status).toBe(403);
  });

  it("lets an admin change a member's role, but not their own", async () => {
    const promoted = await tampereAdmin.aal2.rpc("set_member_role", { user_id: aino.userId, organisation_id: tampere, role: "admin" });
    expect(promoted.error).toBeNull();
    expect((await myAccess(aino.client)).role).toBe("admin");
    const demoted = await tampereAdmin.aal2.rpc("set_member_role", { user_id: aino.userId, organisation_id: tampere, role: "member" });
    expect(demoted.error).toBeNull();
    const self = await tampereAdmin.aal2.rpc("set_member_role", { user_id: tampereAdmin.userId, organisation_id: tampere, role: "member" });
    expect(self).toMatchObject({ status: 403, error: { code: "42501" } });
    const selfDeactivate = await tampereAdmin.aal2.rpc("deactivate_member", { user_id: tampereAdmin.userId, organisation_id: tampere });
    expect(selfDeactivate).toMatchObject({ status: 403, error: { code: "42501" } });
  });

  it("shows audit rows to their organisation's admins and platform admins only", async () => {
    const tampereRows = await tampereAdmin.aal2.from("audit_log").select("organisation_id");
    expect(tampereRows.data?.length).toBeGreaterThan(0);
    expect(new Set(tampereRows.data?.map((row: { organisation_id: string }) => row.organisation_id))).toEqual(new Set([tampere]));

    const helsinkiRows = await helsinkiAdmin.aal2.from("audit_log").select("organisation_id").eq("organisation_id", tampere);
    expect(helsinkiRows).toMatchObject({ error: null, data: [] });
    expect((await helsinkiAdmin.aal2.from("audit_log").select("id")).data?.length).toBeGreaterThan(0);

    const everything = await platformAdmin.aal2.from("audit_log").select("organisation_id");
    const seen = new Set(everything.data?.map((row: { organisation_id: string }) => row.organisation_id));
    expect(seen.has(tampere) && seen.has(helsinki)).toBe(true);
    expect((await platformAdmin.client.from("audit_log").select("id")).data).toEqual([]);

    expect((await aino.client.from("audit_log").select("id")).data).toEqual([]);
    const forged = await platformAdmin.aal2.from("audit_log").insert({ action: "forged.entry" });
    expect(forged.error?.code).toBe("42501");
  });

  it("answers a missing target with P0002 and a wrong state with 22023 (400)", async () => {
    const missing = await tampereAdmin.aal2.rpc("approve_membership", { user_id: helsinkiAdmin.userId, organisation_id: tampere });
    expect(missing.error?.code).toBe("P0002");
    const wrongState = await tampereAdmin.aal2.rpc("approve_membership", { user_id: aino.userId, organisation_id: tampere });
    expect(wrongState).toMatchObject({ status: 400, error: { code: "22023" } });
  });

  it("lets a platform admin at aal2 manage organisations and their domains, audited, and nobody else", async () => {
    const admin = platformAdmin.aal2;
    const created = await admin.from("organisations").insert({ name_fi: "Oulun työllisyysalue", kind: "employment_area" }).select("id").single();
    expect(created.error).toBeNull();
    const id = (created.data as { id: string }).id;
    expect((await admin.from("organisation_domains").insert({ domain: "oulu.test", organisation_id: id })).error).toBeNull();
    const renamed = await admin.from("organisations").update({ name_sv: "Uleåborgs sysselsättningsområde" }).eq("id", id).select("name_sv");
    expect(renamed.data).toEqual([{ name_sv: "Uleåborgs sysselsättningsområde" }]);
    expect((await stack.anonClient().rpc("organisation_for_email", { email: "x@oulu.test" })).data).toMatchObject([{ id }]);

    const byAal1 = await platformAdmin.client.from("organisations").insert({ name_fi: "Ei", kind: "ngo" });
    expect(byAal1).toMatchObject({ status: 403, error: { code: "42501" } });
    const byOrgAdmin = await tampereAdmin.aal2.from("organisations").update({ name_fi: "Kaapattu" }).eq("id", id).select("id");
    expect(byOrgAdmin.data).toEqual([]);

    const removed = await admin.from("organisations").delete().eq("id", id).select("id");
    expect(removed.data).toEqual([{ id }]);
    const audit = await admin.from("audit_log").select("action").eq("organisation_id", id).order("id");
    expect(audit.data?.map((row: { action: string }) => row.action)).toEqual([
      "organisation.created",
      "organisation_domain.created",
      "organisation.updated",
      "organisation.deleted",
      // The domain goes by the cascade, which runs after the organisation's own row.
      "organisation_domain.deleted",
    ]);
  });

  it("keeps the private helpers out of the API", async () => {
    for (const name of ["is_active_user", "record_audit", "is_org_admin"]) {
      const { status, error } = await aino.aal2.rpc(name);
      expect(status, name).toBe(404);
      expect(error?.code, name).toBe("PGRST202");
    }
  });
});
