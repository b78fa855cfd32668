/**
 * Runs jobs every few seconds or minutes (comment rounds' deadlines, overdue sparring questions),
 * unlike the daily jobs that run once a day. A job never overlaps itself: a run that is still going
 * when its time comes again is left to finish, and that tick is skipped. Every server runs them;
 * the jobs themselves must be safe to run twice at once (close_due_comment_rounds and
 * flag_overdue_sparring_questions lock with skip locked).
 */

export interface IntervalJob {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface IntervalJobs {
  /** Runs every job once now (a job already running is waited for, not started again). */
  runAll(): Promise<void>;
  /** Stops the timers and waits for running jobs to finish. */
  stop(): Promise<void>;
}

export function startIntervalJobs(options: {
  jobs: IntervalJob[];
  /** Where failures are told (console.error unless given). */
  reportError?: (message: string, error: unknown) => void;
  /** Whether to run each job once at start (the default) rather than first after one interval. */
  runAtStart?: boolean;
}): IntervalJobs {
  const reportError = options.reportError ?? ((message, error) => console.error(message, error));
  let stopped = false;
  const running = new Map<string, Promise<void>>();

  function runOnce(job: IntervalJob): Promise<void> {
    const current = running.get(job.name);
    if (current) return current;
    const run = job
      .run()
      .catch((error: unknown) => {
        reportError(`Job ${job.name} failed; it runs again in ${job.everyMs} ms`, error);
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  const timers = options.jobs.map((job) => {
    const timer = setInterval(() => {
      if (!stopped) void runOnce(job);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  if (options.runAtStart ?? true) for (const job of options.jobs) void runOnce(job);

  return {
    async runAll() {
      if (stopped) return;
      await Promise.all(options.jobs.map(runOnce));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
