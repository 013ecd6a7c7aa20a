import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { migrateDatabase, MIGRATIONS_FOLDER, openDatabase, openMemoryDatabase, type Db } from "../../src/db/client";
import { applyRetention } from "../../src/services/privacy/retention";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { createTestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

async function seeded() {
  const t = createTestApp({ RETENTION_DAYS: 30 }, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 120 });
  // Seeded answers are all "given" today; as in life, say each was given at its contact.
  t.db.$client.exec("update responses set created_at = occurred_at");
  const director = await signIn(t.app, "director@council.example", PASSWORD);
  const themes = async (range = "from=2025-11-01&to=2025-12-31") =>
    (await t.app.request(`/dashboard/api/themes?${range}`, { headers: { Cookie: director.cookie } })).json() as Promise<{
      comments: number;
      themes: { share: number | null }[];
      departments: { comments: number }[];
    }>;
  const usesRollup = (yes: boolean) =>
    t.db.$client.exec(yes ? "insert or ignore into rollup_features values ('commented')" : "delete from rollup_features where feature = 'commented'");
  return { t, themes, usesRollup };
}

test("theme shares of a period whose comments retention has deleted stay what they were", async () => {
  const { t, themes } = await seeded();
  const commentsInRange = () =>
    t.db.$client.prepare("select count(*) from responses where comment is not null and occurred_at < ?").pluck().get(Date.parse("2026-01-01T00:00:00Z"));
  const before = await themes();
  expect(before.comments).toBeGreaterThan(0);
  expect(before.themes.length).toBeGreaterThan(0);
  expect(before.themes.every((th) => th.share !== null && th.share > 0 && th.share <= 100)).toBe(true);
  expect(commentsInRange()).toBeGreaterThan(0);

  expect(applyRetention(t.ctx).comments).toBeGreaterThan(0);
  expect(commentsInRange()).toBe(0);
  // The texts are gone; the counts, shares and movements are not.
  expect(await themes()).toEqual(before);
});

test("comment counts from the rollup equal the count over the responses, for whole months, before and after retention", async () => {
  const { t, themes, usesRollup } = await seeded();
  for (const range of ["from=2025-11-01&to=2025-12-31", "from=2025-12-01&to=2026-02-28", "period=week&from=2025-12-01&to=2026-01-25"]) {
    usesRollup(true);
    const fromRollup = await themes(range);
    usesRollup(false);
    expect(await themes(range)).toEqual(fromRollup);
  }
  applyRetention(t.ctx);
  usesRollup(true);
  const fromRollup = await themes();
  usesRollup(false);
  expect(await themes()).toEqual(fromRollup);
});

test("migration 0008 trusts the new counter at once only on a database without responses; rollup rebuild completes it", () => {
  const features = (db: Db) => db.$client.prepare("select feature from rollup_features").pluck().all();
  expect(features(openMemoryDatabase())).toEqual(["commented"]);

  // A database that had an answer before 0008: the migrations up to 0007, then one response.
  const upTo7 = mkdtempSync(join(tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_FOLDER, upTo7, { recursive: true });
  const journalFile = join(upTo7, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= 7) }));
  const db = openDatabase(":memory:");
  migrate(db, { migrationsFolder: upTo7 });
  db.$client.exec(`
    insert into departments (id, code, name, created_at) values (1, 'D', 'Dept', 0);
    insert into teams (id, code, name, department_id, created_at) values (1, 'T', 'Team', 1, 0);
    insert into interactions (id, channel, team_id, occurred_at, language, source, created_at) values (1, 'phone', 1, 0, 'en', 'api', 0);
    insert into responses (interaction_id, team_id, channel, occurred_at, csat, comment, commented, language, confirmed_via, created_at, updated_at)
      values (1, 1, 'phone', 0, 4, 'Kept waiting', 1, 'en', 'form', 0, 0);`);
  migrateDatabase(db);
  expect(features(db)).toEqual([]);
  rebuildRollup(db, "Europe/London");
  expect(features(db)).toEqual(["commented"]);
  expect(db.$client.prepare("select sum(commented) from report_rollup where theme_id = 0 and period = 'month'").pluck().get()).toBe(1);
});
