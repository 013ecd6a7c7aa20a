import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq, isNotNull, lt, sql, sum } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { expect, test } from "vitest";
import type { Database } from "../../src/db/client";
import { reportRollup, responses, rollupFeatures } from "../../src/db/schema";
import { connectSqlite, openSqlite, SQLITE_MIGRATIONS } from "../../src/db/sqlite";
import { applyRetention } from "../../src/services/privacy/retention";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { scratchFolder, TEST_DIALECT } from "../db/test-database";
import { createTestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

async function seeded() {
  const t = await createTestApp({ RETENTION_DAYS: 30 }, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 120 });
  // Seeded answers are all "given" today; as in life, say each was given at its contact.
  await t.db.write((tx) => tx.update(responses).set({ createdAt: sql`${responses.occurredAt}` }));
  const director = await signIn(t.app, "director@council.example", PASSWORD);
  const themes = async (range = "from=2025-11-01&to=2025-12-31") =>
    (await t.app.request(`/dashboard/api/themes?${range}`, { headers: { Cookie: director.cookie } })).json() as Promise<{
      comments: number;
      themes: { share: number | null }[];
      departments: { comments: number }[];
    }>;
  const usesRollup = (yes: boolean) =>
    t.db.write(async (tx) => {
      if (yes) await tx.insert(rollupFeatures).values({ feature: "commented" }).onConflictDoNothing();
      else await tx.delete(rollupFeatures).where(eq(rollupFeatures.feature, "commented"));
    });
  return { t, themes, usesRollup };
}

test("theme shares of a period whose comments retention has deleted stay what they were", async () => {
  const { t, themes } = await seeded();
  const commentsInRange = async () =>
    (
      await t.db.read
        .select({ n: count() })
        .from(responses)
        .where(and(isNotNull(responses.comment), lt(responses.occurredAt, Date.parse("2026-01-01T00:00:00Z"))))
    )[0]!.n;
  const before = await themes();
  expect(before.comments).toBeGreaterThan(0);
  expect(before.themes.length).toBeGreaterThan(0);
  expect(before.themes.every((th) => th.share !== null && th.share > 0 && th.share <= 100)).toBe(true);
  expect(await commentsInRange()).toBeGreaterThan(0);

  expect((await applyRetention(t.ctx)).comments).toBeGreaterThan(0);
  expect(await commentsInRange()).toBe(0);
  // The texts are gone; the counts, shares and movements are not.
  expect(await themes()).toEqual(before);
});

test("comment counts from the rollup equal the count over the responses, for whole months, before and after retention", async () => {
  const { t, themes, usesRollup } = await seeded();
  for (const range of ["from=2025-11-01&to=2025-12-31", "from=2025-12-01&to=2026-02-28", "period=week&from=2025-12-01&to=2026-01-25"]) {
    await usesRollup(true);
    const fromRollup = await themes(range);
    await usesRollup(false);
    expect(await themes(range)).toEqual(fromRollup);
  }
  await applyRetention(t.ctx);
  await usesRollup(true);
  const fromRollup = await themes();
  await usesRollup(false);
  expect(await themes()).toEqual(fromRollup);
});

const features = async (db: Database) => (await db.read.select({ feature: rollupFeatures.feature }).from(rollupFeatures)).map((r) => r.feature);

// Migration 0008 belongs to the SQLite history; PostgreSQL starts from a schema that has the counter.
test.runIf(TEST_DIALECT === "sqlite")(
  "migration 0008 trusts the new counter at once only on a database without responses; rollup rebuild completes it",
  async () => {
    const fresh = openSqlite(join(mkdtempSync(join(scratchFolder(), "fresh-")), "survey.db"));
    await fresh.migrate();
    expect(await features(fresh)).toEqual(["commented"]);
    await fresh.close();

    // A database that had an answer before 0008: the migrations up to 0007, then one response.
    const upTo7 = mkdtempSync(join(scratchFolder(), "migrations-"));
    cpSync(SQLITE_MIGRATIONS, upTo7, { recursive: true });
    const journalFile = join(upTo7, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= 7) }));
    const file = join(mkdtempSync(join(scratchFolder(), "old-")), "survey.db");
    const old = connectSqlite(file);
    migrate(drizzle(old), { migrationsFolder: upTo7 });
    old.exec(`
    insert into departments (id, code, name, created_at) values (1, 'D', 'Dept', 0);
    insert into teams (id, code, name, department_id, created_at) values (1, 'T', 'Team', 1, 0);
    insert into interactions (id, channel, team_id, occurred_at, language, source, created_at) values (1, 'phone', 1, 0, 'en', 'api', 0);
    insert into responses (interaction_id, team_id, channel, occurred_at, csat, comment, commented, language, confirmed_via, created_at, updated_at)
      values (1, 1, 'phone', 0, 4, 'Kept waiting', 1, 'en', 'form', 0, 0);`);
    old.close();

    const db = openSqlite(file);
    try {
      await db.migrate();
      expect(await features(db)).toEqual([]);
      await rebuildRollup(db, { timeZone: "Europe/London", yearStart: 4 });
      expect(await features(db)).toEqual(["commented"]);
      const [commented] = await db.read
        .select({ n: sum(reportRollup.commented) })
        .from(reportRollup)
        .where(and(eq(reportRollup.themeId, 0), eq(reportRollup.period, "month")));
      expect(Number(commented!.n)).toBe(1);
    } finally {
      await db.close();
    }
  },
);
