import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../src/db/client";
import { themes } from "../../src/db/schema";
import { themeMatcher } from "../../src/services/theme-matcher";

const version = (db: Db) => db.$client.prepare("select version from themes_version").pluck().get() as number;
const codes = (db: Db, comment: string) => themeMatcher(db).match(comment, "en").map((m) => m.code);

test("themes_version counts every insert, update and delete of a theme", () => {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  expect(version(db)).toBe(0);
  db.insert(themes).values({ code: "queues", name: "Queues", rules: { en: ["queue"] }, createdAt: 0 }).run();
  expect(version(db)).toBe(1);
  db.update(themes).set({ name: "Queueing" }).where(eq(themes.code, "queues")).run();
  expect(version(db)).toBe(2);
  db.delete(themes).where(eq(themes.code, "queues")).run();
  expect(version(db)).toBe(3);
});

test("the compiled rules follow changes made on the same connection and by another process", () => {
  const file = join(mkdtempSync(join(tmpdir(), "themes-")), "survey.db");
  const server = openDatabase(file);
  migrateDatabase(server);
  server.insert(themes).values({ code: "queues", name: "Queues", rules: { en: ["queue"] }, createdAt: 0 }).run();
  expect(codes(server, "The queue was long and the phone line kept dropping")).toEqual(["queues"]);
  expect(themeMatcher(server)).toBe(themeMatcher(server)); // unchanged: compiled once

  // The CLI, in another process, adds a rule word: the server's next answer uses it.
  const cli = openDatabase(file);
  cli.update(themes).set({ rules: { en: ["queue", "phone line"] } }).where(eq(themes.code, "queues")).run();
  cli.$client.close();
  expect(codes(server, "The phone line kept dropping")).toEqual(["queues"]);

  // Retired on the server's own connection: no longer matched.
  server.update(themes).set({ retiredAt: 1 }).where(eq(themes.code, "queues")).run();
  expect(codes(server, "The queue was long")).toEqual([]);
});
