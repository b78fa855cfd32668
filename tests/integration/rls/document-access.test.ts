/**
 * document_access(id), the one answer every layer asks, for every kind of person and every way
 * to reach a document (see document-fixture.ts), and the set the policies use agreeing with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";
import {
  type DocumentOutcomes,
  documentActorNames,
  documentActors,
  documentClaimsOf,
  documentFixtureSql,
  documentNames,
  documentOutcomeOf,
  documentOutcomesFor,
  documentPeople,
  documents,
  expectedAccess,
  reachedAt,
} from "./document-fixture";
import { networks } from "./network-fixture";

describe.each(availableBackends())("document_access on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
    await db.exec(documentFixtureSql);
  });
  afterAll(() => db.close());

  for (const name of documentNames) {
    it(`answers for ${name} as the fixture's table says`, async () => {
      const expected = {} as DocumentOutcomes;
      for (const actor of documentActorNames) {
        // anon may not even ask.
        expected[actor] = actor === "anon" ? "denied" : [expectedAccess[name][actor] ?? "none"];
      }
      expect(
        await documentOutcomesFor(db, "select public.document_access($1)", [documents[name]]),
      ).toEqual(expected);
    });
  }

  it("answers null for a document that does not exist", async () => {
    const outcome = await documentOutcomeOf(
      db,
      documentActors.creator,
      "select public.document_access(gen_random_uuid())",
    );
    expect(outcome).toEqual(["none"]);
  });

  it("lists exactly the documents document_access answers for (the policies' set agrees)", async () => {
    expect(await documentOutcomesFor(db, "select id from public.documents")).toEqual(
      reachedAt("view"),
    );
    // And readable_document_ids() itself, as a policy sees it.
    expect(await documentOutcomesFor(db, "select * from private.readable_document_ids()")).toEqual(
      reachedAt("view"),
    );
  });

  it("follows changes at once: a network observer becoming a member, and a grant revoked", async () => {
    const claims = documentClaimsOf("eero");
    const ask = (name: "suljettu" | "jaettuEdit") =>
      documentOutcomeOf(db, claims, "select public.document_access($1)", [documents[name]]);
    await db.query(
      "update public.network_members set role = 'member' where network_id = $1 and user_id = $2",
      [networks.suljettu, documentPeople.eero],
    );
    try {
      expect(await ask("suljettu")).toEqual(["edit"]);
      expect(await ask("jaettuEdit")).toEqual(["edit"]);
    } finally {
      await db.query(
        "update public.network_members set role = 'observer' where network_id = $1 and user_id = $2",
        [networks.suljettu, documentPeople.eero],
      );
    }
    expect(await ask("suljettu")).toEqual(["view"]);
  });

  it("caps a grant at view once the document is archived, and gives it back when it is not", async () => {
    const uma = documentClaimsOf("uma");
    const ask = () =>
      documentOutcomeOf(db, uma, "select public.document_access($1)", [documents.jaettuEdit]);
    await db.query("update public.documents set status = 'archived' where id = $1", [
      documents.jaettuEdit,
    ]);
    try {
      expect(await ask()).toEqual(["view"]);
    } finally {
      await db.query("update public.documents set status = 'draft' where id = $1", [
        documents.jaettuEdit,
      ]);
    }
    expect(await ask()).toEqual(["edit"]);
  });

  it("ends an organisation grant when the person's home membership is deactivated", async () => {
    const oskari = documentClaimsOf("oskari");
    const ask = () =>
      documentOutcomeOf(db, oskari, "select public.document_access($1)", [documents.jaettuEdit]);
    await db.query(
      "update public.organisation_members set status = 'deactivated' where user_id = $1",
      [documentPeople.oskari],
    );
    try {
      expect(await ask()).toEqual(["none"]);
    } finally {
      await db.query(
        "update public.organisation_members set status = 'active' where user_id = $1",
        [documentPeople.oskari],
      );
    }
    expect(await ask()).toEqual(["edit"]);
  });

  it("private.document_access_of answers for another person the same as they would for themselves", async () => {
    for (const actor of documentActorNames) {
      if (actor === "anon") continue;
      const person = documentActors[actor].sub;
      const { rows } = await db.query<{ name: string; level: string | null }>(
        `select doc.id as name, private.document_access_of($1, doc.id)::text as level
         from public.documents as doc`,
        [person],
      );
      for (const row of rows) {
        const name = documentNames.find((candidate) => documents[candidate] === row.name);
        if (!name) continue;
        expect(row.level ?? undefined, `${actor} ${name}`).toBe(expectedAccess[name][actor]);
      }
    }
  });
});
