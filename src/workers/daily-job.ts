import { MINUTE } from "../clock";
import type { Ctx } from "../deps";
import type { Db } from "../db/database";
import { firstAcrossServers } from "../db/locks";
import { localDate, zoneFormatter } from "../domain/periods";

export type DailyJob<T> = {
  /** Names the job in its log line when a run fails ("<name> failed"). */
  name: string;
  /** The organisation's local hour from which each day's run is due (0: as soon as the day starts). */
  hour: number;
  /** The day's work, given the instant it is run for. */
  work: (now: number) => Promise<T>;
  /** What to log of a run that completed. */
  done?: (result: T) => void;
};

export type DailyJobTiming = {
  /** The first look, after start-up rather than in its way. */
  firstAfterMs?: number;
  /** How often it looks whether the day's run is due: how late after the hour a run may start. */
  everyMs?: number;
};

export type RunningJob = {
  /** Runs the day's work now if it is due and not yet done today (what each look does). */
  runDue(): Promise<void>;
  /** No more looks; resolves once a run in progress has finished, so the database can close after it. */
  stop(): Promise<void>;
};

/** The local hour of an instant in the organisation's time zone. */
export function localHour(now: number, timeZone: string): number {
  const hour = zoneFormatter(timeZone)
    .formatToParts(now)
    .find((p) => p.type === "hour")?.value;
  return Number(hour) % 24;
}

/**
 * Runs a job once a day, from its hour in the organisation's time zone. It looks every `everyMs`
 * rather than sleeping until the hour, so a server started late in the day, a clock change or a
 * run that failed is caught up at the next look; a failed run is tried again there, a completed
 * one not until the next local day. Each server keeps its own day, so the work must be safe to
 * repeat: `onOneServer` keeps two servers from doing it at once.
 */
export function startDailyJob<T>(ctx: Ctx, job: DailyJob<T>, { firstAfterMs = MINUTE, everyMs = 15 * MINUTE }: DailyJobTiming = {}): RunningJob {
  let doneFor: string | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const look = async () => {
    const now = ctx.clock.now();
    const today = localDate(now, ctx.config.TIMEZONE);
    if (stopped || doneFor === today || localHour(now, ctx.config.TIMEZONE) < job.hour) return;
    try {
      const result = await job.work(now);
      doneFor = today;
      job.done?.(result);
    } catch (err) {
      ctx.log.error(`${job.name} failed`, err);
    }
  };
  // One run at a time: a look that comes while the last is still running waits for it instead.
  const runDue = () => {
    running ??= look().finally(() => {
      running = undefined;
    });
    return running;
  };

  let every: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void runDue();
    every = setInterval(runDue, everyMs);
    every.unref();
  }, firstAfterMs);
  first.unref();

  return {
    runDue,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

/**
 * Runs `work` in one write holding the advisory lock `key`, or not at all when another server
 * holds it now (it is doing the same work): then `undefined`. The lock goes with the write.
 */
export function onOneServer<T>(ctx: Ctx, key: number, work: (tx: Db) => Promise<T>): Promise<T | undefined> {
  return ctx.db.write(async (tx) => ((await firstAcrossServers(tx, key)) ? work(tx) : undefined));
}
