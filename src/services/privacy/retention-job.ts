import type { Ctx } from "../../deps";
import { DAY, MINUTE } from "../../clock";
import { applyRetention } from "./retention";

/**
 * Runs retention inside the server: a minute after start (not in the way of start-up), then
 * daily. `npm run cli -- retention` does the same by hand.
 */
export function startRetentionJob(ctx: Ctx, { firstAfterMs = MINUTE, everyMs = DAY } = {}) {
  const run = () => {
    try {
      const result = applyRetention(ctx);
      ctx.log.info("retention applied", { ...result, retentionDays: ctx.config.RETENTION_DAYS });
    } catch (err) {
      ctx.log.error("retention failed", err);
    }
  };
  let timer = setTimeout(function tick() {
    run();
    timer = setTimeout(tick, everyMs);
    timer.unref();
  }, firstAfterMs);
  timer.unref();
  return { stop: () => clearTimeout(timer) };
}
