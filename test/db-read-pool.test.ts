import { existsSync, readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { expect, test } from "vitest";
import { inProcessReads, workerReads } from "../src/db/read-pool";
import { recordResponse } from "../src/services/record-response";
import { registerInteraction } from "../src/services/register-interaction";
import { newTestDatabaseLocation, TEST_DIALECT } from "./db/test-database";
import { createTestApp, seedOrganisation } from "./helpers";

const FILTER = { groupBy: "team", period: "month", from: "2026-01-01", to: "2026-12-31", yearStart: 4, today: "2027-01-01" } as const;

/** Thirty phone answers to the Contact Centre, CSAT 1 to 5 in turn. */
async function answered() {
  const t = await createTestApp();
  const org = await seedOrganisation(t);
  for (let i = 0; i < 30; i++) {
    const r = await registerInteraction(t.ctx, { channel: "phone", team: "CONTACT", occurredAt: t.clock.now(), language: "en" });
    await recordResponse(t.ctx, {
      interactionId: r.id,
      csat: (i % 5) + 1,
      ces: null,
      csi: null,
      fcr: null,
      comment: null,
      language: "en",
      confirmedVia: "form",
    });
  }
  return { t, org };
}

test("reports run in-process on the database's reads, errors included", async () => {
  const { t, org } = await answered();
  const reads = inProcessReads(t.db.read);
  const report = await reads.run("summary", FILTER, 10);
  expect(report.rows).toHaveLength(1);
  expect(report.rows[0]!.group.id).toBe(org.contact.id);
  expect(report.rows[0]!.scores.csat).toMatchObject({ n: 30, value: 40 });
  await expect(reads.run("summary", { ...FILTER, from: "bad" }, 10)).rejects.toThrow(/calendar date/);
});

test.runIf(TEST_DIALECT === "sqlite")("a reader thread answers the same summary as the main connection", async () => {
  const { t } = await answered();
  const pool = workerReads(t.db.file!, 1);
  try {
    const fromWorker = await pool.run("summary", FILTER, 10);
    expect(fromWorker).toEqual(await inProcessReads(t.db.read).run("summary", FILTER, 10));
    expect(fromWorker.rows[0]!.scores.csat).toMatchObject({ n: 30, value: 40 });
    await expect(pool.run("summary", { ...FILTER, from: "bad" }, 10)).rejects.toThrow(/calendar date/);
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

test.runIf(TEST_DIALECT === "sqlite" && existsSync("/proc/thread-self"))("the reader thread lowers its own priority, and only its own", async () => {
  const file = await newTestDatabaseLocation();
  const mainNice = getPriority();
  const before = threadNiceValues().filter((n) => n === 17).length;
  const pool = workerReads(file, 1, { nice: 17 });
  try {
    // An answer means the thread has started and set its priority first.
    await pool.run("summary", FILTER, 10);
    expect(threadNiceValues().filter((n) => n === 17).length).toBe(before + 1);
    expect(getPriority()).toBe(mainNice);
  } finally {
    await pool.close();
  }
});
