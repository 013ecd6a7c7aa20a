import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { fixedClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { silentLogger, type Ctx } from "../../src/deps";
import { backupDatabase } from "../../src/services/backup";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { seedOrganisation } from "../helpers";

test("an online backup taken while answers are written is consistent and restores", async () => {
  const dir = mkdtempSync(join(tmpdir(), "backup-"));
  const db = openDatabase(join(dir, "survey.db"));
  migrateDatabase(db);
  const ctx: Ctx = { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger };
  seedOrganisation({ ctx });
  const answer = () => {
    const i = registerInteraction(ctx, { channel: "email", team: "CONTACT", occurredAt: ctx.clock.now(), language: "en" });
    recordResponse(ctx, { interactionId: i.id, csat: 4, ces: 5, csi: 4, fcr: "yes", comment: "x".repeat(500), language: "en", confirmedVia: "form" });
  };
  for (let i = 0; i < 2000; i++) answer();

  // Writes go on between the backup's steps.
  let writesDuring = 0;
  const result = await backupDatabase(db, join(dir, "copy.db"), () => {
    answer();
    writesDuring++;
  });
  expect(result.integrity).toBe("ok");
  expect(writesDuring).toBeGreaterThan(0);

  // Restoring is copying the file into place while the server is stopped.
  const restoredDir = mkdtempSync(join(tmpdir(), "restore-"));
  copyFileSync(join(dir, "copy.db"), join(restoredDir, "survey.db"));
  const restored = openDatabase(join(restoredDir, "survey.db"));
  migrateDatabase(restored);
  const count = (d: typeof db) => (d.$client.prepare("select count(*) n from responses").get() as { n: number }).n;
  expect(count(restored)).toBeGreaterThanOrEqual(2000);
  expect(count(restored)).toBeLessThanOrEqual(count(db));
  // The copy is internally consistent: every response's counters are in the rollup.
  const rollupResponses = (d: typeof db) =>
    (d.$client.prepare("select sum(responses) n from report_rollup where period='month' and theme_id=0").get() as { n: number }).n;
  expect(rollupResponses(restored)).toBe(count(restored));
});
