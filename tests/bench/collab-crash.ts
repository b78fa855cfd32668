/**
 * The long crash drill (decision 014: nothing the server received more than a second before a
 * kill -9 is lost): editors type continuously into one document while the real server is
 * SIGKILLed and restarted, on PGlite and, when its binaries exist, on a throwaway PostgreSQL.
 * Prints per kill how many acknowledged updates there were and how many were missing (must be 0).
 * Run: npm run bench:collab-crash [-- --editors 5 --kills 10 --seconds 6 --backend all]
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { type CrashDrillReport, runCrashDrill } from "../helpers/collab-crash";
import { postgresBinariesAvailable, startPostgresServer } from "../helpers/postgres-server";

const { values: args } = parseArgs({
  options: {
    editors: { type: "string", default: "5" },
    kills: { type: "string", default: "10" },
    /** Seconds of typing between two kills. */
    seconds: { type: "string", default: "6" },
    backend: { type: "string", default: "all" },
  },
});

function summarise(report: CrashDrillReport): void {
  const acknowledged = report.kills.reduce((sum, kill) => sum + kill.acknowledged, 0);
  const missing = report.kills.reduce((sum, kill) => sum + kill.missing.length, 0);
  const restarts = report.kills.map((kill) => kill.restartMs).sort((a, b) => a - b);
  console.log(
    [
      `${report.backend}: ${report.kills.length} kills`,
      `${acknowledged} acknowledged updates checked after restarts, ${missing} missing`,
      `restart median ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts.at(-1)} ms`,
      `converged on ${report.convergedText.length} characters, ${report.lostFromConverged.length} typed updates lost`,
      `stored document ${report.storedText === report.convergedText ? "equals" : "DIFFERS FROM"} the converged text`,
    ].join("\n  "),
  );
}

const options = {
  editors: Number(args.editors),
  kills: Number(args.kills),
  typeMs: Number(args.seconds) * 1000,
  log: (line: string) => console.log(`  ${line}`),
};
let failed = false;
const check = (report: CrashDrillReport) => {
  summarise(report);
  failed ||=
    report.kills.some((kill) => kill.missing.length > 0) ||
    report.lostFromConverged.length > 0 ||
    report.storedText !== report.convergedText;
};

if (args.backend === "all" || args.backend === "pglite") {
  console.log("PGlite (data directory kept across kills)");
  check(await runCrashDrill(options));
}
if ((args.backend === "all" || args.backend === "postgres") && postgresBinariesAvailable()) {
  console.log("PostgreSQL 15 (throwaway server, fsync off: kills hit the app, not the database)");
  const postgres = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query("create database verkko_crash");
    await admin.end();
    check(await runCrashDrill({ ...options, databaseUrl: postgres.url("verkko_crash") }));
  } finally {
    postgres.stop();
  }
}
process.exit(failed ? 1 : 0);
