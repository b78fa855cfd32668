/**
 * Documents in a network's workspace, as the demo users meet them through supabase-js: Kalle
 * coordinates a new network open to everyone signed in, Aino is a member, Liisa observes and
 * Helmi is outside it. Members create documents in the network, the others are refused; "my
 * documents" lists what someone created or edited; a grant opens a document to an outsider and a
 * revoke closes it again; a meeting's minutes become one co-edited document, once.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getSharedDocument,
  listGrants,
  listNetworkDocuments,
  listReadableDocuments,
  listRecentDocuments,
} from "../../../app/lib/documents.server";
import { migrate } from "../../../server/embedded/migrate";
import { availableBackends } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";

const demoPassword = "Verkko-demo-2025";

interface Person {
  client: SupabaseClient;
  userId: string;
}

async function signIn(stack: EmbeddedStack, email: string): Promise<Person> {
  const client = stack.anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password: demoPassword });
  if (error) throw error;
  return { client, userId: data.user.id };
}

describe.each(availableBackends())("documents in workspaces on %s", (backend) => {
  let stack: EmbeddedStack;
  let kalle: Person;
  let aino: Person;
  let liisa: Person;
  let helmi: Person;
  let networkId: string;

  async function createDocument(person: Person, title: string, network: string | null) {
    const { data, error } = await person.client.rpc("create_document", {
      title,
      kind: "guidance",
      language: "fi",
      network_id: network,
    });
    return { id: (data as string | null) ?? null, error };
  }

  async function accessOf(person: Person, documentId: string): Promise<string | null> {
    const { data, error } = await person.client.rpc("document_access", { document_id: documentId });
    if (error) throw error;
    return data as string | null;
  }

  beforeAll(async () => {
    stack = await startEmbeddedStack(backend);
    await migrate(stack.db, { seed: true });
    [kalle, aino, liisa, helmi] = await Promise.all([
      signIn(stack, "kalle.koordinaattori@keha.example"),
      signIn(stack, "aino.asiantuntija@tampere.example"),
      signIn(stack, "liisa.lakimies@kuntaliitto.example"),
      signIn(stack, "helmi.hakala@helsinki.example"),
    ]);
    const { rows } = await stack.db.query<{ home_organisation_id: string }>(
      "select home_organisation_id from public.profiles where id = $1",
      [kalle.userId],
    );
    const created = await kalle.client.rpc("create_network", {
      slug: "asiakirjojen-testiverkosto",
      kind: "independent",
      name_fi: "Asiakirjojen testiverkosto",
      purpose_fi: "Yhteisten asiakirjojen kokeilu.",
      owner_organisation_id: rows[0]?.home_organisation_id,
      join_policy: "open",
    });
    if (created.error) throw created.error;
    networkId = created.data as string;
    for (const person of [aino, liisa]) {
      const joined = await person.client.rpc("join_network", { network_id: networkId });
      if (joined.error) throw joined.error;
    }
    const observer = await kalle.client.rpc("set_network_member_role", {
      network_id: networkId,
      user_id: liisa.userId,
      role: "observer",
    });
    if (observer.error) throw observer.error;
  });
  afterAll(() => stack?.close());

  it("lets members create documents in the network and refuses observers and outsiders", async () => {
    const byMember = await createDocument(aino, "Ohje asiakkaan ohjaamisesta palveluun", networkId);
    expect(byMember.error).toBeNull();
    expect(byMember.id).toMatch(/^[0-9a-f-]{36}$/);

    const byObserver = await createDocument(liisa, "Tarkkailijan asiakirja", networkId);
    expect(byObserver.error?.code).toBe("42501");
    const byOutsider = await createDocument(helmi, "Ulkopuolisen asiakirja", networkId);
    expect(byOutsider.error?.code).toBe("42501");

    // The network's tab lists it for members and observers, and for outsiders who may read the
    // network (it is open to everyone signed in): they only view.
    const seenByObserver = await listNetworkDocuments(liisa.client, networkId, "fi");
    expect(seenByObserver.map((each) => each.title)).toEqual([
      "Ohje asiakkaan ohjaamisesta palveluun",
    ]);
    expect(seenByObserver[0]).toMatchObject({ kind: "guidance", status: "draft", edited: false });
    expect(seenByObserver[0]?.lastEditor).toBe("Aino Asiantuntija");
    expect(await listNetworkDocuments(helmi.client, networkId, "fi")).toHaveLength(1);
    expect(await accessOf(kalle, byMember.id ?? "")).toBe("edit");
    expect(await accessOf(liisa, byMember.id ?? "")).toBe("view");
    expect(await accessOf(helmi, byMember.id ?? "")).toBe("view");
  });

  it("lists what someone created or edited among their recent documents", async () => {
    const own = await createDocument(helmi, "Helmin oma muistio", null);
    expect(own.error).toBeNull();
    const networkDocument = await createDocument(aino, "Yhteinen tulkinta", networkId);
    expect(networkDocument.error).toBeNull();
    // The collab server writes the derived text and who last edited (the owner connection).
    await stack.db.query(
      `update public.documents
         set text = 'Kalle kirjoitti tämän.', content_updated_at = now(), last_edited_by = $2
       where id = $1`,
      [networkDocument.id, kalle.userId],
    );

    // Newest first; the demo content Helmi wrote earlier follows.
    const helmiRecent = await listRecentDocuments(helmi.client, "fi");
    expect(helmiRecent[0]).toMatchObject({ title: "Helmin oma muistio", access: "edit" });
    expect(helmiRecent.map((each) => each.title)).not.toContain("Yhteinen tulkinta");

    const kalleRecent = await listRecentDocuments(kalle.client, "fi");
    expect(kalleRecent.map((each) => each.title)).toContain("Yhteinen tulkinta");
    expect(kalleRecent.find((each) => each.title === "Yhteinen tulkinta")).toMatchObject({
      edited: true,
      network: { slug: "asiakirjojen-testiverkosto", name: "Asiakirjojen testiverkosto" },
    });
    const ainoRecent = await listRecentDocuments(aino.client, "fi");
    expect(ainoRecent.map((each) => each.title)).toEqual(
      expect.arrayContaining(["Yhteinen tulkinta", "Ohje asiakkaan ohjaamisesta palveluun"]),
    );
    expect(ainoRecent.map((each) => each.title)).not.toContain("Helmin oma muistio");

    // Everything readable, searched by title and filtered by kind, under RLS.
    const searched = await listReadableDocuments(
      aino.client,
      { search: "yhteinen TULK", kind: "all", page: 1 },
      "fi",
    );
    expect(searched.documents.map((each) => each.title)).toEqual(["Yhteinen tulkinta"]);
    expect(searched.total).toBe(1);
    const wrongKind = await listReadableDocuments(
      aino.client,
      { search: "yhteinen tulk", kind: "manual", page: 1 },
      "fi",
    );
    expect(wrongKind.total).toBe(0);
    // A % in the search is a character, not a wildcard.
    const percent = await listReadableDocuments(
      aino.client,
      { search: "%", kind: "all", page: 1 },
      "fi",
    );
    expect(percent.total).toBe(0);
    const helmiAll = await listReadableDocuments(
      helmi.client,
      { search: "", kind: "all", page: 1 },
      "fi",
    );
    expect(helmiAll.documents.map((each) => each.title)).toContain("Helmin oma muistio");
    expect(helmiAll.documents.map((each) => each.title)).toContain("Yhteinen tulkinta");
    const kalleAll = await listReadableDocuments(
      kalle.client,
      { search: "muistio", kind: "all", page: 1 },
      "fi",
    );
    // Nobody shared Helmi's own note: it is hers alone.
    expect(kalleAll.total).toBe(0);
  });

  it("opens a document to a person with a grant and closes it with a revoke", async () => {
    // Outside any network: only Aino (and her organisation's admins) may open and share it.
    const created = await createDocument(aino, "Jaettava ohje", null);
    const documentId = created.id ?? "";
    expect(await accessOf(helmi, documentId)).toBeNull();

    const byOther = await kalle.client.rpc("grant_document_permission", {
      document_id: documentId,
      level: "view",
      user_id: helmi.userId,
    });
    expect(byOther.error?.code).toBe("42501");
    expect((await kalle.client.rpc("can_manage_document", { document_id: documentId })).data).toBe(
      false,
    );
    expect((await aino.client.rpc("can_manage_document", { document_id: documentId })).data).toBe(
      true,
    );
    expect((await helmi.client.rpc("can_manage_document", { document_id: documentId })).data).toBe(
      false,
    );

    const granted = await aino.client.rpc("grant_document_permission", {
      document_id: documentId,
      level: "comment",
      user_id: helmi.userId,
    });
    expect(granted.error).toBeNull();
    expect(await accessOf(helmi, documentId)).toBe("comment");
    const shared = await getSharedDocument(helmi.client, documentId, "fi");
    expect(shared).toMatchObject({ title: "Jaettava ohje", access: "comment", canManage: false });
    const grants = await listGrants(aino.client, documentId, "fi");
    expect(grants).toMatchObject([
      { grantee: "user", name: "Helmi Hakala", level: "comment", grantedBy: "Aino Asiantuntija" },
    ]);

    // Granting again changes the level of the same grant.
    const raised = await aino.client.rpc("grant_document_permission", {
      document_id: documentId,
      level: "edit",
      user_id: helmi.userId,
    });
    expect(raised.error).toBeNull();
    expect(raised.data).toBe(granted.data);
    expect(await accessOf(helmi, documentId)).toBe("edit");

    // A grant to a network: its members edit, its observers only view.
    const toNetwork = await aino.client.rpc("grant_document_permission", {
      document_id: documentId,
      level: "edit",
      network_id: networkId,
    });
    expect(toNetwork.error).toBeNull();
    expect(await accessOf(kalle, documentId)).toBe("edit");
    expect(await accessOf(liisa, documentId)).toBe("view");

    // An outsider cannot revoke; the grantee cannot either.
    const byGrantee = await helmi.client.rpc("revoke_document_permission", {
      permission_id: granted.data,
    });
    expect(byGrantee.error?.code).toBe("P0002");
    const revoked = await aino.client.rpc("revoke_document_permission", {
      permission_id: granted.data,
    });
    expect(revoked.error).toBeNull();
    expect(await accessOf(helmi, documentId)).toBeNull();
    expect(await getSharedDocument(helmi.client, documentId, "fi")).toBeNull();
    expect((await listGrants(aino.client, documentId, "fi")).map((each) => each.grantee)).toEqual([
      "network",
    ]);
  });

  it("turns a meeting's minutes into one co-edited document of the network", async () => {
    const meeting = await kalle.client
      .from("meetings")
      .insert({
        network_id: networkId,
        title: "Verkoston kevätkokous",
        starts_at: "2026-03-12T10:00:00Z",
        ends_at: "2026-03-12T12:00:00Z",
        minutes_html: "<p>Läsnä: Kalle, Aino</p>",
        minutes_text: "Läsnä: Kalle, Aino",
      })
      .select("id")
      .single<{ id: string }>();
    if (meeting.error) throw meeting.error;

    const byMember = await aino.client.rpc("create_minutes_document", {
      meeting_id: meeting.data.id,
    });
    expect(byMember.error?.code).toBe("42501");

    const first = await kalle.client.rpc("create_minutes_document", {
      meeting_id: meeting.data.id,
    });
    expect(first.error).toBeNull();
    const second = await kalle.client.rpc("create_minutes_document", {
      meeting_id: meeting.data.id,
    });
    expect(second.data).toBe(first.data);

    const linked = await aino.client
      .from("meetings")
      .select("minutes_document_id")
      .eq("id", meeting.data.id)
      .single<{ minutes_document_id: string }>();
    expect(linked.data?.minutes_document_id).toBe(first.data);
    // Once it exists, members get the same document back instead of a refusal.
    const again = await aino.client.rpc("create_minutes_document", {
      meeting_id: meeting.data.id,
    });
    expect(again.data).toBe(first.data);

    const document = await aino.client
      .from("documents")
      .select("title, kind, network_id, html")
      .eq("id", first.data)
      .single();
    expect(document.data).toEqual({
      title: "Verkoston kevätkokous – 12.03.2026",
      kind: "page",
      network_id: networkId,
      html: "<p>Läsnä: Kalle, Aino</p>",
    });
    expect(await accessOf(aino, first.data as string)).toBe("edit");
    expect(await accessOf(liisa, first.data as string)).toBe("view");
  });
});
