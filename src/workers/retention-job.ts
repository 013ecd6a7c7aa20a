import type { Ctx } from "../deps";
import { DAY, MINUTE } from "../clock";
import type { Db } from "../db/client";
import { firstAcrossServers } from "../db/locks";
import { applyRetentionIn, type RetentionResult } from "../services/privacy/retention";

/** Any number that names this job's lock among the application's others on the PostgreSQL server. */
const RETENTION_LOCK = 7_316_202;

/**
 * Whether this write may run the job. On PostgreSQL every server runs the timer, and the first
 * to take the lock does the work while the others skip their turn; the lock goes with the
 * transaction. On SQLite there is one server.
 */
function mayRun(tx: Db): Promise<boolean> {
  return firstAcrossServers(tx, RETENTION_LOCK);
}

/**
 * Runs retention inside the server: a minute after start (not in the way of start-up), then
 * daily; on one server at a time when several share a database. `npm run cli -- retention`
 * does the same by hand.
 */
export function startRetentionJob(ctx: Ctx, { firstAfterMs = MINUTE, everyMs = DAY } = {}) {
  let stopped = false;
  const run = async () => {
    try {
      const result: RetentionResult | undefined = await ctx.db.write(async (tx) => ((await mayRun(tx)) ? applyRetentionIn(tx, ctx) : undefined));
      if (result) ctx.log.info("retention applied", { ...result, retentionDays: ctx.config.RETENTION_DAYS });
      else ctx.log.info("retention left to another server, which is applying it now", {});
    } catch (err) {
      ctx.log.error("retention failed", err);
    }
  };
  let timer = setTimeout(async function tick() {
    await run();
    if (stopped) return;
    timer = setTimeout(tick, everyMs);
    timer.unref();
  }, firstAfterMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
