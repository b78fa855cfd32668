/**
 * People, networks and notifications for the notification tests: real sign-ups through the
 * embedded auth (so the sign-up trigger makes profiles), networks inserted as the owner, and
 * private.notify() called as a feature's security definer function would call it, with the
 * actor's claims set for the transaction.
 */
import type { Database, Queryable } from "../../../server/embedded/db";
import type { Backend } from "../../helpers/databases";
import type { EmbeddedStack } from "../../helpers/embedded-stack";
import { type Person, makeActive, signUp, startIdentityStack, tampere } from "../identity/support";

export { tampere };

export interface Cast {
  stack: EmbeddedStack;
  db: Database;
  /** Active at Tampere. */
  aino: Person;
  /** Active at Tampere; coordinates the networks below. */
  kalle: Person;
  /** Active at Tampere; prefers Swedish. */
  helmi: Person;
  /** Signed up, waiting for approval. */
  pekka: Person;
  /** A network every active person may read; Aino, Kalle and Helmi are members. */
  openNetwork: string;
  /** A members-only network Aino is not in. */
  closedNetwork: string;
}

export const openNetworkNames = { fi: "Palkkatukiverkosto", sv: "Lönesubventionsnätverket" };

export async function createNetwork(
  db: Database,
  options: { slug: string; nameFi: string; nameSv?: string; visibility?: "signed_in" | "members" },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.networks (slug, kind, name_fi, name_sv, purpose_fi, owner_organisation_id, visibility)
     values ($1, 'national', $2, $3, 'Testiverkosto', $4, $5) returning id`,
    [
      options.slug,
      options.nameFi,
      options.nameSv ?? null,
      tampere,
      options.visibility ?? "signed_in",
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("no network");
  return id;
}

export async function addMember(
  db: Database,
  network: string,
  person: Person,
  role: "coordinator" | "member" | "observer" = "member",
): Promise<void> {
  await db.query(
    "insert into public.network_members (network_id, user_id, role) values ($1, $2, $3)",
    [network, person.userId, role],
  );
}

export async function startCast(backend: Backend): Promise<Cast> {
  const stack = await startIdentityStack(backend);
  const { db } = stack;
  const aino = await signUp(stack, "aino.asiantuntija@tampere.test", {
    full_name: "Aino Asiantuntija",
  });
  const kalle = await signUp(stack, "kalle.koordinaattori@tampere.test", {
    full_name: "Kalle Koordinaattori",
  });
  const helmi = await signUp(stack, "helmi.hakala@tampere.test", {
    full_name: "Helmi Hakala",
    locale: "sv",
  });
  const pekka = await signUp(stack, "pekka.odottaja@tampere.test", { full_name: "Pekka Odottaja" });
  for (const person of [aino, kalle, helmi]) await makeActive(db, person, tampere);

  const openNetwork = await createNetwork(db, {
    slug: "palkkatuki",
    nameFi: openNetworkNames.fi,
    nameSv: openNetworkNames.sv,
  });
  const closedNetwork = await createNetwork(db, {
    slug: "suljettu",
    nameFi: "Suljettu verkosto",
    visibility: "members",
  });
  await addMember(db, openNetwork, kalle, "coordinator");
  await addMember(db, openNetwork, aino);
  await addMember(db, openNetwork, helmi);
  await addMember(db, closedNetwork, kalle, "coordinator");
  return { stack, db, aino, kalle, helmi, pekka, openNetwork, closedNetwork };
}

export interface NotifyArgs {
  recipient: string | null;
  kind?: string;
  network?: string | null;
  link?: string;
  data?: Record<string, unknown>;
  direct?: boolean;
}

/** Calls private.notify() as a feature's function would, with `actor` as auth.uid(). */
export async function notifyAs(
  db: Database,
  actor: string | null,
  args: NotifyArgs,
): Promise<void> {
  await db.transaction(null, async (tx) => {
    await actAs(tx, actor);
    await tx.query("select private.notify($1, $2, $3, $4, $5, $6)", [
      args.recipient,
      args.kind ?? "reply",
      args.network ?? null,
      args.link ?? "/networks/palkkatuki",
      JSON.stringify(args.data ?? {}),
      args.direct ?? false,
    ]);
  });
}

/** Calls private.notify_watchers() with `actor` as auth.uid(). */
export async function notifyWatchersAs(
  db: Database,
  actor: string,
  network: string,
  exclude: string[] = [],
): Promise<void> {
  await db.transaction(null, async (tx) => {
    await actAs(tx, actor);
    await tx.query("select private.notify_watchers($1, 'new_thread', $2, $3, $4)", [
      network,
      "/networks/palkkatuki/discussions/1",
      JSON.stringify({ title: "Uusi ketju" }),
      exclude,
    ]);
  });
}

async function actAs(tx: Queryable, actor: string | null): Promise<void> {
  if (!actor) return;
  await tx.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ role: "authenticated", sub: actor }),
  ]);
}

export interface StoredNotification {
  id: string;
  recipient_id: string;
  kind: string;
  network_id: string | null;
  actor_id: string | null;
  link: string;
  data: Record<string, unknown>;
  read_at: string | null;
  digested_at: string | null;
}

/** Every notification of `recipient`, oldest first, read as the owner. */
export async function notificationsOf(
  db: Database,
  recipient: string,
): Promise<StoredNotification[]> {
  const { rows } = await db.query<StoredNotification>(
    `select id, recipient_id, kind, network_id, actor_id, link, data, read_at, digested_at
       from public.notifications where recipient_id = $1 order by created_at, id`,
    [recipient],
  );
  return rows;
}

/** A notification for `recipient` inserted as the owner; its id. */
export async function insertNotification(
  db: Database,
  recipient: string,
  options: { kind?: string; data?: Record<string, unknown>; createdAt?: Date; link?: string } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.notifications (recipient_id, kind, link, data, created_at)
     values ($1, $2, $3, $4, coalesce($5, now())) returning id`,
    [
      recipient,
      options.kind ?? "reply",
      options.link ?? "/networks/palkkatuki",
      JSON.stringify(options.data ?? {}),
      options.createdAt ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("no notification");
  return id;
}
