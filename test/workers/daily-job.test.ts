import { describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { onOneServer, startDailyJob } from "../../src/workers/daily-job";
import { firstAcrossServers } from "../../src/db/locks";
import { openPostgres } from "../../src/db/postgres";
import { createTestApp } from "../helpers";
import { newTestDatabaseLocation, TEST_DIALECT } from "../db/test-database";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Timers far off, so only the test's own runDue() calls look. */
const BY_HAND = { firstAfterMs: DAY, everyMs: DAY };

describe("daily job", () => {
  test("runs once a day, from its hour in the organisation's time zone", async () => {
    // London keeps summer time in June: 07:00 UTC is 08:00 there.
    const t = await createTestApp({ TIMEZONE: "Europe/London" }, "2026-06-01T06:59:00Z");
    const runs: string[] = [];
    const job = startDailyJob(t.ctx, { name: "test job", hour: 8, work: async (now) => void runs.push(new Date(now).toISOString()) }, BY_HAND);
    await job.runDue();
    expect(runs).toEqual([]);
    t.clock.set("2026-06-01T07:00:00Z");
    await job.runDue();
    t.clock.set("2026-06-01T22:59:00Z");
    await job.runDue();
    expect(runs).toEqual(["2026-06-01T07:00:00.000Z"]);
    // 00:30 on the 2nd in London: a new day, but before the hour.
    t.clock.set("2026-06-01T23:30:00Z");
    await job.runDue();
    t.clock.set("2026-06-02T09:15:00Z");
    await job.runDue();
    await job.runDue();
    expect(runs).toEqual(["2026-06-01T07:00:00.000Z", "2026-06-02T09:15:00.000Z"]);
    await job.stop();
  });

  test("a run that fails is logged under the job's name and tried again at the next look", async () => {
    const t = await createTestApp({}, "2026-03-02T09:00:00Z");
    const errors: string[] = [];
    const done: number[] = [];
    let attempts = 0;
    const work = async () => {
      attempts++;
      if (attempts === 1) throw new Error("database away");
      return attempts;
    };
    const ctx = { ...t.ctx, log: { info() {}, error: (msg: string) => void errors.push(msg) } };
    const job = startDailyJob(ctx, { name: "test job", hour: 0, work, done: (n) => void done.push(n) }, BY_HAND);
    await job.runDue();
    expect(errors).toEqual(["test job failed"]);
    await job.runDue();
    await job.runDue();
    expect(done).toEqual([2]);
    expect(attempts).toBe(2);
    await job.stop();
  });

  test("two jobs on one server never run at once: their writes run one after the other", async () => {
    const t = await createTestApp({}, "2026-03-02T09:00:00Z");
    const LOCK = 7_316_299;
    let inside = 0;
    let mostAtOnce = 0;
    const outcomes: string[] = [];
    const daily = () =>
      startDailyJob(
        t.ctx,
        {
          name: "test job",
          hour: 0,
          work: () =>
            onOneServer(t.ctx, LOCK, async () => {
              mostAtOnce = Math.max(mostAtOnce, ++inside);
              // Holding the write (and so the lock) while the other server looks.
              await sleep(100);
              inside--;
              return "worked";
            }),
          done: (outcome) => void outcomes.push(outcome ?? "left to the other"),
        },
        BY_HAND,
      );
    const jobs = [daily(), daily()];
    await Promise.all(jobs.map((j) => j.runDue()));
    expect(mostAtOnce).toBe(1);
    // One server's writes are group-committed on both databases: the second runs after the
    // first (in the same group on PostgreSQL, whose lock it then holds already), and the work is
    // written to be safe to repeat. Across servers the advisory lock keeps one (next test).
    expect(outcomes.sort()).toEqual(["worked", "worked"]);
    await Promise.all(jobs.map((j) => j.stop()));
  });

  test.runIf(TEST_DIALECT === "postgres")("firstAcrossServers: of two servers on one PostgreSQL, one does the work", async () => {
    const location = await newTestDatabaseLocation();
    const servers = [openPostgres(location, { max: 4, idleTimeoutMs: 1000 }), openPostgres(location, { max: 4, idleTimeoutMs: 1000 })];
    try {
      const won = await Promise.all(
        servers.map((db) =>
          db.write(async (tx) => {
            const first = await firstAcrossServers(tx, 7_316_298);
            // Holding the write (and so the lock) while the other server tries.
            await sleep(100);
            return first;
          }),
        ),
      );
      expect(won.sort()).toEqual([false, true]);
    } finally {
      await Promise.all(servers.map((db) => db.close()));
    }
  });

  test("looks on its own timer after start; stop waits for a run in progress and ends the looks", async () => {
    const t = await createTestApp({}, "2026-03-02T09:00:00Z");
    let runs = 0;
    let finish = () => {};
    const job = startDailyJob(
      t.ctx,
      {
        name: "test job",
        hour: 0,
        work: () => {
          runs++;
          return new Promise<void>((resolve) => (finish = resolve));
        },
      },
      { firstAfterMs: 5, everyMs: 5 },
    );
    for (let i = 0; i < 100 && runs === 0; i++) await sleep(5);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    // A new day would be due, but the job has stopped looking.
    t.clock.advance(DAY);
    await sleep(30);
    expect(runs).toBe(1);
  });
});
