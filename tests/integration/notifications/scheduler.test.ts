/**
 * The morning jobs: the scheduler runs each daily job once per Helsinki date at 07:00 (catching
 * up after a late start, retrying after a failure), and the review reminders reach coordinators.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readOutbox } from "../../../server/embedded/auth/mailer";
import { dailyJobs } from "../../../server/jobs/daily-jobs";
import { sendNetworkReviewReminders } from "../../../server/jobs/review-reminders";
import { type DailyJob, startScheduler } from "../../../server/jobs/scheduler";
import { availableBackends } from "../../helpers/databases";
import { type Cast, createNetwork, addMember, notificationsOf, startCast } from "./support";

describe.each(availableBackends())("daily jobs on %s", (backend) => {
  let cast: Cast;
  beforeAll(async () => {
    cast = await startCast(backend);
  });
  beforeEach(async () => {
    await cast.db.query("delete from embedded.scheduled_job_runs");
  });
  afterAll(() => cast.stack.close());

  /**
   * A scheduler whose clock the test sets, once its first look (at `start`) is done; its timer
   * never fires during a test.
   */
  async function schedulerAt(jobs: DailyJob[], start: string) {
    let now = new Date(start);
    const errors: string[] = [];
    const scheduler = startScheduler({
      db: cast.db,
      jobs,
      checkEveryMs: 3_600_000,
      clock: () => now,
      reportError: (message) => errors.push(message),
    });
    await scheduler.check();
    return {
      scheduler,
      errors,
      at: (time: string) => {
        now = new Date(time);
        return scheduler.check();
      },
    };
  }

  it("runs a job once a day from 07:00 Helsinki time, catching up after a late start", async () => {
    const runs: string[] = [];
    const job: DailyJob = {
      name: "test_job",
      hour: 7,
      run: async ({ localDate }) => {
        runs.push(localDate);
      },
    };
    // 06:59 in Helsinki (UTC+2 in November): not yet.
    const { scheduler, at } = await schedulerAt([job], "2025-11-24T04:59:00Z");
    expect(runs).toEqual([]);
    await at("2025-11-24T05:00:00Z");
    await at("2025-11-24T05:05:00Z");
    await at("2025-11-24T21:00:00Z");
    expect(runs).toEqual(["2025-11-24"]);
    // The server was down at seven the next day: it runs at the first look after.
    await at("2025-11-25T13:00:00Z");
    expect(runs).toEqual(["2025-11-24", "2025-11-25"]);
    await scheduler.stop();

    // Another server (or a restart) the same day does not run it again.
    const restarted = await schedulerAt([job], "2025-11-25T14:00:00Z");
    await restarted.scheduler.stop();
    expect(runs).toEqual(["2025-11-24", "2025-11-25"]);
  });

  it("tries a failed job again at the next look", async () => {
    let attempts = 0;
    const job: DailyJob = {
      name: "flaky_job",
      hour: 7,
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("the mail server is down");
      },
    };
    const { scheduler, at, errors } = await schedulerAt([job], "2025-11-24T04:00:00Z");
    await at("2025-11-24T05:00:00Z");
    expect(attempts).toBe(1);
    expect(errors).toEqual(["Daily job flaky_job failed; it runs again at the next check"]);
    await at("2025-11-24T05:05:00Z");
    await at("2025-11-24T05:10:00Z");
    await scheduler.stop();
    expect(attempts).toBe(2);
    const { rows } = await cast.db.query<{ finished: boolean }>(
      "select finished_at is not null as finished from embedded.scheduled_job_runs where job = 'flaky_job'",
    );
    expect(rows).toEqual([{ finished: true }]);
  });

  it("reminds the coordinators of networks whose review falls due within 30 days, once", async () => {
    const network = await createNetwork(cast.db, {
      slug: "arvioitava",
      nameFi: "Arvioitava verkosto",
    });
    await addMember(cast.db, network, cast.helmi, "coordinator");
    await cast.db.query("update public.networks set review_due = $1 where id = $2", [
      "2025-12-10",
      network,
    ]);
    expect(await sendNetworkReviewReminders(cast.db, "2025-11-01")).toBe(0);
    expect(await sendNetworkReviewReminders(cast.db, "2025-11-24")).toBe(1);
    expect(await sendNetworkReviewReminders(cast.db, "2025-11-25")).toBe(0);
    const reminders = (await notificationsOf(cast.db, cast.helmi.userId)).filter(
      (n) => n.kind === "review_due",
    );
    expect(reminders).toMatchObject([
      { network_id: network, link: "/networks/arvioitava/settings" },
    ]);
  });

  it("runs the morning's reminders and then the digest that carries them", async () => {
    await cast.db.query("delete from public.notifications");
    await cast.db.query("delete from embedded.email_outbox");
    const network = await createNetwork(cast.db, { slug: "aamu", nameFi: "Aamuverkosto" });
    await addMember(cast.db, network, cast.aino, "coordinator");
    await cast.db.query("update public.networks set review_due = current_date + 7 where id = $1", [
      network,
    ]);
    const scheduler = startScheduler({
      db: cast.db,
      jobs: dailyJobs({ db: cast.db, siteUrl: "https://verkko.example" }),
      checkEveryMs: 3_600_000,
      // Now, or later today once it is past seven in Helsinki: both jobs are due.
      clock: () => {
        const now = new Date();
        const helsinkiHour = Number(
          new Intl.DateTimeFormat("en-GB", {
            hour: "2-digit",
            hourCycle: "h23",
            timeZone: "Europe/Helsinki",
          }).format(now),
        );
        return helsinkiHour >= 7 ? now : new Date(now.getTime() + 8 * 3_600_000);
      },
    });
    await scheduler.check();
    await scheduler.stop();
    const [mail] = await readOutbox(cast.db, cast.aino.email);
    expect(mail?.subject).toBe("Verkko: 1 lukematon ilmoitus");
    expect(mail?.body).toContain("Verkoston Aamuverkosto vuosittainen arviointi on ajankohtainen");
    expect(mail?.body).toContain("https://verkko.example/networks/aamu/settings");
  });
});
