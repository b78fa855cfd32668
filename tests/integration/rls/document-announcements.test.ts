/**
 * What the collab server hears: every change that can change someone's access to a document is
 * announced on 'verkko_document_access' with the documented payload ({"user"|"document"|"network":
 * id}), whoever makes it (a function, the owner, or a person through the REST API); restores and
 * new comment threads are announced on their own channels with the row's id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Claims, Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { organisations } from "./identity-fixture";
import {
  comments,
  documentActors,
  documentClaimsOf,
  documentFixtureSql,
  documentPeople,
  documents,
  permissions,
  versions,
} from "./document-fixture";
import { networks } from "./network-fixture";

type Heard = { channel: string; payload: string };

describe.each(availableBackends())("document announcements on %s", (backend) => {
  let db: Database;
  const heard: Heard[] = [];
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
    for (const channel of [
      "verkko_document_access",
      "verkko_document_restore",
      "verkko_document_comment",
    ]) {
      stops.push(
        await db.listen(channel, (payload) =>
          // Access payloads are JSON (jsonb's text has spaces): compare them in one spelling.
          heard.push({
            channel,
            payload:
              channel === "verkko_document_access" ? JSON.stringify(JSON.parse(payload)) : payload,
          }),
        ),
      );
    }
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await db.close();
  });
  afterEach(() => {
    heard.length = 0;
  });

  /** Waits until every expected payload arrived on `channel` (notifications follow the commit). */
  async function expectHeard(channel: string, expected: string[]): Promise<void> {
    const deadline = Date.now() + 5000;
    const payloads = () =>
      heard.filter((item) => item.channel === channel).map((item) => item.payload);
    while (!expected.every((payload) => payloads().includes(payload)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(payloads()).toEqual(expect.arrayContaining(expected));
  }

  const access = (payload: Record<string, string>) => JSON.stringify(payload);
  const as = (claims: Claims, sql: string, params: unknown[] = []) =>
    db.transaction(claims, (tx) => tx.query(sql, params));

  it("a permission granted, changed and revoked: the document", async () => {
    const hanna = documentActors.orgAdmin;
    const { rows } = await db.transaction(hanna, (tx) =>
      tx.query<{ id: string }>("select public.grant_document_permission($1, 'view', $2) as id", [
        documents.luonnos,
        documentPeople.olli,
      ]),
    );
    await expectHeard("verkko_document_access", [access({ document: documents.luonnos })]);
    heard.length = 0;
    await as(hanna, "select public.grant_document_permission($1, 'edit', $2)", [
      documents.luonnos,
      documentPeople.olli,
    ]);
    await expectHeard("verkko_document_access", [access({ document: documents.luonnos })]);
    heard.length = 0;
    await as(hanna, "select public.revoke_document_permission($1)", [rows[0]?.id]);
    await expectHeard("verkko_document_access", [access({ document: documents.luonnos })]);
  });

  it("a network membership added, changed and removed: the person", async () => {
    const olli = access({ user: documentPeople.olli });
    await db.query("insert into public.network_members (network_id, user_id) values ($1, $2)", [
      networks.suljettu,
      documentPeople.olli,
    ]);
    await expectHeard("verkko_document_access", [olli]);
    heard.length = 0;
    await as(
      documentActors.coordinator,
      "select public.set_network_member_role($1, $2, 'observer')",
      [networks.suljettu, documentPeople.olli],
    );
    await expectHeard("verkko_document_access", [olli]);
    heard.length = 0;
    await as(documentActors.coordinator, "select public.remove_network_member($1, $2)", [
      networks.suljettu,
      documentPeople.olli,
    ]);
    await expectHeard("verkko_document_access", [olli]);
  });

  it("a home organisation deactivating someone, and making someone its admin: the person", async () => {
    const admin = documentClaimsOf("anna", "aal2"); // Tampere's admin
    const uma = access({ user: documentPeople.uma });
    await as(admin, "select public.deactivate_member($1, $2)", [
      documentPeople.uma,
      organisations.tampere,
    ]);
    await expectHeard("verkko_document_access", [uma]);
    heard.length = 0;
    await as(admin, "select public.reactivate_member($1, $2)", [
      documentPeople.uma,
      organisations.tampere,
    ]);
    await expectHeard("verkko_document_access", [uma]);
    heard.length = 0;
    await as(admin, "select public.set_member_role($1, $2, 'admin')", [
      documentPeople.uma,
      organisations.tampere,
    ]);
    await expectHeard("verkko_document_access", [uma]);
    await as(admin, "select public.set_member_role($1, $2, 'member')", [
      documentPeople.uma,
      organisations.tampere,
    ]);
  });

  it("a person's home organisation changing: the person", async () => {
    await db.query("update public.profiles set home_organisation_id = $1 where id = $2", [
      organisations.spare,
      documentPeople.uma,
    ]);
    await expectHeard("verkko_document_access", [access({ user: documentPeople.uma })]);
    await db.query("update public.profiles set home_organisation_id = $1 where id = $2", [
      organisations.tampere,
      documentPeople.uma,
    ]);
  });

  it("a network archived and restored: the network", async () => {
    const avoin = access({ network: networks.avoin });
    await as(documentActors.coordinator, "select public.archive_network($1)", [networks.avoin]);
    await expectHeard("verkko_document_access", [avoin]);
    heard.length = 0;
    await as(documentActors.coordinator, "select public.restore_network($1)", [networks.avoin]);
    await expectHeard("verkko_document_access", [avoin]);
  });

  it("a coordinator changing the network's visibility through the REST API: the network", async () => {
    // The coordinator's own role runs the trigger, and it may execute no private function.
    await as(
      documentActors.coordinator,
      "update public.networks set visibility = 'members' where id = $1",
      [networks.avoin],
    );
    await expectHeard("verkko_document_access", [access({ network: networks.avoin })]);
    await as(
      documentActors.coordinator,
      "update public.networks set visibility = 'signed_in' where id = $1",
      [networks.avoin],
    );
  });

  it("a document moved to another network, or archived: the document", async () => {
    const luonnos = access({ document: documents.luonnos });
    await db.query("update public.documents set network_id = $1 where id = $2", [
      networks.avoin,
      documents.luonnos,
    ]);
    await expectHeard("verkko_document_access", [luonnos]);
    heard.length = 0;
    await db.query(
      "update public.documents set network_id = null, status = 'archived' where id = $1",
      [documents.luonnos],
    );
    await expectHeard("verkko_document_access", [luonnos]);
    await db.query("update public.documents set status = 'draft' where id = $1", [
      documents.luonnos,
    ]);
  });

  it("an editor renaming a document announces nothing (access did not change)", async () => {
    await as(
      documentActors.creator,
      "update public.documents set title = 'Uusi nimi' where id = $1",
      [documents.jaettuView],
    );
    // Something that is announced, to know the rename's turn has passed.
    await as(documentActors.creator, "select public.revoke_document_permission($1)", [
      permissions["jaettuEdit/dave"],
    ]);
    await expectHeard("verkko_document_access", [access({ document: documents.jaettuEdit })]);
    expect(heard.map((item) => item.payload)).not.toContain(
      access({ document: documents.jaettuView }),
    );
  });

  it("a restore asked for: its id on 'verkko_document_restore'", async () => {
    const { rows } = await db.transaction(documentActors.member, (tx) =>
      tx.query<{ id: string }>("select public.restore_document_version($1) as id", [
        versions.avoin,
      ]),
    );
    await expectHeard("verkko_document_restore", [String(rows[0]?.id)]);
  });

  it("a new thread (not a reply): its id on 'verkko_document_comment', for the server to anchor", async () => {
    const thread = await db.transaction(documentActors.userGrantee, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into public.document_comments (document_id, quote, quote_offset, body)
         values ($1, 'Miten', 0, 'Mitä tämä tarkoittaa?') returning id`,
        [documents.jaettuComment],
      );
      await tx.query(
        "insert into public.document_comments (document_id, thread_id, body) values ($1, $2, 'Tarkennus.')",
        [documents.jaettuComment, comments.jaettuThread],
      );
      return rows[0]?.id;
    });
    await expectHeard("verkko_document_comment", [String(thread)]);
    expect(heard.filter((item) => item.channel === "verkko_document_comment")).toHaveLength(1);
  });
});
