import { ConfigError, loadConfig } from "./config";
import { startServer } from "./app";
import { dailyJobs } from "./jobs/daily-jobs";
import { type IntervalJobs, startIntervalJobs } from "./jobs/interval-jobs";
import { minuteJobs } from "./jobs/minute-jobs";
import { type Scheduler, startScheduler } from "./jobs/scheduler";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.externalSupabase && config.embedded.usesDevelopmentSecret) {
    console.warn(
      "Using the documented development JWT secret; set JWT_SECRET outside development.",
    );
  }

  const running = await startServer(config);
  const { migration } = running;
  if (migration?.applied.length) console.log(`Applied migrations: ${migration.applied.join(", ")}`);
  if (migration?.seeded) console.log("Seeded demo data from supabase/seed.sql");
  console.log(
    `Verkko listening on ${running.url} (${running.db ? `embedded Supabase on ${running.db.kind}` : "external Supabase"}${running.collab ? `; co-editing at ${running.collab.service.path}` : ""})`,
  );
  // The morning's digest e-mails and review reminders; a hosted project schedules its own.
  const scheduler: Scheduler | undefined =
    running.db && config.jobs
      ? startScheduler({
          db: running.db,
          jobs: dailyJobs({ db: running.db, siteUrl: running.siteUrl }),
        })
      : undefined;
  // Comment rounds closing at their deadline.
  const intervalJobs: IntervalJobs | undefined =
    running.db && config.jobs
      ? startIntervalJobs({ jobs: minuteJobs({ db: running.db }) })
      : undefined;

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing connections and the database`);
    const forceExit = setTimeout(() => {
      console.error("Shutdown took longer than 10 s; exiting anyway");
      process.exit(1);
    }, 10_000);
    forceExit.unref();
    try {
      await Promise.all([scheduler?.stop(), intervalJobs?.stop()]);
      await running.close();
      process.exit(0);
    } catch (error) {
      console.error("Shutdown failed", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("Verkko failed to start", error);
  process.exit(1);
});
