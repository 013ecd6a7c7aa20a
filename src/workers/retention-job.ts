import type { Ctx } from "../deps";
import { applyRetentionIn } from "../services/privacy/retention";
import { onOneServer, startDailyJob, type DailyJobTiming, type RunningJob } from "./daily-job";

/** Any number that names this job's lock among the application's others on the PostgreSQL server. */
const RETENTION_LOCK = 7_316_202;

/**
 * Runs retention inside the server: a minute after start (not in the way of start-up), then
 * once each day; on one server at a time when several share a database (on SQLite there is
 * one server). `npm run cli -- retention` does the same by hand.
 */
export function startRetentionJob(ctx: Ctx, timing?: DailyJobTiming): RunningJob {
  return startDailyJob(
    ctx,
    {
      name: "retention",
      hour: 0,
      work: () => onOneServer(ctx, RETENTION_LOCK, (tx) => applyRetentionIn(tx, ctx)),
      done: (result) => {
        if (result) ctx.log.info("retention applied", { ...result, retentionDays: ctx.config.RETENTION_DAYS });
        else ctx.log.info("retention left to another server, which is applying it now", {});
      },
    },
    timing,
  );
}
