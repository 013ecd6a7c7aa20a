import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { systemClock } from "./clock";
import { ConfigError, loadConfig, reportCalendar } from "./config";
import { DatabaseStartError, migrateOrExplain, openDatabase } from "./db/client";
import { openReports } from "./db/reports";
import { hasRollupFeature } from "./db/rollup-features";
import type { Ctx } from "./deps";
import { loadDotEnv } from "./dotenv";
import { jsonLogger } from "./logging";
import { createMailTransport } from "./mail/nodemailer-transport";
import { createMetrics, timedReads } from "./metrics";
import { createOutboxWorker } from "./workers/outbox-worker";
import { startRetentionJob } from "./workers/retention-job";
import { startCaseReminderJob } from "./workers/case-reminders";
import { startQualitySampleJob } from "./workers/quality-sample-job";
import { convertLegacyFollowUps } from "./services/follow-ups/convert-legacy";
import { bringRollupUpToDate } from "./services/rollup-basis";
import { gracefulShutdown, type Closer } from "./shutdown";

/** Long enough for any request (a CSV export) to finish; short of a container's kill timeout. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function start() {
  loadDotEnv();
  const config = loadConfig();
  const log = jsonLogger(config.LOG_LEVEL);
  const metrics = createMetrics({ process: true });
  const db = await openDatabase({ ...config, onWriteGroup: (size) => metrics.writeGroupSize.observe(size) });
  await migrateOrExplain(db);
  // Counters bucketed in another zone or financial year, or by older rules, are recounted
  // before anything is served or added to them.
  const check = await bringRollupUpToDate(db, reportCalendar(config), (reasons) =>
    log.info(`recounting the report counters before serving: ${reasons.join("; ")}`, {}),
  );
  if (check.recounted) {
    log.info("report counters recounted", {
      interactions: check.stats.interactions,
      responses: check.stats.responses,
      rows: check.stats.rows,
      seconds: Number(check.seconds.toFixed(1)),
    });
  }
  if (!(await hasRollupFeature(db.read, "commented"))) {
    // A report counter added by a later migration: only a recount can fill it for older answers.
    log.info("the Themes page counts comments from the responses until `npm run cli -- rollup rebuild` is run once", {});
  }
  const reads = timedReads(openReports(config, db, log), metrics);
  const mail = createMailTransport(config, log);
  const app = createApp({ db, clock: systemClock, config, log, reads, mail, metrics });
  // The email outbox is sent from every server; rows are claimed, so each is sent once.
  const ctx: Ctx = { db, clock: systemClock, config, log };
  const outbox = createOutboxWorker(ctx, mail, { intervalMs: config.OUTBOX_POLL_SECONDS * 1000 });
  outbox.start();
  const retention = startRetentionJob(ctx);
  const caseReminders = startCaseReminderJob(ctx);
  // Last month's quality sample, on the first working day of each month; one server draws it.
  const qualitySample = startQualitySampleJob(ctx);
  const converted = await convertLegacyFollowUps(ctx);
  if (converted > 0) log.info("the earlier follow-up list's entries are now follow-up cases", { cases: converted });
  if (!config.SAFEGUARDING_EMAIL) {
    log.info("SAFEGUARDING_EMAIL is not set: safeguarding concerns open urgent cases on the dashboard but send no email", {});
  }
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info("listening", { url: config.PUBLIC_BASE_URL, port: info.port, pid: process.pid, database: db.dialect, dataDir: config.DATA_DIR });
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Refuse new connections, let accepted requests finish, then close in order: the outbox
    // (a send in progress finishes and is recorded), the reports, the database last.
    const closers: Closer[] = [
      {
        name: "email outbox",
        close: async () => {
          // A daily job's run in progress finishes before the database closes.
          await Promise.all([retention.stop(), caseReminders.stop(), qualitySample.stop()]);
          await outbox.stop();
          mail.close?.();
        },
      },
      { name: "reports", close: () => reads.close() },
      { name: "database", close: () => db.close() },
    ];
    void gracefulShutdown(server, closers, { timeoutMs: SHUTDOWN_TIMEOUT_MS, log, reason: signal }).then((r) => process.exit(r.clean ? 0 : 1));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

start().catch((err: unknown) => {
  // What an operator must fix (a setting, the database's address) is one line, not a stack trace.
  if (err instanceof ConfigError || err instanceof DatabaseStartError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
