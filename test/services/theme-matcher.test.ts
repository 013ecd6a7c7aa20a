import { eq } from "drizzle-orm";
import { dirname } from "node:path";
import { afterEach, expect, test } from "vitest";
import { openDatabase, type Database } from "../../src/db/client";
import { themes, themesVersion } from "../../src/db/schema";
import { themeMatcher } from "../../src/services/theme-matcher";
import { newTestDatabaseLocation, openTestDatabase, TEST_DIALECT } from "../db/test-database";

// Closed here, before the file's databases are dropped; openTestDatabase's own are closed for us.
const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** A second Database on the same data, as another process (the CLI, another server) opens it. */
async function openAt(location: string): Promise<Database> {
  const db = await openDatabase(TEST_DIALECT === "sqlite" ? { DATA_DIR: dirname(location) } : { DATA_DIR: "", DATABASE_URL: location });
  opened.push(db);
  return db;
}

const version = async (db: Database) => (await db.read.select({ version: themesVersion.version }).from(themesVersion))[0]?.version;
const codes = async (db: Database, comment: string) => (await themeMatcher(db.read, db)).match(comment, "en").map((m) => m.code);

test("themes_version counts every insert, update and delete of a theme", async () => {
  const db = await openTestDatabase();
  expect(await version(db)).toBe(0);
  await db.write((tx) => tx.insert(themes).values({ code: "queues", name: "Queues", rules: { en: ["queue"] }, createdAt: 0 }));
  expect(await version(db)).toBe(1);
  await db.write((tx) => tx.update(themes).set({ name: "Queueing" }).where(eq(themes.code, "queues")));
  expect(await version(db)).toBe(2);
  await db.write((tx) => tx.delete(themes).where(eq(themes.code, "queues")));
  expect(await version(db)).toBe(3);
});

test("the compiled rules follow changes made by this server and by another process", async () => {
  const location = await newTestDatabaseLocation();
  const server = await openAt(location);
  await server.write((tx) => tx.insert(themes).values({ code: "queues", name: "Queues", rules: { en: ["queue"] }, createdAt: 0 }));
  expect(await codes(server, "The queue was long and the phone line kept dropping")).toEqual(["queues"]);
  expect(await themeMatcher(server.read, server)).toBe(await themeMatcher(server.read, server)); // unchanged: compiled once

  // The CLI, in another process, adds a rule word: the server's next answer uses it.
  const cli = await openAt(location);
  await cli.write((tx) =>
    tx
      .update(themes)
      .set({ rules: { en: ["queue", "phone line"] } })
      .where(eq(themes.code, "queues")),
  );
  await cli.close();
  opened.splice(opened.indexOf(cli), 1);
  expect(await codes(server, "The phone line kept dropping")).toEqual(["queues"]);

  // Retired through the server's own database: no longer matched.
  await server.write((tx) => tx.update(themes).set({ retiredAt: 1 }).where(eq(themes.code, "queues")));
  expect(await codes(server, "The queue was long")).toEqual([]);
});
