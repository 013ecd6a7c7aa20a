import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { fixedClock } from "../src/clock";
import { testConfig } from "../src/config";
import { migrateDatabase, openDatabase } from "../src/db/client";
import { inProcessReads, workerReads } from "../src/db/read-pool";
import { silentLogger, type Ctx } from "../src/deps";
import { recordResponse } from "../src/services/record-response";
import { registerInteraction } from "../src/services/register-interaction";
import { seedOrganisation } from "./helpers";

test("a reader thread answers the same summary as the main connection", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "reads-")), "survey.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  const ctx: Ctx = { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger };
  const org = seedOrganisation({ ctx });
  for (let i = 0; i < 30; i++) {
    const r = registerInteraction(ctx, { channel: "phone", team: "CONTACT", occurredAt: ctx.clock.now(), language: "en" });
    recordResponse(ctx, { interactionId: r.id, csat: (i % 5) + 1, ces: null, csi: null, fcr: null, comment: null, language: "en", confirmedVia: "form" });
  }
  const filter = { groupBy: "team" as const, period: "month" as const, from: "2026-01-01", to: "2026-12-31" };
  const pool = workerReads(file, 1);
  try {
    const fromWorker = await pool.run("summary", filter, 10);
    const local = await inProcessReads(db).run("summary", filter, 10);
    expect(fromWorker).toEqual(local);
    expect(fromWorker.rows).toHaveLength(1);
    expect(fromWorker.rows[0]!.group.id).toBe(org.contact.id);
    expect(fromWorker.rows[0]!.scores.csat).toMatchObject({ n: 30, value: 40 });
    await expect(pool.run("summary", { ...filter, from: "bad" }, 10)).rejects.toThrow(/calendar date/);
  } finally {
    await pool.close();
  }
});

/** Each thread of this process with its nice value, from /proc (field 19 of stat). */
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

test.runIf(existsSync("/proc/thread-self"))("the reader thread lowers its own priority, and only its own", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "reads-")), "survey.db");
  migrateDatabase(openDatabase(file));
  const mainNice = getPriority();
  const before = threadNiceValues().filter((n) => n === 17).length;
  const pool = workerReads(file, 1, { nice: 17 });
  try {
    // An answer means the thread has started and set its priority first.
    await pool.run("summary", { groupBy: "team", period: "month", from: "2026-01-01", to: "2026-12-31" }, 10);
    expect(threadNiceValues().filter((n) => n === 17).length).toBe(before + 1);
    expect(getPriority()).toBe(mainNice);
  } finally {
    await pool.close();
  }
});
