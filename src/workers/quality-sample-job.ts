import type { Ctx } from "../deps";
import { sampleByMonth } from "../db/queries/quality/samples";
import { localDate } from "../domain/periods";
import { sampleDueOn } from "../domain/quality-sample";
import { ConflictError } from "../errors";
import { drawQualitySample, type DrawnSample } from "../services/quality/draw-sample";
import { startDailyJob, type DailyJobTiming, type RunningJob } from "./daily-job";

/**
 * Draws last month's quality sample if it is due (from the first working day of this month, in
 * the organisation's time zone and calendar) and not drawn yet. Safe on any number of servers:
 * the draw takes a lock and the month is unique, so a server that comes second draws nothing.
 */
export async function drawDueSample(ctx: Ctx): Promise<DrawnSample | null> {
  const month = sampleDueOn(localDate(ctx.clock.now(), ctx.config.TIMEZONE), ctx.config.WORKING_DAYS_CALENDAR);
  if (month === null || (await sampleByMonth(ctx.db.read, month))) return null;
  try {
    return await drawQualitySample(ctx, month);
  } catch (err) {
    if (err instanceof ConflictError) return null;
    throw err;
  }
}

/**
 * Draws a month's sample once it is due, looking once a day; the draw keeps to one server by
 * itself (see drawDueSample).
 */
export function startQualitySampleJob(ctx: Ctx, timing?: DailyJobTiming): RunningJob {
  return startDailyJob(
    ctx,
    {
      name: "quality sample",
      hour: 0,
      work: () => drawDueSample(ctx),
      done: (drawn) => {
        if (drawn) ctx.log.info("quality sample drawn", { month: drawn.month, contacts: drawn.contacts, staff: drawn.staff, cases: drawn.cases });
      },
    },
    timing,
  );
}
