import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { openSqlite } from "../../src/db/sqlite";
import { responses } from "../../src/db/schema";
import { count } from "drizzle-orm";
import { TEST_DIALECT } from "../db/test-database";
import { cliSandbox, type CliSandbox } from "./run-cli";

let box: CliSandbox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

test.runIf(TEST_DIALECT === "sqlite")("backup writes a consistent copy and refuses to overwrite", async () => {
  box = await cliSandbox();
  expect((await box.run("demo", "--responses", "300", "--seed", "3")).code).toBe(0);
  const target = join(box.dataDir, "copy.db");
  const done = await box.run("backup", target);
  expect(done.code).toBe(0);
  expect(done.stdout).toMatch(/integrity ok/);
  const copy = openSqlite(target);
  try {
    const [row] = await copy.read.select({ n: count() }).from(responses);
    expect(row!.n).toBeGreaterThan(250);
  } finally {
    await copy.close();
  }
  expect((await box.run("backup", target)).code).toBe(2);
});

test.runIf(TEST_DIALECT === "postgres")("backup on PostgreSQL refuses, pointing to pg_dump and point-in-time recovery", async () => {
  box = await cliSandbox();
  const target = join(box.dataDir, "copy.db");
  const refused = await box.run("backup", target);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("pg_dump");
  expect(refused.stderr).toContain("point-in-time recovery");
  expect(existsSync(target)).toBe(false);
});

test("erase needs --email or --phone and validates them; retention reports what it deleted", async () => {
  box = await cliSandbox();
  expect((await box.run("erase")).code).toBe(2);
  expect((await box.run("erase", "--email", "not-an-email")).code).toBe(2);
  const erased = await box.run("erase", "--email", "nobody@example.org");
  expect(erased.code).toBe(0);
  expect(erased.stdout).toMatch(/Erased 0 contact details and 0 comments across 0 interactions/);
  const kept = await box.run("retention");
  expect(kept.code).toBe(0);
  expect(kept.stdout).toMatch(/^Deleted \d+ comments/);
  if (TEST_DIALECT === "sqlite") expect(existsSync(box.dbFile)).toBe(true);
});
