import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { systemClock } from "./clock";
import { ConfigError, loadConfig } from "./config";
import { migrateDatabase, openDatabase } from "./db/client";
import { workerReads } from "./db/read-pool";
import { hasRollupFeature } from "./db/rollup-features";
import { consoleLogger, type Ctx } from "./deps";
import { createMailTransport } from "./mail/nodemailer-transport";
import { createOutboxWorker } from "./services/mail/outbox-worker";
import { startRetentionJob } from "./services/privacy/retention-job";
import { join } from "node:path";
import { afterPendingCommits, gracefulShutdown, type Closer } from "./shutdown";

/** Long enough for any request (a CSV export) to finish; short of a container's kill timeout. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

function start() {
  const config = loadConfig();
  const log = consoleLogger(config.LOG_LEVEL);
  const db = openDatabase(join(config.DATA_DIR, "survey.db"), { synchronous: config.SQLITE_SYNCHRONOUS });
  migrateDatabase(db);
  if (!hasRollupFeature(db.$client, "commented")) {
    // Migration 0008 added a report counter that only a recount can fill for older answers.
    log.info("the Themes page counts comments from the responses until `npm run cli -- rollup rebuild` is run once", {});
  }
  // One reader thread: heavy reports run there while the main thread keeps answering.
  const reads = workerReads(join(config.DATA_DIR, "survey.db"), 1, { nice: config.REPORT_THREAD_NICE, log });
  const mail = createMailTransport(config, log);
  const app = createApp({ db, clock: systemClock, config, log, reads, mail });
  // The email outbox is sent from this process; with no SMTP_URL, to <DATA_DIR>/outbox-mail/.
  const ctx: Ctx = { db, clock: systemClock, config, log };
  const outbox = createOutboxWorker(ctx, mail);
  outbox.start();
  const retention = startRetentionJob(ctx);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info("listening", { url: config.PUBLIC_BASE_URL, port: info.port, dataDir: config.DATA_DIR });
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Refuse new connections, let accepted requests finish, then close in order: the outbox
    // (a send in progress finishes and is recorded), the reader threads, the database last.
    const closers: Closer[] = [
      {
        name: "email outbox",
        close: async () => {
          retention.stop();
          await outbox.stop();
          mail.close?.();
        },
      },
      { name: "reader threads", close: () => reads.close() },
      {
        name: "database",
        close: async () => {
          await afterPendingCommits();
          db.$client.close();
        },
      },
    ];
    void gracefulShutdown(server, closers, { timeoutMs: SHUTDOWN_TIMEOUT_MS, log, reason: signal }).then((r) => process.exit(r.clean ? 0 : 1));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

try {
  start();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
