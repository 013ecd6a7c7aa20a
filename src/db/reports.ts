import type { Logger } from "../deps";
import type { Database } from "./database";
import { createPool, drizzleOverPool } from "./postgres";
import { inProcessReads, workerReads, type ReadPool } from "./read-pool";

export type ReportSettings = {
  REPORT_THREAD_NICE: number;
  DATABASE_URL?: string;
  DATABASE_READ_URL?: string;
  REPORT_POOL_SIZE: number;
  REPORT_STATEMENT_TIMEOUT_MS: number;
};

/**
 * Where heavy reports run, so that they never hold up an answer. SQLite: one reader thread
 * with its own read-only connection at a lower priority. PostgreSQL: a pool of its own (on the
 * read replica when DATABASE_READ_URL is set) whose statements time out.
 */
export function openReports(settings: ReportSettings, db: Database, log?: Logger): ReadPool {
  if (db.dialect === "sqlite") return workerReads(db.file!, 1, { nice: settings.REPORT_THREAD_NICE, log });
  const pool = createPool(settings.DATABASE_READ_URL ?? settings.DATABASE_URL!, {
    max: settings.REPORT_POOL_SIZE,
    statementTimeoutMs: settings.REPORT_STATEMENT_TIMEOUT_MS,
    applicationName: "rate-our-service reports",
  });
  return { run: inProcessReads(drizzleOverPool(pool)).run, close: () => pool.end() };
}
