/**
 * The document functions as the database sees them: what the API roles may execute at all, that
 * every security definer function pins its search_path, and who may call each function that does
 * what no role may do directly. Expectations come from document-fixture.ts's access table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { organisations } from "./identity-fixture";
import {
  type AccessLevel,
  type DocumentName,
  type DocumentOutcomes,
  comments,
  documentActorNames,
  documentActors,
  documentFixtureSql,
  documentOutcomesFor,
  documentPeople,
  documents,
  expectedAccess,
  forAllActors,
  permissions,
  versions,
} from "./document-fixture";
import { meetings, networks } from "./network-fixture";

/** The private helpers the policies call, and so the only ones `authenticated` may execute. */
const helpersForPolicies = [
  "admin_organisation_ids",
  "administered_user_ids",
  "coordinated_network_ids",
  "handles_document",
  "has_active_home_membership",
  "is_aal2",
  "is_active_user",
  "is_document_thread",
  "is_network_coordinator",
  "is_org_admin",
  "is_platform_admin",
  "my_board_ids",
  "my_network_ids",
  "network_role",
  "readable_document_ids",
  "readable_network_ids",
  "readable_round_ids",
  "readable_sparring_question_ids",
  "reads_library",
  "reads_published",
  "writable_network_ids",
];

const documentFunctions = [
  "create_document",
  "create_minutes_document",
  "document_access",
  "grant_document_permission",
  "my_recent_documents",
  "name_document_version",
  "resolve_document_comment",
  "restore_document_version",
  "revoke_document_permission",
];

const rank: Record<AccessLevel, number> = { view: 1, comment: 2, edit: 3 };

/**
 * A function that needs `level` on `document`: "ok" at that level, 42501 below it, and "no such
 * document" (P0002) for people who may not know it exists.
 */
function needing(level: AccessLevel, document: DocumentName): DocumentOutcomes {
  const result = {} as DocumentOutcomes;
  for (const actor of documentActorNames) {
    const granted = expectedAccess[document][actor];
    result[actor] =
      actor === "anon"
        ? "denied"
        : granted === undefined
          ? { error: "P0002" }
          : rank[granted] >= rank[level]
            ? "ok"
            : "denied";
  }
  return result;
}

describe.each(availableBackends())("document functions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterAll(() => db.close());

  describe("what the API roles may execute", () => {
    it("anon executes no private function; authenticated only the helpers policies call", async () => {
      const { rows } = await db.query<{ name: string; anon: boolean; authenticated: boolean }>(`
        select proc.proname as name,
          has_function_privilege('anon', proc.oid, 'execute') as anon,
          has_function_privilege('authenticated', proc.oid, 'execute') as authenticated
        from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
        where namespace.nspname = 'private'`);
      expect(rows.filter((row) => row.anon).map((row) => row.name)).toEqual([]);
      expect(
        [...new Set(rows.filter((row) => row.authenticated).map((row) => row.name))].sort(),
      ).toEqual(helpersForPolicies);
    });

    it("every security definer function in public and private pins search_path to ''", async () => {
      const { rows } = await db.query<{ name: string }>(`
        select namespace.nspname || '.' || proc.proname as name
        from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
        where namespace.nspname in ('public', 'private') and proc.prosecdef
          and not coalesce('search_path=""' = any (proc.proconfig), false)
        order by 1`);
      expect(rows.map((row) => row.name)).toEqual([]);
    });

    it("the document functions: authenticated executes every one, anon none", async () => {
      const { rows } = await db.query<{ name: string; anon: boolean; authenticated: boolean }>(
        `select proc.proname as name,
           has_function_privilege('anon', proc.oid, 'execute') as anon,
           has_function_privilege('authenticated', proc.oid, 'execute') as authenticated
         from pg_proc as proc join pg_namespace as namespace on namespace.oid = proc.pronamespace
         where namespace.nspname = 'public' and proc.proname = any ($1::text[])
         order by 1`,
        [documentFunctions],
      );
      expect(rows).toEqual(
        documentFunctions.map((name) => ({ name, anon: false, authenticated: true })),
      );
    });
  });

  describe("create_document", () => {
    it("in a network: its coordinators and members (a guest member too), not observers or outsiders", async () => {
      const sql = "select public.create_document('Uusi ohje', 'guidance', 'fi', $1)";
      expect(await documentOutcomesFor(db, sql, [networks.avoin], "call")).toEqual(
        forAllActors("denied", { guest: "ok", member: "ok", coordinator: "ok" }),
      );
    });

    it("in an archived network: nobody", async () => {
      const sql = "select public.create_document('Uusi ohje', 'guidance', 'fi', $1)";
      expect(await documentOutcomesFor(db, sql, [networks.arkisto], "call")).toEqual(
        forAllActors("denied"),
      );
    });

    it("without a network: every active user, for their home organisation", async () => {
      const sql = "select public.create_document('Muistio')";
      expect(await documentOutcomesFor(db, sql, [], "call")).toEqual(
        forAllActors("ok", { anon: "denied", pending: "denied", deactivated: "denied" }),
      );
    });

    it("for another organisation: only its active members", async () => {
      const sql = "select public.create_document('Muistio', 'page', 'fi', null, $1)";
      expect(await documentOutcomesFor(db, sql, [organisations.helsinki], "call")).toEqual(
        forAllActors("denied", {
          outsider: "ok",
          observer: "ok",
          orgAdmin: "ok",
          platformAdmin: "ok",
        }),
      );
    });

    it("makes the caller its creator (edit) and their home organisation its owner", async () => {
      const created = await db.transaction(documentActors.member, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          "select public.create_document('  Uusi ohje  ', 'manual', 'sv', $1, null, '<p>Hej</p>') as id",
          [networks.avoin],
        );
        const id = rows[0]?.id;
        const access = await tx.query<{ access: string }>(
          "select public.document_access($1) as access",
          [id],
        );
        expect(access.rows).toEqual([{ access: "edit" }]);
        return id;
      });
      const { rows } = await db.query(
        `select title, kind::text, language, owner_organisation_id, network_id, created_by, html, status::text
         from public.documents where id = $1`,
        [created],
      );
      expect(rows).toEqual([
        {
          title: "Uusi ohje",
          kind: "manual",
          language: "sv",
          owner_organisation_id: organisations.tampere,
          network_id: networks.avoin,
          created_by: documentPeople.aino,
          html: "<p>Hej</p>",
          status: "draft",
        },
      ]);
      await db.query("delete from public.documents where id = $1", [created]);
    });
  });

  describe("grant_document_permission and revoke_document_permission", () => {
    const grant = "select public.grant_document_permission($1, 'view', $2)";

    it("grant: the creator, the owner organisation's admins and the network's coordinators", async () => {
      expect(
        await documentOutcomesFor(db, grant, [documents.avoin, documentPeople.olli], "call"),
      ).toEqual(forAllActors("denied", { creator: "ok", orgAdmin: "ok", coordinator: "ok" }));
      // Not an editor as such: a member edits suljettu's document but does not share it.
      expect(
        await documentOutcomesFor(db, grant, [documents.suljettu, documentPeople.olli], "call"),
      ).toEqual(forAllActors("denied", { creator: "ok", orgAdmin: "ok", coordinator: "ok" }));
    });

    it("grant: an archived network's coordinators no longer manage its documents", async () => {
      expect(
        await documentOutcomesFor(db, grant, [documents.arkisto, documentPeople.olli], "call"),
      ).toEqual(forAllActors("denied", { creator: "ok", orgAdmin: "ok" }));
    });

    it("grant: exactly one grantee, and granting again changes the level of the one grant", async () => {
      const none = await documentOutcomesFor(
        db,
        "select public.grant_document_permission($1, 'view')",
        [documents.luonnos],
        "call",
      );
      expect(none.creator).toEqual({ error: "22023" });
      const two = await documentOutcomesFor(
        db,
        "select public.grant_document_permission($1, 'view', $2, $3)",
        [documents.luonnos, documentPeople.olli, organisations.spare],
        "call",
      );
      expect(two.creator).toEqual({ error: "22023" });

      const ids = await db.transaction(documentActors.creator, async (tx) => {
        const first = await tx.query<{ id: string }>(
          "select public.grant_document_permission($1, 'view', organisation_id => $2) as id",
          [documents.luonnos, organisations.spare],
        );
        const second = await tx.query<{ id: string }>(
          "select public.grant_document_permission($1, 'comment', organisation_id => $2) as id",
          [documents.luonnos, organisations.spare],
        );
        return [first.rows[0]?.id, second.rows[0]?.id];
      });
      expect(ids[0]).toBe(ids[1]);
      const { rows } = await db.query(
        "select level::text, granted_by from public.document_permissions where document_id = $1",
        [documents.luonnos],
      );
      expect(rows).toEqual([{ level: "comment", granted_by: documentPeople.cilla }]);
      const oskari = await db.transaction(
        { role: "authenticated", sub: documentPeople.oskari },
        async (tx) =>
          (
            await tx.query<{ access: string }>("select public.document_access($1) as access", [
              documents.luonnos,
            ])
          ).rows,
      );
      expect(oskari).toEqual([{ access: "comment" }]);
      await db.query("delete from public.document_permissions where document_id = $1", [
        documents.luonnos,
      ]);
    });

    it("revoke: the document's managers; for everyone else the permission does not exist", async () => {
      const sql = "select public.revoke_document_permission($1)";
      expect(await documentOutcomesFor(db, sql, [permissions["jaettuEdit/uma"]], "call")).toEqual(
        forAllActors(
          { error: "P0002" },
          {
            anon: "denied",
            pending: "denied",
            deactivated: "denied",
            creator: "ok",
            orgAdmin: "ok",
          },
        ),
      );
    });
  });

  describe("name_document_version and restore_document_version: editors only", () => {
    for (const document of ["jaettuComment", "avoin", "arkisto"] as const) {
      it(`name_document_version on ${document}`, async () => {
        const sql = "select public.name_document_version($1, 'Lausuntokierrokselle')";
        expect(await documentOutcomesFor(db, sql, [documents[document]], "call")).toEqual(
          needing("edit", document),
        );
      });

      it(`restore_document_version on ${document}`, async () => {
        const sql = "select public.restore_document_version($1)";
        expect(await documentOutcomesFor(db, sql, [versions[document]], "call")).toEqual(
          needing("edit", document),
        );
      });
    }

    it("a named version is the next number with the document's current content", async () => {
      await db.query(
        "update public.documents set html = '<p>Nyt</p>', text = 'Nyt' where id = $1",
        [documents.luonnos],
      );
      await db.transaction(documentActors.orgAdmin, (tx) =>
        tx.query("select public.name_document_version($1, '  Versio 1.0  ')", [documents.luonnos]),
      );
      const { rows } = await db.query(
        `select number, kind, name, html, text, created_by from public.document_versions
         where document_id = $1 order by number`,
        [documents.luonnos],
      );
      expect(rows).toEqual([
        expect.objectContaining({ number: 1, kind: "auto" }),
        {
          number: 2,
          kind: "named",
          name: "Versio 1.0",
          html: "<p>Nyt</p>",
          text: "Nyt",
          created_by: documentPeople.hanna,
        },
      ]);
    });

    it("a restore is a request for the collab server, in the log of restores", async () => {
      const requested = await db.transaction(documentActors.member, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          "select public.restore_document_version($1) as id",
          [versions.avoin],
        );
        return rows[0]?.id;
      });
      const { rows } = await db.query(
        "select document_id, version_id, requested_by, applied_at from public.document_restores where id = $1",
        [requested],
      );
      expect(rows).toEqual([
        {
          document_id: documents.avoin,
          version_id: versions.avoin,
          requested_by: documentPeople.aino,
          applied_at: null,
        },
      ]);
    });
  });

  describe("resolve_document_comment", () => {
    it("anyone who may comment resolves or reopens a thread", async () => {
      for (const resolved of [true, false]) {
        const sql = "select public.resolve_document_comment($1, $2)";
        expect(
          await documentOutcomesFor(db, sql, [comments.jaettuThread, resolved], "call"),
        ).toEqual(needing("comment", "jaettuComment"));
      }
    });

    it("a reply is not a thread", async () => {
      const sql = "select public.resolve_document_comment($1)";
      expect(await documentOutcomesFor(db, sql, [comments.jaettuReply], "call")).toEqual(
        forAllActors({ error: "P0002" }, { anon: "denied" }),
      );
    });

    it("records who resolved it, and reopening clears it", async () => {
      await db.transaction(documentActors.userGrantee, (tx) =>
        tx.query("select public.resolve_document_comment($1)", [comments.jaettuThread]),
      );
      const resolved = await db.query(
        "select resolved_at is not null as resolved, resolved_by from public.document_comments where id = $1",
        [comments.jaettuThread],
      );
      expect(resolved.rows).toEqual([{ resolved: true, resolved_by: documentPeople.uma }]);
      await db.transaction(documentActors.member, (tx) =>
        tx.query("select public.resolve_document_comment($1, false)", [comments.jaettuThread]),
      );
      const reopened = await db.query(
        "select resolved_at, resolved_by from public.document_comments where id = $1",
        [comments.jaettuThread],
      );
      expect(reopened.rows).toEqual([{ resolved_at: null, resolved_by: null }]);
    });
  });

  describe("create_minutes_document", () => {
    it("only the network's coordinators; a members-only network's meeting stays hidden", async () => {
      const sql = "select public.create_minutes_document($1)";
      expect(await documentOutcomesFor(db, sql, [meetings.avoin], "call")).toEqual(
        forAllActors("denied", { coordinator: "ok" }),
      );
      const membersOnly = await documentOutcomesFor(db, sql, [meetings.suljettu], "call");
      expect(membersOnly.coordinator).toBe("ok");
      expect(membersOnly.member).toBe("denied");
      expect(membersOnly.outsider).toEqual({ error: "P0002" });
      expect(membersOnly.creator).toEqual({ error: "P0002" });
    });

    it("not in an archived network", async () => {
      const sql = "select public.create_minutes_document($1)";
      expect(await documentOutcomesFor(db, sql, [meetings.arkisto], "call")).toEqual(
        // The guest does not read that network at all.
        forAllActors("denied", { guest: { error: "P0002" } }),
      );
    });

    it("once: a second call returns the same document, which holds the minutes", async () => {
      await db.query(
        "update public.meetings set minutes_html = '<p>Pöytäkirja</p>' where id = $1",
        [meetings.avoin],
      );
      const call = () =>
        db.transaction(documentActors.coordinator, async (tx) => {
          const { rows } = await tx.query<{ id: string }>(
            "select public.create_minutes_document($1) as id",
            [meetings.avoin],
          );
          return rows[0]?.id;
        });
      const first = await call();
      expect(await call()).toBe(first);
      const { rows } = await db.query(
        `select doc.kind::text, doc.network_id, doc.html, doc.created_by,
           meeting.minutes_document_id = doc.id as linked, doc.title like 'Tapaaminen: avoin – %' as titled
         from public.documents as doc join public.meetings as meeting on meeting.id = $2
         where doc.id = $1`,
        [first, meetings.avoin],
      );
      expect(rows).toEqual([
        {
          kind: "page",
          network_id: networks.avoin,
          html: "<p>Pöytäkirja</p>",
          created_by: documentPeople.anna,
          linked: true,
          titled: true,
        },
      ]);
      // Once it exists, the network's readers are told which document it is (they may view it).
      const sql = "select public.create_minutes_document($1)";
      const later = await documentOutcomesFor(db, sql, [meetings.avoin], "call");
      expect(later.member).toBe("ok");
      expect(later.pending).toBe("denied");
      await db.query("update public.meetings set minutes_document_id = null where id = $1", [
        meetings.avoin,
      ]);
      await db.query("delete from public.documents where id = $1", [first]);
    });
  });

  describe("my_recent_documents", () => {
    it("what the caller created or contributed to, and only what they may still open", async () => {
      const sql = "select id from public.my_recent_documents()";
      const everything = Object.keys(documents)
        .map((name) => `doc:${name}`)
        .sort();
      expect(await documentOutcomesFor(db, sql)).toEqual(
        forAllActors([], {
          anon: "denied",
          creator: everything,
          // A contributor to avoin's first version.
          member: ["doc:avoin"],
        }),
      );
    });

    it("the last editor sees it while they may open it, and no longer once they may not", async () => {
      const sql = "select id from public.my_recent_documents()";
      await db.query("update public.documents set last_edited_by = $1 where id in ($2, $3)", [
        documentPeople.uma,
        documents.jaettuEdit,
        documents.luonnos,
      ]);
      try {
        const outcome = await documentOutcomesFor(db, sql);
        // luonnos is not shared with her.
        expect(outcome.userGrantee).toEqual(["doc:jaettuEdit"]);
      } finally {
        await db.query("update public.documents set last_edited_by = null where id in ($1, $2)", [
          documents.jaettuEdit,
          documents.luonnos,
        ]);
      }
    });
  });
});
