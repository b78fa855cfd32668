/**
 * The daily digest: collect_notification_digests() hands each person's unread, undigested
 * notifications to the server once, and the job e-mails them to the outbox in the person's
 * language with absolute links.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outboxMailer, readOutbox } from "../../../server/embedded/auth/mailer";
import { sendDailyDigests } from "../../../server/jobs/daily-digest";
import { availableBackends } from "../../helpers/databases";
import {
  type Cast,
  insertNotification,
  notificationsOf,
  openNetworkNames,
  startCast,
} from "./support";

interface DigestRow {
  recipient_id: string;
  email: string;
  display_name: string;
  preferred_locale: string;
  notifications: {
    kind: string;
    link: string;
    data: Record<string, unknown>;
    created_at: string;
  }[];
}

const siteUrl = "https://verkko.example";

describe.each(availableBackends())("the daily digest on %s", (backend) => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await startCast(backend);
  });
  beforeEach(async () => {
    await cast.db.query("delete from public.notifications");
    await cast.db.query("delete from public.notification_preferences");
    await cast.db.query("delete from embedded.email_outbox");
  });
  afterAll(() => cast.stack.close());

  function collect(cutoff: Date): Promise<DigestRow[]> {
    return cast.db.transaction({ role: "service_role" }, async (tx) => {
      const { rows } = await tx.query<DigestRow>(
        "select * from public.collect_notification_digests($1)",
        [cutoff],
      );
      return rows;
    });
  }

  it("collects the unread, undigested notifications made before the cutoff, once", async () => {
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    await insertNotification(cast.db, cast.aino.userId, {
      kind: "reply",
      data: { title: "Toinen" },
      createdAt: new Date(now.getTime() - 60_000),
    });
    await insertNotification(cast.db, cast.aino.userId, {
      kind: "mention",
      data: { title: "Ensimmäinen" },
      createdAt: hourAgo,
    });
    const read = await insertNotification(cast.db, cast.aino.userId, { createdAt: hourAgo });
    await cast.db.query("update public.notifications set read_at = now() where id = $1", [read]);
    const later = await insertNotification(cast.db, cast.aino.userId, {
      createdAt: new Date(now.getTime() + 3_600_000),
    });
    // Pekka is not active; Helmi turned the digest off.
    await insertNotification(cast.db, cast.pekka.userId, { createdAt: hourAgo });
    await insertNotification(cast.db, cast.helmi.userId, { createdAt: hourAgo });
    await cast.helmi.client.rpc("set_daily_digest", { enabled: false });

    const rows = await collect(now);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipient_id: cast.aino.userId,
      email: "aino.asiantuntija@tampere.test",
      display_name: "Aino Asiantuntija",
      preferred_locale: "fi",
    });
    expect(rows[0]?.notifications.map((n) => [n.kind, n.data.title])).toEqual([
      ["mention", "Ensimmäinen"],
      ["reply", "Toinen"],
    ]);

    const stored = await notificationsOf(cast.db, cast.aino.userId);
    expect(stored.filter((n) => n.digested_at).length).toBe(2);
    expect(stored.find((n) => n.id === read)?.digested_at).toBeNull();
    expect(stored.find((n) => n.id === later)?.digested_at).toBeNull();
    expect((await notificationsOf(cast.db, cast.helmi.userId))[0]?.digested_at).toBeNull();

    // Already digested: nothing the second time. The later one comes when its time has come.
    expect(await collect(now)).toEqual([]);
    const next = await collect(new Date(now.getTime() + 2 * 3_600_000));
    expect(next.map((row) => row.notifications.length)).toEqual([1]);
  });

  it("e-mails each person their digest in their language, with links to the site", async () => {
    const data = {
      network_name_fi: openNetworkNames.fi,
      network_name_sv: openNetworkNames.sv,
      actor_name: "Aino Asiantuntija",
      title: "Palkkatuen käsittelyajat",
    };
    const createdAt = new Date("2025-11-24T05:15:00Z");
    await insertNotification(cast.db, cast.kalle.userId, {
      kind: "reply",
      data,
      createdAt,
      link: "/networks/palkkatuki/discussions/7",
    });
    await insertNotification(cast.db, cast.kalle.userId, {
      kind: "join_request",
      data,
      createdAt,
      link: "/networks/palkkatuki/members",
    });
    await insertNotification(cast.db, cast.helmi.userId, {
      kind: "new_thread",
      data,
      createdAt,
      link: "/networks/palkkatuki/discussions/7",
    });

    const now = new Date("2025-11-24T05:00:00Z");
    const early = await sendDailyDigests({
      db: cast.db,
      mailer: outboxMailer(cast.db),
      now,
      siteUrl,
    });
    expect(early).toEqual({ sent: 0, failed: 0, notifications: 0 });

    const at7 = new Date("2025-11-24T05:30:00Z");
    const run = await sendDailyDigests({
      db: cast.db,
      mailer: outboxMailer(cast.db),
      now: at7,
      siteUrl,
    });
    expect(run).toEqual({ sent: 2, failed: 0, notifications: 3 });

    const [kalles] = await readOutbox(cast.db, "kalle.koordinaattori@tampere.test");
    expect(kalles?.kind).toBe("notification_digest");
    expect(kalles?.subject).toBe("Verkko: 2 lukematonta ilmoitusta");
    expect(kalles?.body).toContain("Hei Kalle Koordinaattori,");
    expect(kalles?.body).toContain(
      "- Aino Asiantuntija vastasi ketjuun ”Palkkatuen käsittelyajat” (24.11.2025 klo 7.15)\n  https://verkko.example/networks/palkkatuki/discussions/7",
    );
    expect(kalles?.body).toContain(
      "Aino Asiantuntija pyytää liittyä verkostoon Palkkatukiverkosto",
    );
    expect(kalles?.body).toContain("https://verkko.example/notifications");

    const [helmis] = await readOutbox(cast.db, "helmi.hakala@tampere.test");
    expect(helmis?.subject).toBe("Verkko: 1 oläst avisering");
    expect(helmis?.body).toContain(
      "Aino Asiantuntija startade tråden ”Palkkatuen käsittelyajat” i nätverket Lönesubventionsnätverket",
    );

    // The next morning, nothing new: no e-mail.
    const again = await sendDailyDigests({
      db: cast.db,
      mailer: outboxMailer(cast.db),
      now: new Date("2025-11-25T05:30:00Z"),
      siteUrl,
    });
    expect(again.sent).toBe(0);
    expect(await readOutbox(cast.db)).toHaveLength(2);
  });
});
