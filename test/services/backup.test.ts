import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, sum } from "drizzle-orm";
import { expect, test } from "vitest";
import type { Database } from "../../src/db/client";
import { reportRollup, responses } from "../../src/db/schema";
import { openSqlite } from "../../src/db/sqlite";
import { UnprocessableError } from "../../src/errors";
import { backupDatabase } from "../../src/services/backup";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { TEST_DIALECT } from "../db/test-database";
import { createTestApp, seedOrganisation } from "../helpers";

const responseCount = async (db: Database) => (await db.read.select({ n: count() }).from(responses))[0]!.n;
/** Responses as the report counters count them: a copy whose counters and facts agree is consistent. */
const countedResponses = async (db: Database) =>
  Number(
    (
      await db.read
        .select({ n: sum(reportRollup.responses) })
        .from(reportRollup)
        .where(and(eq(reportRollup.period, "month"), eq(reportRollup.themeId, 0)))
    )[0]!.n,
  );

test.runIf(TEST_DIALECT === "sqlite")("an online backup taken while answers are written is consistent and restores", async () => {
  const t = await createTestApp();
  await seedOrganisation(t);
  const { ctx, db } = t;
  const answer = async () => {
    const i = await registerInteraction(ctx, { channel: "email", team: "CONTACT", occurredAt: ctx.clock.now(), language: "en" });
    await recordResponse(ctx, { interactionId: i.id, csat: 4, ces: 5, csi: 4, fcr: "yes", comment: "x".repeat(500), language: "en", confirmedVia: "form" });
  };
  await Promise.all(Array.from({ length: 2000 }, answer));

  // Writes go on between the backup's steps.
  const during: Promise<void>[] = [];
  const dir = mkdtempSync(join(tmpdir(), "backup-"));
  const result = await backupDatabase(db, join(dir, "copy.db"), () => void during.push(answer()));
  await Promise.all(during);
  expect(result.integrity).toBe("ok");
  expect(during.length).toBeGreaterThan(0);

  // Restoring is copying the file into place while the server is stopped.
  const restoredDir = mkdtempSync(join(tmpdir(), "restore-"));
  copyFileSync(join(dir, "copy.db"), join(restoredDir, "survey.db"));
  const restored = openSqlite(join(restoredDir, "survey.db"));
  try {
    await restored.migrate();
    expect(await responseCount(restored)).toBeGreaterThanOrEqual(2000);
    expect(await responseCount(restored)).toBeLessThanOrEqual(await responseCount(db));
    // The copy is internally consistent: every response's counters are in the rollup.
    expect(await countedResponses(restored)).toBe(await responseCount(restored));
  } finally {
    await restored.close();
  }
});

test.runIf(TEST_DIALECT === "postgres")("a PostgreSQL database is not copied: the message points to pg_dump and point-in-time recovery", async () => {
  const t = await createTestApp();
  const refused = backupDatabase(t.db, join(mkdtempSync(join(tmpdir(), "backup-")), "copy.db"));
  await expect(refused).rejects.toThrow(UnprocessableError);
  await expect(refused).rejects.toThrow(/pg_dump.*point-in-time recovery/);
});
