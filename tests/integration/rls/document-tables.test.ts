/**
 * Row level security of the document tables, every verb: documents, document_states,
 * document_updates, document_permissions, document_versions, document_restores and
 * document_comments. Readers read; editors rename; commenters comment as themselves; nobody writes
 * the live state, its log, the derived content, permissions, versions or restores directly (the
 * collab server and the functions do); the live state and its log are unreadable for every API
 * role. Expectations come from document-fixture.ts's access table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Claims, Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import { organisations } from "./identity-fixture";
import {
  type DocumentActor,
  type DocumentName,
  type DocumentOutcomes,
  type DocumentPerson,
  comments,
  documentActorNames,
  documentActors,
  documentFixtureSql,
  documentNames,
  documentOutcomesFor,
  documentPeople,
  documents,
  documentsAt,
  forAllActors,
  permissions,
  reachedAt,
  restoreId,
  versions,
} from "./document-fixture";
import { networks } from "./network-fixture";

/** The fixture's comments: on which document, by whom. */
const commentRows: Record<keyof typeof comments, [DocumentName, DocumentPerson]> = {
  avoinThread: ["avoin", "aino"],
  avoinReply: ["avoin", "cilla"],
  jaettuThread: ["jaettuComment", "uma"],
  jaettuReply: ["jaettuComment", "aino"],
  suljettuThread: ["suljettu", "aino"],
  suljettuReply: ["suljettu", "cilla"],
};

const personOf = (actor: DocumentActor): string | undefined => {
  const claims: Claims = documentActors[actor];
  return claims.sub;
};

/** For every actor: the labels of the comments `may(actor, document, author)` allows. */
function commentsWhere(
  may: (actor: DocumentActor, document: DocumentName, author: DocumentPerson) => boolean,
): DocumentOutcomes {
  const result = {} as DocumentOutcomes;
  for (const actor of documentActorNames) {
    result[actor] =
      actor === "anon"
        ? "denied"
        : (Object.keys(comments) as (keyof typeof comments)[])
            .filter((name) => {
              const [document, author] = commentRows[name];
              return may(actor, document, author);
            })
            .map((name) => `comment:${name}`)
            .sort();
  }
  return result;
}

const reaches = (
  actor: DocumentActor,
  document: DocumentName,
  level: "view" | "comment" | "edit",
) => documentsAt(actor, level).includes(`doc:${document}`);
const isAuthor = (actor: DocumentActor, author: DocumentPerson) =>
  personOf(actor) === documentPeople[author];

describe.each(availableBackends())("document tables under RLS on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterAll(() => db.close());

  describe("documents", () => {
    it("select: the documents each person may open, nothing for anon, pending or deactivated", async () => {
      expect(await documentOutcomesFor(db, "select id from public.documents")).toEqual(
        reachedAt("view"),
      );
    });

    it("insert: no API role (documents are created through create_document)", async () => {
      const sql =
        "insert into public.documents (title, owner_organisation_id) values ('Uusi', $1) returning id";
      expect(await documentOutcomesFor(db, sql, [organisations.helsinki])).toEqual(
        forAllActors("denied"),
      );
    });

    it("update: editors rename and reclassify; not in an archived network or document", async () => {
      const sql =
        "update public.documents set title = 'Uusi nimi', kind = 'manual', language = 'sv' returning id";
      expect(await documentOutcomesFor(db, sql)).toEqual(reachedAt("edit"));
    });

    it("update: nobody writes the derived content, status, network, owner or creator directly", async () => {
      for (const assignment of [
        "html = '<p>kaapattu</p>'",
        "text = 'kaapattu'",
        "content = '{}'",
        "content_updated_at = now()",
        "last_edited_by = auth.uid()",
        "status = 'published'",
        `network_id = '${networks.avoin}'`,
        `owner_organisation_id = '${organisations.tampere}'`,
        "created_by = auth.uid()",
      ]) {
        const sql = `update public.documents set ${assignment} where id = $1 returning id`;
        expect(await documentOutcomesFor(db, sql, [documents.avoin]), assignment).toEqual(
          forAllActors("denied"),
        );
      }
    });

    it("delete: no API role", async () => {
      expect(
        await documentOutcomesFor(db, "delete from public.documents where id = $1 returning id", [
          documents.luonnos,
        ]),
      ).toEqual(forAllActors("denied"));
    });
  });

  describe("document_states and document_updates: only the collab server (the owner)", () => {
    for (const table of ["document_states", "document_updates"]) {
      it(`${table}: every verb denied to every API role`, async () => {
        for (const sql of [
          `select document_id from public.${table}`,
          table === "document_states"
            ? `insert into public.document_states (document_id, ydoc, state_vector) values ('${documents.luonnos}', '\\x00', '\\x00') returning document_id`
            : `insert into public.document_updates (document_id, update) values ('${documents.avoin}', '\\x00') returning document_id`,
          `update public.${table} set document_id = document_id returning document_id`,
          `delete from public.${table} returning document_id`,
        ]) {
          expect(await documentOutcomesFor(db, sql), sql).toEqual(forAllActors("denied"));
        }
      });
    }

    it("no API role, service_role included, holds any privilege on them", async () => {
      const { rows } = await db.query<{ grantee: string; table_name: string }>(`
        select grantee, table_name from information_schema.role_table_grants
        where table_schema = 'public' and table_name in ('document_states', 'document_updates')
          and grantee in ('anon', 'authenticated', 'service_role')`);
      expect(rows).toEqual([]);
    });

    it("the owner connection reads and writes them", async () => {
      const { rows } = await db.query<{ states: number; updates: number }>(
        `select (select count(*)::int from public.document_states where document_id = $1) as states,
                (select count(*)::int from public.document_updates where document_id = $1) as updates`,
        [documents.avoin],
      );
      expect(rows).toEqual([{ states: 1, updates: 1 }]);
      await db
        .transaction(null, async (tx) => {
          await tx.query(
            "insert into public.document_updates (document_id, update) values ($1, '\\x01')",
            [documents.avoin],
          );
          await tx.query("delete from public.document_updates where document_id = $1", [
            documents.avoin,
          ]);
          await tx.query(
            "update public.document_states set ydoc = '\\x01' where document_id = $1",
            [documents.avoin],
          );
          // Leave the fixture as it was.
          throw new Error("roll back");
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message === "roll back")) throw error;
        });
    });
  });

  describe("document_permissions", () => {
    it("select: the readers of a document see who it is shared with", async () => {
      const expected = {} as DocumentOutcomes;
      for (const actor of documentActorNames) {
        expected[actor] =
          actor === "anon"
            ? "denied"
            : Object.keys(permissions)
                .filter((key) => reaches(actor, key.split("/")[0] as DocumentName, "view"))
                .map((key) => `grant:${key}`)
                .sort();
      }
      expect(await documentOutcomesFor(db, "select id from public.document_permissions")).toEqual(
        expected,
      );
    });

    it("insert, update, delete: no API role (grant_document_permission and revoke_document_permission do)", async () => {
      for (const sql of [
        `insert into public.document_permissions (document_id, user_id, level)
           values ('${documents.luonnos}', auth.uid(), 'edit') returning document_id`,
        "update public.document_permissions set level = 'edit' returning id",
        "delete from public.document_permissions returning id",
      ]) {
        expect(await documentOutcomesFor(db, sql), sql).toEqual(forAllActors("denied"));
      }
    });
  });

  describe("document_versions", () => {
    it("select: the readers of a document see its versions", async () => {
      expect(await documentOutcomesFor(db, "select id from public.document_versions")).toEqual(
        reachedAt("view", documentNames, "version"),
      );
    });

    it("insert, update, delete: no API role (versions never change)", async () => {
      for (const sql of [
        `insert into public.document_versions (document_id, number, kind, content, text, html)
           values ('${documents.avoin}', 99, 'auto', '{}', '', '') returning document_id`,
        "update public.document_versions set html = '<p>kaapattu</p>' returning id",
        "delete from public.document_versions returning id",
      ]) {
        expect(await documentOutcomesFor(db, sql), sql).toEqual(forAllActors("denied"));
      }
    });
  });

  describe("document_restores", () => {
    it("select: the readers of a document see its restores", async () => {
      const expected = {} as DocumentOutcomes;
      for (const actor of documentActorNames) {
        expected[actor] =
          actor === "anon" ? "denied" : reaches(actor, "avoin", "view") ? ["restore:avoin"] : [];
      }
      expect(await documentOutcomesFor(db, "select id from public.document_restores")).toEqual(
        expected,
      );
    });

    it("insert, update, delete: no API role (restore_document_version asks; the server applies)", async () => {
      for (const sql of [
        `insert into public.document_restores (document_id, version_id)
           values ('${documents.avoin}', '${versions.avoin}') returning id`,
        `update public.document_restores set applied_at = now() where id = '${restoreId}' returning id`,
        "delete from public.document_restores returning id",
      ]) {
        expect(await documentOutcomesFor(db, sql), sql).toEqual(forAllActors("denied"));
      }
    });
  });

  describe("document_comments", () => {
    it("select: the readers of a document read its comments", async () => {
      expect(await documentOutcomesFor(db, "select id from public.document_comments")).toEqual(
        commentsWhere((actor, document) => reaches(actor, document, "view")),
      );
    });

    for (const name of documentNames) {
      it(`insert: a new thread on ${name} by those who may comment on it, as themselves`, async () => {
        const sql = `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
          values ($1, 'Miten', 0, 'Onko tämä ajan tasalla?', auth.uid()) returning document_id`;
        const expected = {} as DocumentOutcomes;
        for (const actor of documentActorNames) {
          expected[actor] = reaches(actor, name, "comment") ? [`doc:${name}`] : "denied";
        }
        expect(await documentOutcomesFor(db, sql, [documents[name]])).toEqual(expected);
      });
    }

    it("insert: a reply to a thread by those who may comment", async () => {
      const sql = `insert into public.document_comments (document_id, thread_id, body)
        values ($1, $2, 'Samaa mieltä.') returning document_id`;
      const expected = {} as DocumentOutcomes;
      for (const actor of documentActorNames) {
        expected[actor] = reaches(actor, "jaettuComment", "comment")
          ? ["doc:jaettuComment"]
          : "denied";
      }
      expect(
        await documentOutcomesFor(db, sql, [documents.jaettuComment, comments.jaettuThread]),
      ).toEqual(expected);
    });

    it("insert: nobody comments as someone else", async () => {
      const sql = `insert into public.document_comments (document_id, quote, quote_offset, body, author_id)
        values ($1, 'Miten', 0, 'Toisen nimissä', $2) returning document_id`;
      expect(await documentOutcomesFor(db, sql, [documents.avoin, documentPeople.cilla])).toEqual(
        forAllActors("denied", { creator: ["doc:avoin"] }),
      );
    });

    it("insert: no reply to a reply, and no reply to another document's thread", async () => {
      const sql = `insert into public.document_comments (document_id, thread_id, body)
        values ($1, $2, 'Vastaus') returning document_id`;
      expect(await documentOutcomesFor(db, sql, [documents.avoin, comments.avoinReply])).toEqual(
        forAllActors("denied"),
      );
      expect(
        await documentOutcomesFor(db, sql, [documents.jaettuComment, comments.avoinThread]),
      ).toEqual(forAllActors("denied"));
    });

    it("insert: nobody sets the anchor or the resolution (the server and resolve_document_comment do)", async () => {
      for (const column of ["anchored_at", "resolved_at"]) {
        const sql = `insert into public.document_comments (document_id, quote, quote_offset, body, ${column})
          values ($1, 'Miten', 0, 'Ankkuroitu', now()) returning document_id`;
        expect(await documentOutcomesFor(db, sql, [documents.avoin]), column).toEqual(
          forAllActors("denied"),
        );
      }
    });

    it("update: authors edit their own comments while they may comment", async () => {
      const sql = "update public.document_comments set body = 'Muokattu.' returning id";
      expect(await documentOutcomesFor(db, sql)).toEqual(
        commentsWhere(
          (actor, document, author) =>
            isAuthor(actor, author) && reaches(actor, document, "comment"),
        ),
      );
    });

    it("update: nobody changes the anchor, the resolution, the document or the author", async () => {
      for (const assignment of [
        "anchored_at = now()",
        "resolved_at = now()",
        "resolved_by = auth.uid()",
        "quote = 'Toinen'",
        `document_id = '${documents.luonnos}'`,
        "author_id = auth.uid()",
      ]) {
        const sql = `update public.document_comments set ${assignment} returning id`;
        expect(await documentOutcomesFor(db, sql), assignment).toEqual(forAllActors("denied"));
      }
    });

    it("delete: authors their own while they may comment, editors any", async () => {
      const sql = "delete from public.document_comments returning id";
      expect(await documentOutcomesFor(db, sql)).toEqual(
        commentsWhere(
          (actor, document, author) =>
            (isAuthor(actor, author) && reaches(actor, document, "comment")) ||
            reaches(actor, document, "edit"),
        ),
      );
    });
  });
});
