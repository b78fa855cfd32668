/**
 * Runs daily jobs once a day at a local time (Europe/Helsinki by default). It looks every few
 * minutes; a job whose time has come runs if no run of it is recorded for that local date, so a
 * server that was down at the time catches up when it starts. The run is claimed in
 * embedded.scheduled_job_runs before it starts (a second server skips it) and released if it
 * fails, so the next look tries again.
 */
import type { Database } from "../embedded/db";

export interface DailyJob {
  name: string;
  /** Local time of day the job is due, in the scheduler's time zone. */
  hour: number;
  minute?: number;
  run(when: { now: Date; localDate: string }): Promise<void>;
}

export interface Scheduler {
  /** Looks once now (what the timer does every few minutes); resolves when that look is done. */
  check(): Promise<void>;
  /** Stops looking and waits for a running job to finish. */
  stop(): Promise<void>;
}

export const defaultTimeZone = "Europe/Helsinki";

/** The date ("2025-11-24") and minute of the day of `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): { date: string; minuteOfDay: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function startScheduler(options: {
  db: Database;
  jobs: DailyJob[];
  timeZone?: string;
  checkEveryMs?: number;
  clock?: () => Date;
  /** Where failures are told (console.error unless given). */
  reportError?: (message: string, error: unknown) => void;
}): Scheduler {
  const { db, jobs } = options;
  const reportError = options.reportError ?? ((message, error) => console.error(message, error));
  const timeZone = options.timeZone ?? defaultTimeZone;
  const clock = options.clock ?? (() => new Date());
  let stopped = false;
  let looking: Promise<void> = Promise.resolve();

  async function runIfDue(job: DailyJob, now: Date): Promise<void> {
    const local = localTime(now, timeZone);
    if (local.minuteOfDay < job.hour * 60 + (job.minute ?? 0)) return;
    const claimed = await db.query(
      `insert into embedded.scheduled_job_runs (job, local_date) values ($1, $2)
       on conflict do nothing returning job`,
      [job.name, local.date],
    );
    if (claimed.rows.length === 0) return;
    try {
      await job.run({ now, localDate: local.date });
      await db.query(
        "update embedded.scheduled_job_runs set finished_at = now() where job = $1 and local_date = $2",
        [job.name, local.date],
      );
    } catch (error) {
      reportError(`Daily job ${job.name} failed; it runs again at the next check`, error);
      await db.query("delete from embedded.scheduled_job_runs where job = $1 and local_date = $2", [
        job.name,
        local.date,
      ]);
    }
  }

  async function look(): Promise<void> {
    for (const job of jobs) {
      if (stopped) return;
      try {
        await runIfDue(job, clock());
      } catch (error) {
        // The database was unreachable: the next look tries again.
        reportError(`Could not check daily job ${job.name}`, error);
      }
    }
  }

  // One look at a time: a slow job must not start a second run of itself.
  const check = () => {
    looking = looking.then(look);
    return looking;
  };

  const timer = setInterval(() => void check(), options.checkEveryMs ?? 5 * 60_000);
  timer.unref();
  void check();

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await looking;
    },
  };
}
